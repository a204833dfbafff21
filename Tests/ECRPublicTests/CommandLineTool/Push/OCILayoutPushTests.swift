import Foundation
import XCTest

/// `push` of an OCI image layout (directory and tar) with three layers and a config: what the service stores
/// is the source byte for byte, and a repeated push uploads nothing.
final class OCILayoutPushTests: XCTestCase {
    private static let mebibyte = 1 << 20
    private static let target = "public.ecr.aws/e2e-test/web:latest"

    /// Three layers; the second is over 5 MiB compressed, so it goes in two parts.
    private let image = TestImages.ociImage(layerSizes: [40_000, 6 * mebibyte, 3_000])

    private var layoutFiles: [(String, Data)] {
        TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs)
    }

    private func serviceWithRepository() async throws -> PushTestService {
        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        return service
    }

    /// The image is listed with the manifest's digest, the layers' total size and the tag; every blob and
    /// the manifest are stored exactly as in the source.
    private func assertStored(_ image: TestImage, in service: PushTestService, tags: [String],
                              file: StaticString = #filePath, line: UInt = #line) async throws {
        let detail = try await service.imageDetail("imageDigest=\(image.manifest.digest)", in: "web")
        XCTAssertEqual(detail["imageDigest"] as? String, image.manifest.digest, file: file, line: line)
        XCTAssertEqual(detail["imageSizeInBytes"] as? Int, image.layersSize, file: file, line: line)
        XCTAssertEqual(detail["imageTags"] as? [String], tags, file: file, line: line)
        XCTAssertEqual(detail["imageManifestMediaType"] as? String, TestImages.ociManifestType, file: file, line: line)
        for blob in image.blobs {
            let stored = try await service.blob(blob.digest, in: "web")
            XCTAssertTrue(stored == blob.data, "blob \(blob.digest) differs from the source", file: file, line: line)
        }
        let manifest = try await service.manifest(image.manifest.digest, in: "web")
        XCTAssertEqual(manifest, image.manifest.data, file: file, line: line)
    }

    func testPushesALayoutDirectoryAndPrintsTheImageDigest() async throws {
        let service = try await serviceWithRepository()
        let layout = try TestImages.directory(layoutFiles, for: self)

        let result = try await service.succeed(["push", layout.path, Self.target])
        XCTAssertEqual(result.stdout, image.manifest.digest + "\n")
        try await assertStored(image, in: service, tags: ["latest"])
        let calls = try await service.calls()
        XCTAssertEqual(calls["InitiateLayerUpload"], 4, "three layers and the config")
        XCTAssertEqual(calls["UploadLayerPart"], 5, "the big layer in two 5 MiB parts, the others in one")
        XCTAssertEqual(calls["PutImage"], 1)
        XCTAssertTrue(result.stderr.contains("layer 2/3: part 2/2 ("), result.stderr)
        XCTAssertTrue(result.stderr.contains("manifest \(image.manifest.digest): put as web:latest"), result.stderr)
        XCTAssertTrue(result.stderr.contains("pushed public.ecr.aws/e2e-test/web:latest: 4 blobs uploaded"), result.stderr)
    }

    func testPushesALayoutTarWithPaxNamesToo() async throws {
        let service = try await serviceWithRepository()
        let archive = try TestImages.tarFile(layoutFiles, for: self)

        let result = try await service.succeed(["push", archive.path, "web:v1", "--concurrency", "1"])
        XCTAssertEqual(result.stdout, image.manifest.digest + "\n")
        try await assertStored(image, in: service, tags: ["v1"])
    }

    func testPushesALayoutTarInGNUFormat() async throws {
        let service = try await serviceWithRepository()
        let archive = try TestImages.tarFile(layoutFiles, for: self, gnu: true)

        let result = try await service.succeed(["push", archive.path, "web:gnu"])
        XCTAssertEqual(result.stdout, image.manifest.digest + "\n")
        try await assertStored(image, in: service, tags: ["gnu"])
    }

    func testABlobLinkedFromOutsideTheLayoutIsFollowed() async throws {
        let service = try await serviceWithRepository()
        let layout = try TestImages.directory(layoutFiles, for: self)
        let blob = layout.appendingPathComponent("blobs/sha256/" + image.layers[0].digest.dropFirst("sha256:".count))
        let elsewhere = TestImages.temporaryURL("shared-blob", for: self)
        try FileManager.default.moveItem(at: blob, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: blob, withDestinationURL: elsewhere)

        let result = try await service.succeed(["push", layout.path, Self.target])
        XCTAssertEqual(result.stdout, image.manifest.digest + "\n")
        try await assertStored(image, in: service, tags: ["latest"])
    }

    func testASecondPushSendsNoLayerParts() async throws {
        let service = try await serviceWithRepository()
        let layout = try TestImages.directory(layoutFiles, for: self)
        _ = try await service.succeed(["push", layout.path, Self.target])
        let before = try await service.calls()

        let again = try await service.succeed(["push", layout.path, Self.target])
        let after = try await service.calls()
        XCTAssertEqual(after["UploadLayerPart"], before["UploadLayerPart"], "no part sent again")
        XCTAssertEqual(after["InitiateLayerUpload"], before["InitiateLayerUpload"], "no upload started again")
        XCTAssertEqual((after["BatchCheckLayerAvailability"] ?? 0) - (before["BatchCheckLayerAvailability"] ?? 0), 1)
        XCTAssertEqual(again.stdout, image.manifest.digest + "\n")
        XCTAssertEqual(again.stderrLines.filter { $0.hasSuffix(": already in the repository, not uploaded") }.count, 4,
                       again.stderr)
        XCTAssertTrue(again.stderr.contains("manifest \(image.manifest.digest): already in the repository"), again.stderr)
        try await assertStored(image, in: service, tags: ["latest"])
    }
}
