/// A 32-byte SHA-256 (or HMAC-SHA256) result.
///
/// Stored inline, so producing one never allocates. `description` is lowercase hex, the form SigV4 and
/// `sha256sum` print.
public struct SHA256Digest: Sendable, Hashable, Sequence, CustomStringConvertible {
    /// The number of bytes in a digest.
    public static let byteCount = 32

    var storage: SIMD32<UInt8>

    init(storage: SIMD32<UInt8>) {
        self.storage = storage
    }

    /// The digest bytes in order.
    public var bytes: [UInt8] { Array(self) }

    /// Lowercase hexadecimal, 64 characters.
    public var hexString: String {
        withUnsafeBytes { Hex.lowercase($0) }
    }

    public var description: String { hexString }

    /// Calls `body` with the digest's 32 bytes.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: storage, body)
    }

    /// Iterates the 32 bytes in order.
    public func makeIterator() -> IndexingIterator<[UInt8]> {
        withUnsafeBytes { Array($0) }.makeIterator()
    }
}
