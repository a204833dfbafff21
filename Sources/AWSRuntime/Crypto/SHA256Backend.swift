import CSHA256

/// Which implementation of the SHA-256 compression function a hasher uses.
///
/// The accelerated path (x86 SHA-NI, ARMv8 SHA2) lives in the `CSHA256` C target and is chosen at run time;
/// the portable path is pure Swift and works everywhere. Tests force `.portable` so it stays covered on
/// machines that would otherwise never run it.
enum SHA256Backend: Sendable, Equatable {
    case accelerated
    case portable

    /// The fastest backend this CPU supports, detected once.
    static let best: SHA256Backend = isAcceleratedAvailable ? .accelerated : .portable

    /// Whether the CPU has SHA-256 instructions the C target can use.
    static let isAcceleratedAvailable: Bool = csha256_has_accelerated() != 0

    /// Compresses `blocks` 64-byte blocks starting at `data` into `state`.
    @inline(__always)
    func compress(_ state: inout SIMD8<UInt32>, _ data: UnsafeRawPointer, blocks: Int) {
        switch self {
        case .accelerated:
            withUnsafeMutableBytes(of: &state) { stateBytes in
                csha256_compress_accelerated(
                    stateBytes.baseAddress!.assumingMemoryBound(to: UInt32.self),
                    data.assumingMemoryBound(to: UInt8.self),
                    blocks)
            }
        case .portable:
            SHA256PortableCompression.compress(&state, data, blocks: blocks)
        }
    }
}
