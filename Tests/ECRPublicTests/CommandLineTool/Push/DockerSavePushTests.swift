import Foundation
import XCTest

/// `push` of a `docker save` tarball: uncompressed layers pushed as they are under a Docker v2 manifest the
/// tool writes, or gzip-compressed first with `--gzip`.
final class DockerSavePushTests: XCTestCase {
    private static let dockerManifestType = "application/vnd.docker.distribution.manifest.v2+json"

    /// Two layer tars, the first used twice (Docker stores the repeat as a symbolic link to the first).
    private let layerTars = [TestImages.layerTar(seed: 11, size: 30_000), TestImages.layerTar(seed: 12, size: 50_000)]

    private var config: Data {
        TestImages.config(architecture: "amd64",
                          diffIDs: [layerTars[0], layerTars[1], layerTars[0]].map(sha256Digest))
    }

    /// A tarball laid out as `docker save` writes it (Docker before 25).
    private func dockerSaveArchive() throws -> URL {
        let configName = String(sha256Digest(config).dropFirst("sha256:".count)) + ".json"
        let manifest = #"[{"Config":"\#(configName)","RepoTags":["web:latest"],"Layers":["aaa/layer.tar","bbb/layer.tar","ccc/layer.tar"]}]"#
        return try TestImages.tarFile([
            (configName, config),
            ("aaa/VERSION", Data("1.0".utf8)), ("aaa/layer.tar", layerTars[0]),
            ("bbb/VERSION", Data("1.0".utf8)), ("bbb/layer.tar", layerTars[1]),
            ("ccc/VERSION", Data("1.0".utf8)),
            ("manifest.json", Data(manifest.utf8)),
        ], for: self, links: [("./ccc/layer.tar", "../aaa/layer.tar")])
    }

    private struct StoredManifest: Decodable {
        struct Entry: Decodable { var mediaType: String; var digest: String; var size: Int }
        var mediaType: String
        var config: Entry
        var layers: [Entry]
    }

    /// Pushes the archive and returns the manifest the service stored (checked against the printed digest).
    private func push(extra: [String] = []) async throws -> (PushTestService, StoredManifest) {
        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let result = try await service.succeed(["push", try dockerSaveArchive().path, "public.ecr.aws/e2e-test/web:1.0"] + extra)
        let digest = result.stdout.trimmingCharacters(in: .newlines)
        let detail = try await service.imageDetail("imageTag=1.0", in: "web")
        XCTAssertEqual(detail["imageDigest"] as? String, digest)
        XCTAssertEqual(detail["imageManifestMediaType"] as? String, Self.dockerManifestType)
        let storedManifest = try await service.manifest(digest, in: "web")
        let bytes = try XCTUnwrap(storedManifest)
        XCTAssertEqual(sha256Digest(bytes), digest, "the printed digest is the stored manifest's")
        let manifest = try JSONDecoder().decode(StoredManifest.self, from: bytes)
        XCTAssertEqual(detail["imageSizeInBytes"] as? Int, manifest.layers.reduce(0) { $0 + $1.size })
        XCTAssertEqual(manifest.config.digest, sha256Digest(config))
        XCTAssertEqual(manifest.config.mediaType, "application/vnd.docker.container.image.v1+json")
        let storedConfig = try await service.blob(sha256Digest(config), in: "web")
        XCTAssertEqual(storedConfig, config)
        return (service, manifest)
    }

    func testPushesUncompressedLayersAsTheyAreUnderAWrittenManifest() async throws {
        let (service, manifest) = try await push()
        XCTAssertEqual(manifest.mediaType, Self.dockerManifestType)
        XCTAssertEqual(manifest.layers.map(\.digest), [layerTars[0], layerTars[1], layerTars[0]].map(sha256Digest))
        XCTAssertEqual(manifest.layers.map(\.size), [layerTars[0].count, layerTars[1].count, layerTars[0].count])
        XCTAssertEqual(Set(manifest.layers.map(\.mediaType)), ["application/vnd.docker.image.rootfs.diff.tar"])
        for tar in layerTars {
            let stored = try await service.blob(sha256Digest(tar), in: "web")
            XCTAssertTrue(stored == tar, "layer \(sha256Digest(tar)) differs from the archive's")
        }
        let calls = try await service.calls()
        XCTAssertEqual(calls["InitiateLayerUpload"], 3, "the config and two distinct layers; the repeated one once")
    }

    func testGzipCompressesEachLayerFirst() async throws {
        let (service, manifest) = try await push(extra: ["--gzip"])
        XCTAssertEqual(Set(manifest.layers.map(\.mediaType)), ["application/vnd.docker.image.rootfs.diff.tar.gzip"])
        XCTAssertEqual(manifest.layers[0].digest, manifest.layers[2].digest)
        for (layer, tar) in zip(manifest.layers, [layerTars[0], layerTars[1]]) {
            let storedBlob = try await service.blob(layer.digest, in: "web")
            let stored = try XCTUnwrap(storedBlob)
            XCTAssertEqual(sha256Digest(stored), layer.digest)
            XCTAssertEqual(stored.count, layer.size)
            XCTAssertEqual(stored.prefix(2), Data([0x1F, 0x8B]), "gzip magic")
            XCTAssertEqual(try gunzip(stored), tar, "decompresses (with Python's gzip) to the original layer")
        }
    }

    /// Docker 25 and later write an OCI layout with a `manifest.json` beside it: the layout's own manifest
    /// is pushed, byte for byte, rather than one written from `manifest.json`.
    func testADocker25ArchiveIsPushedAsItsOCILayout() async throws {
        let image = TestImages.ociImage(layerSizes: [25_000], seed: 13)
        let blobPath = { (blob: TestBlob) in "blobs/sha256/" + blob.digest.dropFirst("sha256:".count) }
        let dockerManifest = #"[{"Config":"\#(blobPath(image.config))","RepoTags":["web:latest"],"#
            + #""Layers":["\#(blobPath(image.layers[0]))"]}]"#
        let files = TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType,
                                              blobs: image.blobs) + [("manifest.json", Data(dockerManifest.utf8))]
        let archive = try TestImages.tarFile(files, for: self)
        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])

        let result = try await service.succeed(["push", archive.path, "web:latest"])
        XCTAssertEqual(result.stdout, image.manifest.digest + "\n")
        let stored = try await service.manifest(image.manifest.digest, in: "web")
        XCTAssertEqual(stored, image.manifest.data)
    }

    /// Decompresses with Python's gzip module: code nobody here wrote.
    private func gunzip(_ data: Data) throws -> Data {
        let input = TestImages.temporaryURL("gz", for: self)
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import gzip,sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())",
                             input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return result
    }
}
