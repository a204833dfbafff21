import AWSRuntime
import Foundation
import XCTest

/// The commands that map one ECR Public operation each, as `aws ecr-public` names them.
final class OperationCommandTests: XCTestCase {
    private func serviceWithRepository() async throws -> ToolTestService {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        return service
    }

    func testALayerUploadedStepByStep() async throws {
        let service = try await serviceWithRepository()
        let layer = layerBytes(count: 3000, seed: 81)
        let digest = sha256Digest(layer)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("part-\(UUID().uuidString)")
        try layer.write(to: file)
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }

        let missing = try await service.succeed(["batch-check-layer-availability", "--repository-name", "web",
                                                 "--layer-digests", digest])
        XCTAssertEqual((missing.json?["failures"] as? [[String: Any]])?.first?["failureCode"] as? String, "MissingLayerDigest")
        let initiated = try await service.succeed(["initiate-layer-upload", "--repository-name", "web"])
        let uploadId = try XCTUnwrap(initiated.json?["uploadId"] as? String, initiated.description)
        XCTAssertEqual(initiated.json?["partSize"] as? Int, 5 << 20)
        let part = try await service.succeed(["upload-layer-part", "--repository-name", "web", "--upload-id", uploadId,
                                              "--part-first-byte", "0", "--part-last-byte", "2999",
                                              "--layer-part-blob", "fileb://" + file.path])
        XCTAssertEqual(part.json?["lastByteReceived"] as? Int, 2999)
        let completed = try await service.succeed(["complete-layer-upload", "--repository-name", "web",
                                                   "--upload-id", uploadId, "--layer-digests", digest])
        XCTAssertEqual(completed.json?["layerDigest"] as? String, digest)
        let available = try await service.succeed(["batch-check-layer-availability", "--repository-name", "web",
                                                   "--layer-digests", digest, "--output", "table"])
        XCTAssertTrue(available.stdout.contains("layers[0].layerAvailability  AVAILABLE"), available.stdout)
        XCTAssertTrue(available.stdout.contains("layers[0].layerSize          3000"), available.stdout)
    }

    func testPutImageThenBatchDeleteImage() async throws {
        let service = try await serviceWithRepository()
        let manifest = #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}"#
        let put = try await service.succeed(["put-image", "--repository-name", "web", "--image-manifest", manifest,
                                             "--image-tag", "v1"])
        let image = try XCTUnwrap(put.json?["image"] as? [String: Any], put.description)
        XCTAssertEqual(image["imageManifest"] as? String, manifest)
        XCTAssertEqual((image["imageId"] as? [String: Any])?["imageDigest"] as? String, sha256Digest(Data(manifest.utf8)))

        let deleted = try await service.succeed(["batch-delete-image", "--repository-name", "web", "--image-ids",
                                                 "imageTag=v1", "imageTag=nope"])
        XCTAssertEqual((deleted.json?["imageIds"] as? [[String: Any]])?.first?["imageTag"] as? String, "v1")
        XCTAssertEqual((deleted.json?["failures"] as? [[String: Any]])?.first?["failureCode"] as? String, "ImageNotFound")
        let listing = try await service.succeed(["describe-images", "--repository-name", "web", "--output", "table"])
        XCTAssertEqual(listing.stdout, "No images.\n")
    }

    func testTagResourceListTagsAndUntag() async throws {
        let service = try await ToolTestService.start(for: self)
        let created = try await service.succeed(["create-repository", "--repository-name", "web"])
        let arn = try XCTUnwrap((created.json?["repository"] as? [String: Any])?["repositoryArn"] as? String)

        _ = try await service.succeed(["tag-resource", "--resource-arn", arn, "--tags", "Key=team,Value=web", "Key=tier,Value=1"])
        let listed = try await service.succeed(["list-tags-for-resource", "--resource-arn", arn, "--output", "table"])
        XCTAssertEqual(listed.stdout, "KEY   VALUE\n----  -----\nteam  web\ntier  1\n")
        let untag = try await service.succeed(["untag-resource", "--resource-arn", arn, "--tag-keys", "team"])
        XCTAssertEqual(untag.stdout, "")
        let json = try await service.succeed(["list-tags-for-resource", "--resource-arn", arn])
        XCTAssertEqual(json.json?["tags"] as? [[String: String]], [["Key": "tier", "Value": "1"]])
    }

    func testRegistryCommands() async throws {
        let service = try await ToolTestService.start(for: self)
        let registries = try await service.succeed(["describe-registries", "--output", "table"])
        XCTAssertEqual(registries.stdout.split(separator: "\n").last,
                       "123456789012  public.ecr.aws/e2e-test  e2e-test")
        let put = try await service.succeed(["put-registry-catalog-data", "--display-name", "Example Corp"])
        XCTAssertEqual((put.json?["registryCatalogData"] as? [String: Any])?["displayName"] as? String, "Example Corp")
        let get = try await service.succeed(["get-registry-catalog-data", "--output", "table"])
        XCTAssertEqual(get.stdout, "FIELD                            VALUE\n"
            + "-------------------------------  ------------\nregistryCatalogData.displayName  Example Corp\n")
    }

    func testRepositoryCatalogDataAndPolicyDeletion() async throws {
        let service = try await serviceWithRepository()
        _ = try await service.succeed(["put-repository-catalog-data", "--repository-name", "web",
                                       "--catalog-data", #"{"description": "A web server"}"#])
        let catalog = try await service.succeed(["get-repository-catalog-data", "--repository-name", "web"])
        XCTAssertEqual((catalog.json?["catalogData"] as? [String: Any])?["description"] as? String, "A web server")

        let policy = #"{"Version":"2012-10-17","Statement":[]}"#
        _ = try await service.succeed(["set-repository-policy", "--repository-name", "web", "--policy-text", policy])
        let deleted = try await service.succeed(["delete-repository-policy", "--repository-name", "web"])
        XCTAssertEqual(deleted.json?["policyText"] as? String, policy)
        let gone = try await service.run(["get-repository-policy", "--repository-name", "web"])
        XCTAssertEqual(gone.status, 1, gone.description)
        XCTAssertTrue(gone.stderr.contains("(RepositoryPolicyNotFoundException)"), gone.description)
    }
}
