import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// upload-layer: parts, plain progress lines off a terminal, the bar on one, digest verification, skipping
/// a layer the repository already has.
final class UploadLayerCommandTests: XCTestCase {
    private static let mebibyte = 1 << 20

    /// A 12 MiB file of varied bytes, and its `sha256:` digest.
    private func makeLayer() throws -> (URL, String) {
        var bytes = [UInt8](repeating: 0, count: 12 * Self.mebibyte)
        var state: UInt32 = 0x9E37_79B9
        for index in bytes.indices {
            state = state &* 1_664_525 &+ 1_013_904_223
            bytes[index] = UInt8(truncatingIfNeeded: state >> 24)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("layer-\(UUID().uuidString).bin")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return (url, "sha256:" + SHA256.hash(bytes).hexString)
    }

    func testUploadsInFiveMebibytePartsWithPlainProgressAndPrintsTheDigest() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let (file, digest) = try makeLayer()

        let result = try await service.succeed(["upload-layer", file.path, "--repository-name", "web", "--part-size", "5242880"])
        XCTAssertEqual(result.stdout, digest + "\n")
        XCTAssertEqual(result.stderrLines, [
            "uploaded part 1/3 (5.0 MiB of 12.0 MiB)",
            "uploaded part 2/3 (10.0 MiB of 12.0 MiB)",
            "uploaded part 3/3 (12.0 MiB of 12.0 MiB)",
        ])
        let check = try await service.client().batchCheckLayerAvailability(repositoryName: "web", layerDigests: [digest])
        XCTAssertEqual(check.layers?.first?.layerAvailability, .available)
        XCTAssertEqual(check.layers?.first?.layerSize, Int64(12 * Self.mebibyte))
    }

    func testALayerTheRepositoryHasIsNotUploadedAgain() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let (file, digest) = try makeLayer()
        _ = try await service.succeed(["upload-layer", file.path, "--repository", "web"])

        let again = try await service.succeed(["upload-layer", file.path, "--repository", "web", "--debug"])
        XCTAssertEqual(again.stdout, digest + "\n")
        XCTAssertTrue(again.stderr.contains("layer \(digest) is already in web; nothing to upload"), again.description)
        XCTAssertFalse(again.stderr.contains("InitiateLayerUpload"), again.description)
        XCTAssertFalse(again.stderr.contains("uploaded part"), again.description)
    }

    func testDrawsABarOnATerminal() async throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw XCTSkip("SKIPPED: /usr/bin/script (util-linux) is needed to give the tool a terminal")
        }
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let (file, digest) = try makeLayer()
        let command = [ToolRunner.binary.path, "upload-layer", file.path, "--repository-name", "web",
                       "--endpoint-url", service.server.endpointURL].joined(separator: " ")
        // `script` runs the command on a pseudo-terminal; its output (both streams) comes back on ours.
        let result = try await ToolRunner(environment: service.runner.environment).run(
            ["-qec", command, "/dev/null"], executable: script)
        XCTAssertEqual(result.status, 0, result.description)
        XCTAssertTrue(result.stdout.contains("\r\u{1B}[2K[" + String(repeating: ".", count: 30) + "] 0 B / 12.0 MiB"), result.stdout)
        XCTAssertNotNil(result.stdout.range(
            of: #"\[#{30}\] 12\.0 MiB / 12\.0 MiB  [0-9.]+ [KMG]?i?B/s  ETA 0s"#, options: .regularExpression), result.stdout)
        XCTAssertTrue(result.stdout.contains(digest), result.stdout)
        XCTAssertFalse(result.stdout.contains("uploaded part"), result.stdout)
    }

    func testPartSizeBelowFiveMebibytesIsAUsageError() async throws {
        let service = try await ToolTestService.start(for: self)
        let (file, _) = try makeLayer()
        let result = try await service.run(["upload-layer", file.path, "--repository-name", "web", "--part-size", "1048576"])
        XCTAssertEqual(result.status, 2, result.description)
        XCTAssertTrue(result.stderr.contains("argument --part-size: expected an integer from 5242880 to 20971520"),
                      result.description)
    }

    func testAMissingFileIsAUsageError() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.run(["upload-layer", "/nonexistent/layer.tar", "--repository-name", "web"])
        XCTAssertEqual(result.status, 2, result.description)
        XCTAssertTrue(result.stderr.contains("argument FILE: cannot read /nonexistent/layer.tar"), result.description)
    }
}
