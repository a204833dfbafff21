import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Start-up and size (issue 17): the stripped size of a tiny program that builds an ECR Public client and of the
/// `ecr-public` tool, and the wall time of `ecr-public --help`, beside the AWS CLI's `aws --version` (its start-up
/// floor) measured in the same run.
func startupBenchmarkRows() -> [BenchmarkRow] {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    var rows: [BenchmarkRow] = []
    // Soto 7.13's figure for the same tiny program, measured once on this machine (Soto cannot be fetched here).
    let sotoTinyMegabytes = 18.8
    if let tiny = strippedMegabytes(products.appendingPathComponent("tiny-client")) {
        rows.append(BenchmarkRow(name: "tiny program building an ECR Public client, stripped", ours: tiny, unit: "MB",
                                 referenceName: "Soto 7.13, same program (earlier measurement)", reference: sotoTinyMegabytes,
                                 goal: "≤ Soto", met: tiny <= sotoTinyMegabytes))
    }
    let tool = products.appendingPathComponent("ecr-public")
    if let size = strippedMegabytes(tool) {
        rows.append(BenchmarkRow(name: "ecr-public tool, stripped", ours: size, unit: "MB", referenceName: nil,
                                 reference: nil, goal: "-", met: nil))
    }
    guard let help = bestWallTime(tool.path, ["--help"]) else { return rows }
    let cli = bestWallTime("/usr/bin/env", ["aws", "--version"])
    rows.append(BenchmarkRow(name: "ecr-public --help, wall time", ours: help * 1000, unit: "ms",
                             referenceName: cli == nil ? nil : "aws --version (AWS CLI start-up)", reference: cli.map { $0 * 1000 },
                             goal: "≤ 20 ms", met: help * 1000 <= 20))
    return rows
}

/// The size of `binary` after `strip`, in MB (10^6 bytes); nil (printed) when it is missing or strip fails.
private func strippedMegabytes(_ binary: URL) -> Double? {
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        print("start-up benchmark: \(binary.path) is missing (`swift run -c release benchmarks` builds it)")
        return nil
    }
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("stripped-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    do {
        try FileManager.default.copyItem(at: binary, to: copy)
        let strip = Process()
        strip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        strip.arguments = ["strip", copy.path]
        try strip.run()
        strip.waitUntilExit()
        guard strip.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        let size = try FileManager.default.attributesOfItem(atPath: copy.path)[.size] as? Int ?? 0
        return Double(size) / 1_000_000
    } catch {
        print("start-up benchmark: cannot strip \(binary.lastPathComponent): \(error)")
        return nil
    }
}

/// The best wall time of 15 runs of a command, in seconds; nil when it cannot run or fails.
private func bestWallTime(_ executable: String, _ arguments: [String]) -> Double? {
    var best = Double.infinity
    for _ in 0..<15 {
        let start = ContinuousClock.now
        guard runQuietly(executable, arguments) else { return nil }
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return best
}

#if os(Linux)
/// Runs the command with `posix_spawn`, its output discarded: Foundation's `Process` adds tens of milliseconds of
/// its own on Linux, more than the start-up being measured.
private func runQuietly(_ executable: String, _ arguments: [String]) -> Bool {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawnp(&pid, executable, &actions, nil, argv, environ) == 0 else { return false }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status == 0
}
#else
private func runQuietly(_ executable: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}
#endif
