/// An OCI content descriptor: what a manifest or index says about a blob or a manifest it references.
struct Descriptor: Decodable, Sendable, Equatable {
    var mediaType: String?
    var digest: String
    var size: Int64
    var platform: Platform?
    var annotations: [String: String]?

    /// `linux/amd64`, `linux/arm64/v8` (for progress lines and errors).
    struct Platform: Decodable, Sendable, Equatable, CustomStringConvertible {
        var os: String
        var architecture: String
        var variant: String?

        var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }
    }

    /// The tag `oci-layout` tools record for an image in `index.json`.
    var referenceName: String? { annotations?["org.opencontainers.image.ref.name"] }

    /// The digest, checked to be one ECR Public accepts.
    func checkedDigest() throws(ImageSourceError) -> Digest {
        guard let parsed = Digest(digest) else { throw .unsupportedDigest(digest) }
        return parsed
    }
}
