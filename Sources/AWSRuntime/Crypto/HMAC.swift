import Foundation

/// HMAC-SHA256 (RFC 2104), one-shot or streaming.
///
/// The key's inner and outer pad blocks are hashed once at initialisation; copying a keyed `HMAC` value
/// reuses that work, which is how SigV4 signs many requests with one cached signing key.
public struct HMAC: Sendable {
    private var inner: SHA256
    private var outer: SHA256

    /// Prepares an HMAC keyed with `key` (any length; keys longer than a block are hashed first).
    public init(key: some DataProtocol) {
        self.init(key: key, backend: .best)
    }

    /// Prepares an HMAC keyed with the 32 bytes of `key`, as SigV4's key derivation chains them.
    public init(key: SHA256Digest) {
        self.init(keyDigest: key, backend: .best)
    }

    init(key: some DataProtocol, backend: SHA256Backend) {
        let keyBytes = Array(key)
        if keyBytes.count > SHA256.blockByteCount {
            var hasher = SHA256(backend: backend)
            hasher.update(keyBytes)
            self.init(keyDigest: hasher.finalize(), backend: backend)
        } else {
            self.init(rawKey: keyBytes, backend: backend)
        }
    }

    init(keyDigest: SHA256Digest, backend: SHA256Backend) {
        self.init(rawKey: keyDigest.withUnsafeBytes { Array($0) }, backend: backend)
    }

    private init(rawKey: [UInt8], backend: SHA256Backend) {
        var innerPad = SIMD64<UInt8>(repeating: 0x36)
        var outerPad = SIMD64<UInt8>(repeating: 0x5C)
        for (index, byte) in rawKey.enumerated() {
            innerPad[index] ^= byte
            outerPad[index] ^= byte
        }
        inner = SHA256(backend: backend)
        outer = SHA256(backend: backend)
        withUnsafeBytes(of: &innerPad) { inner.update(bufferPointer: $0) }
        withUnsafeBytes(of: &outerPad) { outer.update(bufferPointer: $0) }
    }

    /// Computes the HMAC of `message` under `key` in one call.
    public static func authenticationCode(for message: some DataProtocol, key: some DataProtocol) -> SHA256Digest {
        var hmac = HMAC(key: key)
        hmac.update(message)
        return hmac.finalize()
    }

    /// Feeds more of the message.
    public mutating func update(_ data: some DataProtocol) {
        inner.update(data)
    }

    /// Feeds the bytes in `buffer`.
    public mutating func update(bufferPointer buffer: UnsafeRawBufferPointer) {
        inner.update(bufferPointer: buffer)
    }

    /// Feeds the UTF-8 bytes of `string`.
    mutating func update(utf8 string: String) {
        inner.update(utf8: string)
    }

    /// Returns the authentication code of everything fed so far; the value stays usable.
    public func finalize() -> SHA256Digest {
        let innerDigest = inner.finalize()
        var outer = self.outer
        innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }
}
