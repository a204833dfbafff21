/// The last line of a canonical request: the body's SHA-256, or a literal such as `UNSIGNED-PAYLOAD`.
///
/// Signing a request hashes the body itself and keeps the digest, which is written as hex straight into the
/// canonical request; text is made only when a header needs it (`x-amz-content-sha256`).
enum PayloadHash {
    /// The digest of the body.
    case digest(SHA256Digest)
    /// Hex or a literal, as given.
    case text(String)

    /// The line as text.
    var text: String {
        switch self {
        case .digest(let digest): return digest.hexString
        case .text(let text): return text
        }
    }

    var byteCount: Int {
        switch self {
        case .digest: return 2 * SHA256Digest.byteCount
        case .text(let text): return text.utf8.count
        }
    }

    func write(into writer: inout ByteWriter) {
        switch self {
        case .digest(let digest): writer.appendHex(digest)
        case .text(let text): writer.append(text)
        }
    }
}
