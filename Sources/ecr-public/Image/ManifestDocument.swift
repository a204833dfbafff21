import Foundation

/// A manifest or an index as read from an image source: its exact bytes (what `PutImage` must send, since the
/// image digest is the digest of these bytes) and the references in them.
struct ManifestDocument: Sendable {
    enum Kind: Sendable, Equatable {
        /// An image manifest: a config and layers.
        case image(config: Descriptor, layers: [Descriptor])
        /// An index (manifest list): one manifest per platform.
        case index(manifests: [Descriptor])
    }

    let bytes: Data
    let digest: Digest
    let mediaType: String
    let kind: Kind

    /// The JSON members the push needs; everything else in the bytes is kept as is.
    private struct Fields: Decodable {
        var mediaType: String?
        var config: Descriptor?
        var layers: [Descriptor]?
        var manifests: [Descriptor]?
    }

    /// Parses `bytes`, read from `path`. `descriptorMediaType` is what the referencing descriptor says, used
    /// when the document omits its own `mediaType` (OCI makes it optional).
    init(bytes: Data, path: String, descriptorMediaType: String?) throws(ImageSourceError) {
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: bytes)
        } catch {
            throw .malformedDocument(path: path, reason: "not a manifest or index: \(error)")
        }
        self.bytes = bytes
        self.digest = Digest.of(bytes)
        if let manifests = fields.manifests {
            kind = .index(manifests: manifests)
            mediaType = fields.mediaType ?? descriptorMediaType ?? MediaType.ociIndex
        } else if let config = fields.config {
            kind = .image(config: config, layers: fields.layers ?? [])
            mediaType = fields.mediaType ?? descriptorMediaType ?? MediaType.ociManifest
        } else {
            throw .malformedDocument(path: path, reason: "neither an image manifest (config, layers) nor an index (manifests)")
        }
        guard MediaType.indexes.contains(mediaType) || MediaType.manifests.contains(mediaType) else {
            throw .unsupportedMediaType(mediaType, path: path)
        }
    }

    /// The manifest bytes as `PutImage`'s string; the same bytes go back out because UTF-8 decoding and
    /// encoding are exact inverses for valid UTF-8.
    func text(path: String) throws(ImageSourceError) -> String {
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw .malformedDocument(path: path, reason: "the manifest is not UTF-8 text")
        }
        return text
    }
}
