import Foundation

/// Wall time, peak resident memory and CPU time (user + system) of one child process, from GNU time's
/// `-f` report; the CPU time shows what the client itself costs when the Python service is the slower end.
struct TimedRun {
    var seconds: Double
    var peakMiB: Double
    var cpuSeconds: Double

    /// Runs `executable arguments` under `/usr/bin/time` with `environment` (added to PATH and HOME);
    /// nil, with the reason printed, when it cannot run or exits non-zero.
    static func measure(_ executable: String, _ arguments: [String], environment: [String: String]) -> TimedRun? {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("time-\(UUID().uuidString)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: report)
            try? FileManager.default.removeItem(at: output)
        }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-o", report.path, "-f", "%e %M %U %S", executable] + arguments
        let inherited = ProcessInfo.processInfo.environment
        process.environment = environment.merging(["PATH": inherited["PATH"] ?? "/usr/bin:/bin",
                                                   "HOME": inherited["HOME"] ?? "/tmp"]) { own, _ in own }
        process.standardInput = FileHandle.nullDevice
        guard let sink = try? FileHandle(forWritingTo: output) else { return nil }
        process.standardOutput = sink
        process.standardError = sink
        do { try process.run() } catch {
            print("push benchmark: cannot run \(executable): \(error)")
            return nil
        }
        process.waitUntilExit()
        try? sink.close()
        let fields = ((try? String(contentsOf: report, encoding: .utf8)) ?? "")
            .split(whereSeparator: \.isWhitespace).suffix(4).compactMap { Double($0) }
        guard process.terminationStatus == 0, fields.count == 4 else {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            print("push benchmark: \(executable) \(arguments.first ?? "") failed (exit \(process.terminationStatus)):\n"
                  + String(text.suffix(2_000)))
            return nil
        }
        return TimedRun(seconds: fields[0], peakMiB: fields[1] / 1024, cpuSeconds: fields[2] + fields[3])
    }
}
