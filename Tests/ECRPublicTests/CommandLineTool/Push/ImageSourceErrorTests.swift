import Foundation
import XCTest

/// What `push` refuses before it sends anything: wrong digests, missing blobs, archives that are not images.
final class ImageSourceErrorTests: XCTestCase {
    private let image = TestImages.ociImage(layerSizes: [10_000, 20_000, 5_000], seed: 31)

    private var layoutFiles: [(String, Data)] {
        TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs)
    }

    /// Runs `push` and checks that it failed with status 2 and `message`, and that the service got no
    /// request after CreateRepository.
    private func assertRefused(_ source: URL, _ message: String, target: String = "web:latest",
                               file: StaticString = #filePath, line: UInt = #line) async throws {
        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let result = try await service.run(["push", source.path, target])
        XCTAssertEqual(result.status, 2, result.description, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(message), result.description, file: file, line: line)
        let calls = try await service.calls()
        XCTAssertEqual(calls, ["CreateRepository": 1], "nothing was sent", file: file, line: line)
    }

    private func blobPath(_ digest: String) -> String {
        "blobs/sha256/" + digest.dropFirst("sha256:".count)
    }

    func testALayerWhoseBytesDoNotMatchItsDigest() async throws {
        let layer = image.layers[1]
        var corrupt = layer.data
        corrupt[100] ^= 0xFF
        let files = layoutFiles.map { $0.0 == blobPath(layer.digest) ? ($0.0, corrupt) : $0 }
        let layout = try TestImages.directory(files, for: self)
        try await assertRefused(layout, "ecr-public: digest mismatch: \(layout.path)/\(blobPath(layer.digest)) should be "
            + "\(layer.digest) but its content is \(sha256Digest(corrupt))")
    }

    func testAManifestThatReferencesAMissingBlob() async throws {
        let files = layoutFiles.filter { $0.0 != blobPath(image.config.digest) }
        let layout = try TestImages.directory(files, for: self)
        try await assertRefused(layout, "ecr-public: \(layout.path)/\(blobPath(image.manifest.digest)) references "
            + "\(image.config.digest), which is not in the image source")
    }

    func testADockerSaveLayerThatIsNotTheOneItsConfigNames() async throws {
        let layer = TestImages.layerTar(seed: 32, size: 10_000)
        let named = sha256Digest(Data("another layer".utf8))
        let config = TestImages.config(architecture: "amd64", diffIDs: [named])
        let manifest = #"[{"Config":"config.json","RepoTags":["web:latest"],"Layers":["aaa/layer.tar"]}]"#
        let archive = try TestImages.tarFile([("config.json", config), ("aaa/layer.tar", layer),
                                              ("manifest.json", Data(manifest.utf8))], for: self)
        try await assertRefused(archive, "ecr-public: digest mismatch: \(archive.path)/aaa/layer.tar should be \(named) "
            + "but its content is \(sha256Digest(layer))")
    }

    func testATarballThatIsNotAnImage() async throws {
        let archive = try TestImages.tarFile([("README.md", Data("hello\n".utf8))], for: self)
        try await assertRefused(archive, "ecr-public: \(archive.path) is not an image: it holds neither an OCI layout "
            + "(oci-layout and index.json) nor a docker save manifest.json")
    }

    func testAFileThatIsNotATarArchive() async throws {
        let file = TestImages.temporaryURL("random", for: self)
        try layerBytes(count: 4096, seed: 5).write(to: file)
        try await assertRefused(file, "ecr-public: \(file.path) is not an OCI layout directory or a tar archive (bad header checksum)")
    }

    func testATargetInAnotherRegistryIsAUsageError() async throws {
        let layout = try TestImages.directory(layoutFiles, for: self)
        try await assertRefused(layout, "argument TARGET: 'docker.io/library/web:latest' is not in ECR Public",
                                target: "docker.io/library/web:latest")
    }
}
