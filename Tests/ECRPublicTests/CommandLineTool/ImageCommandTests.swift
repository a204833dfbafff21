import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// describe-images and describe-image-tags after images are put with the client directly.
final class ImageCommandTests: XCTestCase {
    private let manifest = #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}"#
    private var digest: String { "sha256:" + SHA256.hash(Data(manifest.utf8)).hexString }

    private func serviceWithImage() async throws -> ToolTestService {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        _ = try await service.client().putImage(repositoryName: "web", imageManifest: manifest, imageTag: "latest")
        return service
    }

    func testDescribeImagesAsJSON() async throws {
        let service = try await serviceWithImage()
        let result = try await service.succeed(["describe-images", "--repository-name", "web"])
        let images = try XCTUnwrap(result.json?["imageDetails"] as? [[String: Any]], result.description)
        XCTAssertEqual(images.count, 1)
        XCTAssertEqual(images.first?["imageDigest"] as? String, digest)
        XCTAssertEqual(images.first?["imageTags"] as? [String], ["latest"])
        XCTAssertEqual(images.first?["imageSizeInBytes"] as? Int, manifest.utf8.count)
        XCTAssertTrue((images.first?["imagePushedAt"] as? String)?.hasSuffix("+00:00") ?? false, result.stdout)
    }

    func testDescribeImagesAsTableShowsDigestTagsSizeAndPushTime() async throws {
        let service = try await serviceWithImage()
        let result = try await service.succeed(["describe-images", "--repository-name", "web", "--output", "table"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, result.stdout)
        XCTAssertNotNil(lines[0].range(of: #"^DIGEST +TAGS +SIZE +PUSHED$"#, options: .regularExpression), result.stdout)
        XCTAssertNotNil(lines[2].range(of: "^\(digest)  latest  \(manifest.utf8.count) B  \\d{4}-\\d{2}-\\d{2} ",
                                       options: .regularExpression), result.stdout)
    }

    func testImageIdsSelectByTagAndAnUnknownTagIsAServiceError() async throws {
        let service = try await serviceWithImage()
        let found = try await service.succeed(["describe-images", "--repository-name", "web", "--image-ids", "imageTag=latest"])
        XCTAssertEqual((found.json?["imageDetails"] as? [[String: Any]])?.first?["imageDigest"] as? String, digest)

        let missing = try await service.run(["describe-images", "--repository-name", "web", "--image-ids", "imageTag=nope"])
        XCTAssertEqual(missing.status, 1, missing.description)
        XCTAssertTrue(missing.stderr.contains(
            "An error occurred (ImageNotFoundException) when calling the DescribeImages operation: "), missing.description)
    }

    func testDescribeImageTags() async throws {
        let service = try await serviceWithImage()
        let json = try await service.succeed(["describe-image-tags", "--repository-name", "web"])
        let details = try XCTUnwrap(json.json?["imageTagDetails"] as? [[String: Any]], json.description)
        XCTAssertEqual(details.first?["imageTag"] as? String, "latest")
        XCTAssertEqual((details.first?["imageDetail"] as? [String: Any])?["imageDigest"] as? String, digest)

        let table = try await service.succeed(["describe-image-tags", "--repository-name", "web", "--output", "table"])
        XCTAssertTrue(table.stdout.hasPrefix("TAG     DIGEST"), table.stdout)
        XCTAssertTrue(table.stdout.contains("latest  \(digest)  "), table.stdout)
    }
}
