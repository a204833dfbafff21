import AWSRuntime
import Foundation

/// A content digest as registries name blobs and manifests: `sha256:` and 64 lowercase hex digits.
///
/// ECR Public only accepts SHA-256, so any other algorithm is refused when an image is read, not when the
/// service would reject it half-way through a push.
struct Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 64 hex digits.
    let hex: String

    /// Parses `sha256:<64 lowercase hex>`; nil for anything else.
    init?(_ text: String) {
        guard text.hasPrefix("sha256:") else { return nil }
        let hex = text.dropFirst("sha256:".count)
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.hex = String(hex)
    }

    init(hex: String) {
        self.hex = hex
    }

    /// The digest of in-memory bytes (manifests, configs).
    static func of(_ data: Data) -> Digest {
        Digest(hex: SHA256.hash(data).hexString)
    }

    var description: String { "sha256:" + hex }

    /// The first 12 hex digits, as `docker` shows layers.
    var short: String { String(hex.prefix(12)) }

    static func < (left: Digest, right: Digest) -> Bool { left.hex < right.hex }
}
