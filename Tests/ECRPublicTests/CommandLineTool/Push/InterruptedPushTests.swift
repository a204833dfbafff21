import Foundation
import XCTest

/// A push killed half-way (SIGKILL, no clean-up) and run again completes, re-sending only the blobs that
/// were not completed.
final class InterruptedPushTests: XCTestCase {
    func testAPushKilledHalfWayCompletesWhenRunAgain() async throws {
        // Three layers of two 5 MiB parts each, and the config; every part takes at least 0.25 s.
        let image = TestImages.ociImage(layerSizes: [6 << 20, 6 << 20, 6 << 20], seed: 41, compressed: false)
        let layout = try TestImages.directory(
            TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs),
            for: self)
        let service = try await PushTestService.start(for: self, options: ["--part-delay", "0.25"])
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let arguments = ["push", layout.path, "public.ecr.aws/e2e-test/web:latest", "--concurrency", "1"]

        let first = try startTool(arguments + ["--endpoint-url", service.endpointURL], service: service)
        try await waitUntil(timeout: .seconds(60)) { try await service.calls()["CompleteLayerUpload", default: 0] >= 2 }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationReason, .uncaughtSignal)
        let atKill = try await service.calls()
        XCTAssertNil(atKill["PutImage"], "killed before the image was put: \(atKill)")
        XCTAssertLessThan(atKill["UploadLayerPart", default: 0], 7, "killed before every part was sent: \(atKill)")

        let rerun = try await service.succeed(arguments)
        XCTAssertEqual(rerun.stdout, image.manifest.digest + "\n")
        let skipped = rerun.stderrLines.filter { $0.hasSuffix(": already in the repository, not uploaded") }
        XCTAssertGreaterThanOrEqual(skipped.count, 2, "the config and the first layer were complete: \(rerun.stderr)")
        let after = try await service.calls()
        XCTAssertEqual(after["PutImage"], 1)
        XCTAssertLessThanOrEqual(after["UploadLayerPart", default: 0] - atKill["UploadLayerPart", default: 0], 4,
                                 "only the two unfinished layers are sent again")

        let detail = try await service.imageDetail("imageTag=latest", in: "web")
        XCTAssertEqual(detail["imageDigest"] as? String, image.manifest.digest)
        XCTAssertEqual(detail["imageSizeInBytes"] as? Int, image.layersSize)
        for blob in image.blobs {
            let stored = try await service.blob(blob.digest, in: "web")
            XCTAssertTrue(stored == blob.data, "blob \(blob.digest) differs from the source")
        }
    }

    /// Starts the tool without waiting for it, with the same environment `ToolRunner` gives it.
    private func startTool(_ arguments: [String], service: PushTestService) throws -> Process {
        let home = TestImages.temporaryURL("home", for: self)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = ToolRunner.binary
        process.arguments = arguments
        process.environment = service.tool.runner.environment.merging([
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
            "AWS_CONFIG_FILE": home.appendingPathComponent("no-config").path,
            "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("no-credentials").path,
        ]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        addTeardownBlock { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        return process
    }

    private func waitUntil(timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { return XCTFail("condition not met within \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
