/// Why an image source cannot be pushed. Every case is found while reading the source, before any request.
enum ImageSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String)
    case truncated(path: String)
    /// A file that is neither a directory nor a tar archive (bad header checksum, no ustar magic).
    case notATarArchive(path: String, reason: String)
    /// A directory or tar archive without `oci-layout`/`index.json` or `manifest.json`.
    case notAnImage(path: String)
    case malformedDocument(path: String, reason: String)
    case documentTooLarge(path: String, size: Int64, limit: Int64)
    case missingBlob(digest: String, referencedBy: String)
    case digestMismatch(path: String, expected: String, actual: String)
    case sizeMismatch(path: String, expected: Int64, actual: Int64)
    case unsupportedDigest(String)
    case unsupportedMediaType(String, path: String)
    /// The source holds several images and nothing says which one to push.
    case ambiguousImage(path: String, choices: [String])

    var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or directory"
        case .unreadable(let path): return "\(path): cannot be read"
        case .truncated(let path): return "\(path): the file ended early"
        case let .notATarArchive(path, reason): return "\(path) is not an OCI layout directory or a tar archive (\(reason))"
        case .notAnImage(let path):
            return "\(path) is not an image: it holds neither an OCI layout (oci-layout and index.json) "
                + "nor a docker save manifest.json"
        case let .malformedDocument(path, reason): return "\(path): \(reason)"
        case let .documentTooLarge(path, size, limit): return "\(path) is \(size) bytes; at most \(limit) are read"
        case let .missingBlob(digest, referencedBy):
            return "\(referencedBy) references \(digest), which is not in the image source"
        case let .digestMismatch(path, expected, actual):
            return "digest mismatch: \(path) should be \(expected) but its content is \(actual)"
        case let .sizeMismatch(path, expected, actual):
            return "size mismatch: \(path) should be \(expected) bytes but is \(actual)"
        case .unsupportedDigest(let text): return "unsupported digest '\(text)': ECR Public accepts sha256 only"
        case let .unsupportedMediaType(mediaType, path): return "\(path): unsupported media type \(mediaType)"
        case let .ambiguousImage(path, choices):
            return "\(path) holds \(choices.count) images (\(choices.joined(separator: ", "))); "
                + "keep one, or give the tag of the one to push"
        }
    }
}
