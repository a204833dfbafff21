import AWSRuntime
import Foundation

/// SHA-256 throughput over one large buffer, ours beside `openssl dgst -sha256` on the same bytes.
///
/// OpenSSL runs as a process on a file holding the buffer; its start-up cost is measured on an empty file
/// and subtracted, so the figure is its hashing speed, not its launch time.
func sha256BenchmarkRows() -> [BenchmarkRow] {
    let size = 256 * 1024 * 1024
    var buffer = [UInt8](repeating: 0, count: size)
    var seed: UInt64 = 0x1234_5678_9ABC_DEF0
    for index in stride(from: 0, to: size, by: 8) {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        withUnsafeBytes(of: seed) { bytes in
            for offset in 0..<8 { buffer[index + offset] = bytes[offset] }
        }
    }
    var digest = ""
    let ours = buffer.withUnsafeBytes { bytes in
        bestTime(iterations: 5) { digest = SHA256.hash(bytes).hexString }
    }
    let oursMBps = Double(size) / 1e6 / ours.seconds

    let reference = opensslThroughput(buffer, expectedDigest: digest)
    let speed = opensslSpeedThroughput()
    return [
        BenchmarkRow(
            name: "SHA-256, 256 MiB buffer", ours: oursMBps, unit: "MB/s",
            referenceName: reference.map { _ in "openssl dgst -sha256" }, reference: reference, goal: "≥ 0.8× OpenSSL",
            met: reference.map { oursMBps / $0 >= 0.8 }),
        BenchmarkRow(
            name: "SHA-256 vs OpenSSL's in-memory speed", ours: oursMBps, unit: "MB/s",
            referenceName: speed.map { _ in "openssl speed -evp sha256, 16 KiB" }, reference: speed,
            goal: "≥ 0.8× OpenSSL", met: speed.map { oursMBps / $0 >= 0.8 }),
    ]
}

/// MB/s of `openssl dgst -sha256` on `buffer`, or nil when openssl is missing or disagrees with us.
private func opensslThroughput(_ buffer: [UInt8], expectedDigest: String) -> Double? {
    guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first(where: FileManager.default.isExecutableFile(atPath:))
    else {
        print("openssl not found: no SHA-256 reference")
        return nil
    }
    let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let dataPath = (directory as NSString).appendingPathComponent("sha256-bench-\(UUID()).bin")
    let emptyPath = (directory as NSString).appendingPathComponent("sha256-bench-\(UUID()).empty")
    defer {
        try? FileManager.default.removeItem(atPath: dataPath)
        try? FileManager.default.removeItem(atPath: emptyPath)
    }
    guard FileManager.default.createFile(atPath: dataPath, contents: Data(buffer)),
        FileManager.default.createFile(atPath: emptyPath, contents: Data())
    else { return nil }

    func run(_ path: String) -> (Duration, String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["dgst", "-sha256", "-r", path]
        let output = Pipe()
        process.standardOutput = output
        let clock = ContinuousClock()
        let start = clock.now
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = clock.now - start
        return (elapsed, String(String(decoding: data, as: UTF8.self).prefix(64)))
    }
    var best: Duration?
    var startup: Duration?
    for _ in 0..<5 {
        guard let (elapsed, digest) = run(dataPath), let (emptyElapsed, _) = run(emptyPath) else { return nil }
        guard digest == expectedDigest else {
            print("openssl digest \(digest) differs from ours \(expectedDigest)")
            return nil
        }
        best = min(best ?? elapsed, elapsed)
        startup = min(startup ?? emptyElapsed, emptyElapsed)
    }
    guard let best, let startup, best > startup else { return nil }
    return Double(buffer.count) / 1e6 / (best - startup).seconds
}

/// MB/s from `openssl speed -evp sha256 -bytes 16384`: OpenSSL hashing in memory, no file I/O at all.
private func opensslSpeedThroughput() -> Double? {
    guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first(where: FileManager.default.isExecutableFile(atPath:))
    else { return nil }
    guard let data = childOutput(openssl, ["speed", "-evp", "sha256", "-bytes", "16384", "-seconds", "2"]) else { return nil }
    // The last line reads e.g. "sha256   1552264.62k": thousands of bytes per second.
    guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
        let field = line.split(separator: " ").last, field.hasSuffix("k"),
        let kilobytes = Double(field.dropLast())
    else { return nil }
    return kilobytes / 1000
}
