import Foundation

/// SHA-256 (FIPS 180-4), one-shot or streaming.
///
/// Streaming lets a large body be hashed chunk by chunk without holding it whole:
///
/// ```swift
/// var hasher = SHA256()
/// for chunk in chunks { hasher.update(chunk) }
/// let digest = hasher.finalize()
/// ```
///
/// Uses the CPU's SHA instructions when present (chosen at run time) and a portable Swift implementation
/// otherwise. The value is a plain struct with inline storage: copying it forks the hash state, which HMAC
/// uses to reuse a keyed prefix.
public struct SHA256: Sendable {
    /// The size of one input block in bytes.
    public static let blockByteCount = 64

    private static let initialState = SIMD8<UInt32>(
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)

    private var state = SHA256.initialState
    /// Bytes of an incomplete block waiting for more input.
    private var pending = SIMD64<UInt8>()
    private var pendingCount = 0
    private var totalByteCount: UInt64 = 0
    let backend: SHA256Backend

    /// Starts an empty hash using the fastest implementation this CPU supports.
    public init() {
        self.backend = .best
    }

    /// Starts an empty hash on a chosen implementation; tests use it to cover the portable path.
    init(backend: SHA256Backend) {
        self.backend = backend
    }

    /// Hashes `data` in one call.
    public static func hash(_ data: some DataProtocol) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalize()
    }

    /// Hashes the bytes in `buffer` in one call.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: buffer)
        return hasher.finalize()
    }

    /// Feeds more input.
    public mutating func update(_ data: some DataProtocol) {
        for region in data.regions {
            region.withUnsafeBytes { update(bufferPointer: $0) }
        }
    }

    /// Feeds the UTF-8 bytes of `string` without copying them into a `Data`.
    mutating func update(utf8 string: String) {
        var string = string
        string.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Feeds the bytes in `buffer`.
    public mutating func update(bufferPointer buffer: UnsafeRawBufferPointer) {
        guard var input = buffer.baseAddress, !buffer.isEmpty else { return }
        var remaining = buffer.count
        totalByteCount &+= UInt64(remaining)

        if pendingCount > 0 {
            let taken = min(SHA256.blockByteCount - pendingCount, remaining)
            withUnsafeMutableBytes(of: &pending) { pendingBytes in
                pendingBytes.baseAddress!.advanced(by: pendingCount).copyMemory(from: input, byteCount: taken)
            }
            pendingCount += taken
            input += taken
            remaining -= taken
            guard pendingCount == SHA256.blockByteCount else { return }
            var block = pending
            withUnsafeBytes(of: &block) { backend.compress(&state, $0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }

        // Whole blocks go straight from the caller's memory: no copy on the hot path.
        let blocks = remaining / SHA256.blockByteCount
        if blocks > 0 {
            backend.compress(&state, input, blocks: blocks)
            input += blocks * SHA256.blockByteCount
            remaining -= blocks * SHA256.blockByteCount
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { pendingBytes in
                pendingBytes.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Returns the digest of everything fed so far. The hasher itself is unchanged, so it can keep going.
    public func finalize() -> SHA256Digest {
        var state = self.state
        let bitLength = totalByteCount &* 8
        // Padding: 0x80, zeros, then the 64-bit big-endian bit length, filling one or two blocks.
        let paddedBlocks = pendingCount < SHA256.blockByteCount - 8 ? 1 : 2
        withUnsafeTemporaryAllocation(byteCount: 2 * SHA256.blockByteCount, alignment: 8) { padded in
            padded.initializeMemory(as: UInt8.self, repeating: 0)
            var pending = self.pending
            withUnsafeBytes(of: &pending) { pendingBytes in
                padded.baseAddress!.copyMemory(from: pendingBytes.baseAddress!, byteCount: pendingCount)
            }
            padded[pendingCount] = 0x80
            let end = paddedBlocks * SHA256.blockByteCount
            padded.storeBytes(of: bitLength.bigEndian, toByteOffset: end - 8, as: UInt64.self)
            backend.compress(&state, padded.baseAddress!, blocks: paddedBlocks)
        }
        var bigEndianWords = SIMD8<UInt32>()
        for index in 0..<8 { bigEndianWords[index] = state[index].bigEndian }
        return SHA256Digest(storage: unsafeBitCast(bigEndianWords, to: SIMD32<UInt8>.self))
    }
}
