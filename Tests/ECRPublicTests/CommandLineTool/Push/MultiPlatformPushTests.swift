import Foundation
import XCTest

/// `push` of an OCI layout whose `index.json` points to a two-platform index: both platform manifests go
/// in first (untagged), then the index with the tag.
final class MultiPlatformPushTests: XCTestCase {
    func testPushesEveryPlatformManifestThenTheIndex() async throws {
        let amd64 = TestImages.ociImage(layerSizes: [20_000, 30_000], seed: 21, architecture: "amd64")
        let arm64 = TestImages.ociImage(layerSizes: [20_000, 40_000], seed: 21, architecture: "arm64")
        XCTAssertEqual(amd64.layers[0].digest, arm64.layers[0].digest, "the platforms share their first layer")
        let index = TestImages.index([("linux/amd64", amd64), ("linux/arm64", arm64)])
        let files = TestImages.ociLayoutFiles(top: index, topMediaType: TestImages.ociIndexType,
                                              blobs: amd64.blobs + arm64.blobs + [amd64.manifest, arm64.manifest])
        let layout = try TestImages.directory(files, for: self)
        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])

        let result = try await service.succeed(["push", layout.path, "public.ecr.aws/e2e-test/web:multi"])
        XCTAssertEqual(result.stdout, index.digest + "\n")

        let listing = try await service.succeed(["describe-images", "--repository-name", "web"])
        let images = try XCTUnwrap(listing.json?["imageDetails"] as? [[String: Any]], listing.description)
        XCTAssertEqual(images.map { $0["imageDigest"] as? String }, [amd64.manifest.digest, arm64.manifest.digest, index.digest],
                       "platform manifests first, the index last")
        XCTAssertEqual(images.map { $0["imageTags"] as? [String] ?? [] }, [[], [], ["multi"]])
        XCTAssertEqual(images.map { $0["imageSizeInBytes"] as? Int }, [amd64.layersSize, arm64.layersSize, index.data.count])
        XCTAssertEqual(images.last?["imageManifestMediaType"] as? String, TestImages.ociIndexType)

        for manifest in [amd64.manifest, arm64.manifest, index] {
            let stored = try await service.manifest(manifest.digest, in: "web")
            XCTAssertEqual(stored, manifest.data)
        }
        for blob in amd64.blobs + arm64.blobs {
            let stored = try await service.blob(blob.digest, in: "web")
            XCTAssertTrue(stored == blob.data, "blob \(blob.digest) differs from the source")
        }
        let calls = try await service.calls()
        XCTAssertEqual(calls["InitiateLayerUpload"], 5, "two configs, three distinct layers (the shared one once)")
        XCTAssertEqual(calls["PutImage"], 3)
    }
}
