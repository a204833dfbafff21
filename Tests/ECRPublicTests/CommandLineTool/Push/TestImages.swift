import AWSRuntime
import Foundation
import XCTest

/// A blob of a test image: its bytes and its descriptor text.
struct TestBlob {
    let data: Data
    var digest: String { sha256Digest(data) }

    /// `{"mediaType": …, "digest": …, "size": …}` with a platform when given, as JSON text.
    func descriptor(_ mediaType: String, platform: String? = nil) -> String {
        let platformJSON = platform.map { text -> String in
            let parts = text.split(separator: "/")
            return #", "platform": {"architecture": "\#(parts[1])", "os": "\#(parts[0])"}"#
        } ?? ""
        return #"{"mediaType": "\#(mediaType)", "digest": "\#(digest)", "size": \#(data.count)\#(platformJSON)}"#
    }
}

/// One platform's image: uncompressed layer tars, the blobs a registry stores, and the manifest's exact bytes.
struct TestImage {
    let layerTars: [Data]
    let layers: [TestBlob]
    let config: TestBlob
    let manifest: TestBlob
    var blobs: [TestBlob] { [config] + layers }
    /// What ECR reports as the image size: the layers' sizes added up.
    var layersSize: Int { layers.reduce(0) { $0 + $1.data.count } }
}

/// Small real images built on the fly: tar layers (gzip-compressed for OCI), a config naming their
/// uncompressed digests, and manifests, indexes and layouts around them.
enum TestImages {
    static let ociManifestType = "application/vnd.oci.image.manifest.v1+json"
    static let ociIndexType = "application/vnd.oci.image.index.v1+json"
    static let ociLayerType = "application/vnd.oci.image.layer.v1.tar+gzip"
    static let ociTarLayerType = "application/vnd.oci.image.layer.v1.tar"
    static let ociConfigType = "application/vnd.oci.image.config.v1+json"

    /// A layer tar holding one file of `size` varied bytes (and, in the first layer, a file whose name needs
    /// a pax header).
    static func layerTar(seed: UInt64, size: Int) -> Data {
        var tar = TarWriter()
        tar.addDirectory("app")
        tar.addFile("app/data-\(seed).bin", layerBytes(count: size, seed: seed))
        if seed == 1 {
            tar.addFile("app/" + String(repeating: "long-directory-name/", count: 6) + "file.txt", Data("pax\n".utf8))
        }
        return tar.finished()
    }

    static func config(architecture: String, diffIDs: [String]) -> Data {
        let ids = diffIDs.map { "\"\($0)\"" }.joined(separator: ", ")
        return Data(#"{"architecture": "\#(architecture)", "os": "linux", "config": {"Cmd": ["/app/run"]}, "rootfs": {"type": "layers", "diff_ids": [\#(ids)]}}"#.utf8)
    }

    /// An OCI image whose layers are gzip-compressed tars of the given sizes. The manifest is indented
    /// with three spaces and has a trailing newline, so only an exact copy of its bytes keeps its digest.
    /// With `compressed: false` the layers are the tars themselves (quicker to build when size matters more).
    static func ociImage(layerSizes: [Int], seed: UInt64 = 1, architecture: String = "amd64",
                         compressed: Bool = true) -> TestImage {
        let tars = layerSizes.enumerated().map { layerTar(seed: seed + UInt64($0.offset), size: $0.element) }
        let layers = tars.map { TestBlob(data: compressed ? Gzip.compress($0) : $0) }
        let layerType = compressed ? ociLayerType : ociTarLayerType
        let config = TestBlob(data: Self.config(architecture: architecture, diffIDs: tars.map(sha256Digest)))
        let layerList = layers.map { "      " + $0.descriptor(layerType) }.joined(separator: ",\n")
        let manifest = """
        {
           "schemaVersion": 2,
           "mediaType": "\(ociManifestType)",
           "config": \(config.descriptor(ociConfigType)),
           "layers": [
        \(layerList)
           ]
        }

        """
        return TestImage(layerTars: tars, layers: layers, config: config, manifest: TestBlob(data: Data(manifest.utf8)))
    }

    /// An OCI index of `images`, one per platform (`linux/amd64`, …).
    static func index(_ images: [(platform: String, image: TestImage)]) -> TestBlob {
        let entries = images.map { "    " + $0.image.manifest.descriptor(ociManifestType, platform: $0.platform) }
        return TestBlob(data: Data("{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"\(ociIndexType)\",\n  \"manifests\": [\n"
            .appending(entries.joined(separator: ",\n")).appending("\n  ]\n}\n").utf8))
    }

    /// The files of an OCI layout whose `index.json` points to `top` (a manifest or an index).
    static func ociLayoutFiles(top: TestBlob, topMediaType: String, blobs: [TestBlob], tag: String = "latest") -> [(String, Data)] {
        let index = #"{"schemaVersion": 2, "manifests": [\#(top.descriptor(topMediaType).dropLast()), "annotations": {"org.opencontainers.image.ref.name": "\#(tag)"}}]}"#
        var files: [(String, Data)] = [("oci-layout", Data(#"{"imageLayoutVersion": "1.0.0"}"#.utf8)),
                                       ("index.json", Data(index.utf8))]
        var seen: Set<String> = []
        for blob in blobs + [top] where seen.insert(blob.digest).inserted {
            files.append(("blobs/sha256/" + blob.digest.dropFirst("sha256:".count), blob.data))
        }
        return files
    }

    /// Writes `files` under a new temporary directory, removed when the test ends.
    static func directory(_ files: [(String, Data)], for test: XCTestCase) throws -> URL {
        let root = temporaryURL("layout", for: test)
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// Writes `files` as a tar archive (with directory entries, as `tar -C layout .` makes).
    /// `gnu` writes GNU tar's long-name entries and base-256 sizes instead of pax headers.
    static func tarFile(_ files: [(String, Data)], for test: XCTestCase, links: [(String, String)] = [],
                        gnu: Bool = false) throws -> URL {
        var tar = TarWriter()
        tar.gnu = gnu
        var directories: Set<String> = []
        for (path, data) in files {
            var parent = ""
            for component in path.split(separator: "/").dropLast() {
                parent += component + "/"
                if directories.insert(parent).inserted { tar.addDirectory("./" + parent) }
            }
            // Blob names go in pax headers (the ustar name field gets a stand-in), as Go's archive/tar writes
            // long names, so the tool must read pax to find them.
            tar.addFile("./" + path, data, forcePax: path.hasPrefix("blobs/"))
        }
        for (name, target) in links { tar.addSymbolicLink(name, target: target) }
        let url = temporaryURL("image", for: test).appendingPathExtension("tar")
        try tar.finished().write(to: url)
        return url
    }

    static func temporaryURL(_ prefix: String, for test: XCTestCase) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
