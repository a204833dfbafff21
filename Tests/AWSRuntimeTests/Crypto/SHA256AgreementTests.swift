import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// Agreement with the system's `sha256sum` on pseudo-random inputs: every length 0…1,000 bytes, lengths
/// around block boundaries, and a multi-MiB buffer, on every backend.
final class SHA256AgreementTests: XCTestCase {

    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    private func sha256sumPath() throws -> String {
        for candidate in ["/usr/bin/sha256sum", "/bin/sha256sum", "/opt/homebrew/bin/sha256sum", "/usr/local/bin/sha256sum"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw XCTSkip("sha256sum is not installed; skipping agreement with the system tool")
    }

    /// Hashes every input with one `sha256sum` run over a temporary directory: one process, many files.
    private func systemDigests(_ inputs: [[UInt8]]) throws -> [String] {
        let tool = try sha256sumPath()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-agreement-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, input) in inputs.enumerated() {
            let url = directory.appendingPathComponent(String(format: "%06d", index))
            try Data(input).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return lines.map { String($0.prefix(64)) }
    }

    private func assertAgreement(_ inputs: [[UInt8]], file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try systemDigests(inputs)
        XCTAssertEqual(expected.count, inputs.count, file: file, line: line)
        for backend in SHA256KnownAnswerTests.backends {
            for (input, expectedDigest) in zip(inputs, expected) {
                var hasher = SHA256(backend: backend)
                hasher.update(input)
                XCTAssertEqual(
                    hasher.finalize().hexString, expectedDigest, "length \(input.count) on \(backend)", file: file,
                    line: line)
            }
        }
    }

    func testEveryLengthFromZeroToOneThousand() throws {
        try assertAgreement((0...1000).map { randomBytes($0, seed: UInt64($0)) })
    }

    func testLengthsAroundBlockBoundaries() throws {
        var lengths: [Int] = []
        for blocks in [1, 2, 16, 17, 64, 1024] {
            let boundary = blocks * 64
            lengths += [boundary - 9, boundary - 8, boundary - 1, boundary, boundary + 1, boundary + 55, boundary + 56]
        }
        try assertAgreement(lengths.map { randomBytes($0, seed: 0xB10C + UInt64($0)) })
    }

    func testSeveralMebibytes() throws {
        let input = randomBytes(5 * 1024 * 1024 + 17, seed: 42)
        try assertAgreement([input])
        // And streamed in uneven chunks, as a large body would be.
        let expected = try systemDigests([input])[0]
        var hasher = SHA256()
        var offset = 0
        while offset < input.count {
            let end = min(offset + 100_003, input.count)
            input[offset..<end].withUnsafeBytes { hasher.update(bufferPointer: $0) }
            offset = end
        }
        XCTAssertEqual(hasher.finalize().hexString, expected)
    }
}
