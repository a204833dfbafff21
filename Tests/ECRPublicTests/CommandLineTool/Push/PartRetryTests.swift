import Foundation
import XCTest

/// Each layer part is retried on transient errors by the push itself, beyond the client's own attempts
/// (turned off here with `AWS_MAX_ATTEMPTS=1`, so only the push's retries are at work).
final class PartRetryTests: XCTestCase {
    /// A config and one 6 MiB layer: three parts in all.
    private let image = TestImages.ociImage(layerSizes: [6 << 20], seed: 51, compressed: false)
    private let oneAttemptPerCall = ["AWS_MAX_ATTEMPTS": "1"]

    private func push(serverOptions: [String]) async throws -> (PushTestService, ToolResult) {
        let layout = try TestImages.directory(
            TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs),
            for: self)
        let service = try await PushTestService.start(for: self, options: serverOptions)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let result = try await service.run(["push", layout.path, "web:latest", "--concurrency", "1"],
                                           environment: oneAttemptPerCall)
        return (service, result)
    }

    private func assertImageStored(in service: PushTestService, file: StaticString = #filePath, line: UInt = #line) async throws {
        let detail = try await service.imageDetail("imageTag=latest", in: "web")
        XCTAssertEqual(detail["imageDigest"] as? String, image.manifest.digest, file: file, line: line)
        for blob in image.blobs {
            let stored = try await service.blob(blob.digest, in: "web")
            XCTAssertTrue(stored == blob.data, "blob \(blob.digest) differs from the source", file: file, line: line)
        }
    }

    func testPartsThatFailWithServerErrorsAreSentAgain() async throws {
        let (service, result) = try await push(serverOptions: ["--fail-parts", "2"])
        XCTAssertEqual(result.status, 0, result.description)
        let calls = try await service.calls()
        XCTAssertEqual(calls["UploadLayerPart"], 3 + 2, "two failed attempts, then every part once")
        XCTAssertEqual(calls["InitiateLayerUpload"], 2, "no layer started over")
        try await assertImageStored(in: service)
    }

    func testAPartWhoseResponseWasLostIsNotAppendedTwice() async throws {
        let (service, result) = try await push(serverOptions: ["--lose-part-responses", "1"])
        XCTAssertEqual(result.status, 0, result.description)
        let calls = try await service.calls()
        XCTAssertEqual(calls["UploadLayerPart"], 3 + 1,
                       "the resent part is refused as already received, and that counts as sent")
        try await assertImageStored(in: service)
    }

    func testAFailureThatLastsStopsThePushWithTheServiceError() async throws {
        let (service, result) = try await push(serverOptions: ["--fail-parts", "1000"])
        XCTAssertEqual(result.status, 1, result.description)
        XCTAssertTrue(result.stderr.contains("An error occurred (ServerException) when calling the UploadLayerPart "
            + "operation: Injected transient failure (--fail-parts)"), result.description)
        let calls = try await service.calls()
        XCTAssertEqual(calls["UploadLayerPart"], 5, "five attempts at the first part")
        XCTAssertNil(calls["PutImage"])
    }
}
