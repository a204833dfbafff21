/// A blob to push (a config or a layer) and where its bytes are.
struct BlobFile: Sendable, Equatable {
    let digest: Digest
    let region: FileRegion
    /// `config`, `layer 2/3`, with the platform for an index: what progress lines call it.
    let label: String

    var size: Int64 { region.length }
}

/// A manifest or index to put, in the exact bytes the image source holds (or, for `docker save`, writes).
struct ManifestUpload: Sendable, Equatable {
    let text: String
    let digest: Digest
    let mediaType: String
    /// Only the top-level manifest carries the tag; an index's platform manifests are put by digest.
    let isTagged: Bool
    /// `linux/amd64` for a platform manifest of an index.
    let platform: String?
}

/// Everything one push sends: the blobs (each once, configs and layers alike) and then the manifests in
/// the order `PutImage` needs them (an index after the manifests it lists).
struct ImageContents: Sendable {
    var blobs: [BlobFile] = []
    var manifests: [ManifestUpload] = []

    /// The digest of the tagged manifest, the image's digest.
    var imageDigest: Digest? { manifests.last?.digest }

    /// Adds a blob unless one with its digest is already there (layers shared between platforms or repeated).
    mutating func add(_ blob: BlobFile) {
        guard !blobs.contains(where: { $0.digest == blob.digest }) else { return }
        blobs.append(blob)
    }
}
