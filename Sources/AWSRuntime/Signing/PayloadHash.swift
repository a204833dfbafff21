/// The last line of a canonical request: the body's SHA-256, or a literal such as `UNSIGNED-PAYLOAD`.
///
/// Signing a request hashes the body itself and keeps the digest, which is written as hex straight into the
/// canonical request; text is made only when a header needs it (`x-amz-content-sha256`). A plain struct
/// rather than an enum with payloads, so copies stay inline.
struct PayloadHash {
    private var digest: SHA256Digest
    /// The literal line when there is one; otherwise the line is the digest in hex.
    private var literal: String?

    /// The digest of the body.
    static func digest(_ digest: SHA256Digest) -> PayloadHash {
        PayloadHash(digest: digest, literal: nil)
    }

    /// Hex or a literal, as given.
    static func text(_ text: String) -> PayloadHash {
        PayloadHash(digest: SHA256Digest(storage: .zero), literal: text)
    }

    /// The line as text.
    var text: String {
        literal ?? digest.hexString
    }

    var byteCount: Int {
        literal?.utf8.count ?? 2 * SHA256Digest.byteCount
    }

    func write(into writer: inout ByteWriter) {
        if let literal {
            writer.append(literal)
        } else {
            writer.appendHex(digest)
        }
    }
}
