/// Writes DEFLATE's bit stream (RFC 1951): values least-significant bit first, Huffman codes most-significant
/// bit first.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var count = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The low `width` bits of `value` (at most 16), least-significant first.
    mutating func write(_ value: Int, width: Int) {
        buffer |= UInt32(value) << UInt32(count)
        count += width
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// A Huffman code of `width` bits, most-significant first.
    mutating func writeCode(_ code: Int, width: Int) {
        var reversed = 0
        for bit in 0..<width where code & (1 << bit) != 0 { reversed |= 1 << (width - 1 - bit) }
        write(reversed, width: width)
    }

    /// Pads the last byte with zero bits.
    mutating func finish() {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
    }
}
