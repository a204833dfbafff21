import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// Each documented error the push flow can hit arrives as the typed `ECRPublicError`, with its members;
/// signing failures and invalid input are told apart from them.
final class ECRPublicErrorTests: XCTestCase {
    static let mib = 1024 * 1024

    func testCompletingAnUploadOfALayerTheRepositoryHasIsLayerAlreadyExists() async throws {
        let client = try await ECRPublicTestService.start(for: self).client()
        _ = try await client.createRepository(repositoryName: "layers")
        let layer = layerBytes(count: 4096, seed: 3)
        for attempt in 1...2 {
            let started = try await client.initiateLayerUpload(repositoryName: "layers")
            let upload = try XCTUnwrap(started.uploadId)
            _ = try await client.uploadLayerPart(repositoryName: "layers", uploadId: upload, partFirstByte: 0,
                                                 partLastByte: Int64(layer.count - 1), layerPartBlob: layer)
            if attempt == 1 {
                let done = try await client.completeLayerUpload(repositoryName: "layers", uploadId: upload,
                                                                layerDigests: [sha256Digest(layer)])
                XCTAssertEqual(done.layerDigest, sha256Digest(layer))
            } else {
                let error = await assertECRPublicError(.layerAlreadyExistsException) {
                    try await client.completeLayerUpload(repositoryName: "layers", uploadId: upload,
                                                         layerDigests: [sha256Digest(layer)])
                }
                XCTAssertEqual(error?.details, .layerAlreadyExistsException(LayerAlreadyExistsException(message: error?.message)))
                XCTAssertEqual(error?.fault, .client)
            }
        }
    }

    func testAPartUnderFiveMiBBeforeTheLastIsLayerPartTooSmall() async throws {
        let client = try await ECRPublicTestService.start(for: self).client()
        _ = try await client.createRepository(repositoryName: "small-parts")
        let layer = layerBytes(count: 3 * Self.mib, seed: 4)
        let started = try await client.initiateLayerUpload(repositoryName: "small-parts")
        let upload = try XCTUnwrap(started.uploadId)
        // Two parts of 1.5 MiB: each is accepted on its own; ECR checks the sizes when the upload completes.
        let half = layer.count / 2
        for (first, end) in [(0, half), (half, layer.count)] {
            let part = try await client.uploadLayerPart(
                repositoryName: "small-parts", uploadId: upload, partFirstByte: Int64(first), partLastByte: Int64(end - 1),
                layerPartBlob: layer.subdata(in: first..<end))
            XCTAssertEqual(part.lastByteReceived, Int64(end - 1))
        }
        let error = await assertECRPublicError(.layerPartTooSmallException) {
            try await client.completeLayerUpload(repositoryName: "small-parts", uploadId: upload,
                                                 layerDigests: [sha256Digest(layer)])
        }
        XCTAssertTrue(error?.message?.contains("\(5 * Self.mib)") == true, String(describing: error?.message))
    }

    func testAnUnknownOrFinishedUploadIsUploadNotFound() async throws {
        let client = try await ECRPublicTestService.start(for: self).client()
        _ = try await client.createRepository(repositoryName: "uploads")
        let unknown = "0b6f7a1e-5d1c-4b8e-9a0e-000000000000"
        let error = await assertECRPublicError(.uploadNotFoundException) {
            try await client.uploadLayerPart(repositoryName: "uploads", uploadId: unknown, partFirstByte: 0,
                                             partLastByte: 0, layerPartBlob: Data([1]))
        }
        XCTAssertTrue(error?.message?.contains(unknown) == true, String(describing: error?.message))

        // A completed upload is consumed: completing it again names it unknown.
        let blob = Data("config".utf8)
        let started = try await client.initiateLayerUpload(repositoryName: "uploads")
        let upload = try XCTUnwrap(started.uploadId)
        _ = try await client.uploadLayerPart(repositoryName: "uploads", uploadId: upload, partFirstByte: 0,
                                             partLastByte: Int64(blob.count - 1), layerPartBlob: blob)
        _ = try await client.completeLayerUpload(repositoryName: "uploads", uploadId: upload, layerDigests: [sha256Digest(blob)])
        await assertECRPublicError(.uploadNotFoundException) {
            try await client.completeLayerUpload(repositoryName: "uploads", uploadId: upload, layerDigests: [sha256Digest(blob)])
        }
    }

    func testAPartThatDoesNotContinueTheUploadIsInvalidLayerPartWithItsMembers() async throws {
        let client = try await ECRPublicTestService.start(for: self).client()
        _ = try await client.createRepository(repositoryName: "gaps")
        let started = try await client.initiateLayerUpload(repositoryName: "gaps")
        let upload = try XCTUnwrap(started.uploadId)
        _ = try await client.uploadLayerPart(repositoryName: "gaps", uploadId: upload, partFirstByte: 0, partLastByte: 99,
                                             layerPartBlob: layerBytes(count: 100, seed: 5))
        let error = await assertECRPublicError(.invalidLayerPartException) {
            try await client.uploadLayerPart(repositoryName: "gaps", uploadId: upload, partFirstByte: 150, partLastByte: 199,
                                             layerPartBlob: layerBytes(count: 50, seed: 6))
        }
        XCTAssertEqual(error?.details, .invalidLayerPartException(InvalidLayerPartException(
            registryId: "123456789012", repositoryName: "gaps", uploadId: upload, lastValidByteReceived: 99,
            message: error?.message)))
    }

    func testPushingTheSameManifestAndTagAgainIsImageAlreadyExists() async throws {
        let client = try await ECRPublicTestService.start(for: self).client()
        let manifest = try await pushSmallImage(to: "images", tag: "1.0", client: client)
        let error = await assertECRPublicError(.imageAlreadyExistsException) {
            try await client.putImage(repositoryName: "images", imageManifest: manifest, imageTag: "1.0")
        }
        XCTAssertTrue(error?.message?.contains(sha256Digest(Data(manifest.utf8))) == true, String(describing: error?.message))
        // Another tag for the same manifest is fine.
        let retagged = try await client.putImage(repositoryName: "images", imageManifest: manifest, imageTag: "1")
        XCTAssertEqual(retagged.image?.imageId?.imageTag, "1")
    }

    func testDeletingARepositoryWithImagesIsRepositoryNotEmptyUnlessForced() async throws {
        let client = try await ECRPublicTestService.start(for: self).client()
        _ = try await pushSmallImage(to: "full", tag: "x", client: client)
        let error = await assertECRPublicError(.repositoryNotEmptyException) {
            try await client.deleteRepository(repositoryName: "full")
        }
        XCTAssertEqual(error?.details, .repositoryNotEmptyException(RepositoryNotEmptyException(message: error?.message)))
        XCTAssertEqual(error?.isRetryable, false)
        let deleted = try await client.deleteRepository(repositoryName: "full", force: true)
        XCTAssertEqual(deleted.repository?.repositoryName, "full")
        await assertECRPublicError(.repositoryNotFoundException) {
            try await client.deleteRepository(repositoryName: "full", force: true)
        }
    }

    func testAWrongSecretKeyIsInvalidSignatureException() async throws {
        let service = try await ECRPublicTestService.start(for: self)
        let client = service.client(secretAccessKey: "not-the-secret")
        let error = await assertECRPublicError(.init(rawValue: "InvalidSignatureException"), status: 403) {
            try await client.describeRepositories(DescribeRepositoriesRequest())
        }
        XCTAssertNil(error?.details, "not a code the ECR Public model lists")
        XCTAssertTrue(error?.message?.contains("The request signature we calculated does not match") == true,
                      String(describing: error?.message))
        // The same server accepts the right key, so the signature and nothing else was at fault.
        let repositories = try await service.client().describeRepositories(DescribeRepositoriesRequest())
        XCTAssertEqual(repositories.repositories ?? [], [])
    }

    func testAnUnknownAccessKeyIsUnrecognizedClientException() async throws {
        let service = try await ECRPublicTestService.start(for: self)
        let client = service.client(accessKeyId: "AKIDUNKNOWN")
        await assertECRPublicError(.init(rawValue: "UnrecognizedClientException"), status: 403) {
            try await client.describeRegistries(DescribeRegistriesRequest())
        }
    }

    func testInvalidInputIsRejectedBeforeAnyRequestIsSent() async throws {
        let service = try await ECRPublicTestService.start(for: self)
        let counter = AttemptCounter()
        let client = service.client(hooks: [counter])
        do {
            _ = try await client.createRepository(repositoryName: "UPPER!")
            XCTFail("expected a ValidationError")
        } catch let error as ValidationError {
            XCTAssertEqual(error.operation, "CreateRepository")
            XCTAssertEqual(error.violations.map(\.path), ["repositoryName"])
        }
        let attemptsAfterInvalid = await counter.count.attempts
        XCTAssertEqual(attemptsAfterInvalid, [])
        // The hook does see requests that are sent, and the server never heard of the invalid name.
        await assertECRPublicError(.repositoryNotFoundException) {
            try await client.describeRepositories(repositoryNames: ["upper"])
        }
        let attempts = await counter.count.attempts
        XCTAssertEqual(attempts, ["DescribeRepositories"])
    }

    /// Creates `repository` and pushes a one-layer image with `tag`; returns its manifest.
    func pushSmallImage(to repository: String, tag: String, client: ECRPublicClient) async throws -> String {
        _ = try await client.createRepository(repositoryName: repository)
        var digests: [String] = []
        for blob in [layerBytes(count: 512, seed: 8), Data(#"{"os":"linux"}"#.utf8)] {
            let started = try await client.initiateLayerUpload(repositoryName: repository)
            let upload = try XCTUnwrap(started.uploadId)
            _ = try await client.uploadLayerPart(repositoryName: repository, uploadId: upload, partFirstByte: 0,
                                                 partLastByte: Int64(blob.count - 1), layerPartBlob: blob)
            let completed = try await client.completeLayerUpload(
                repositoryName: repository, uploadId: upload, layerDigests: [sha256Digest(blob)])
            digests.append(try XCTUnwrap(completed.layerDigest))
        }
        let manifest = ECRPublicPushFlowTests.manifest(
            config: Data(#"{"os":"linux"}"#.utf8), configDigest: digests[1], layerSize: 512, layerDigest: digests[0])
        let pushed = try await client.putImage(repositoryName: repository, imageManifest: manifest, imageTag: tag)
        XCTAssertEqual(pushed.image?.imageId?.imageTag, tag)
        return manifest
    }
}
