import Foundation

@testable import AWSRuntime

/// A gzip body that inflates to `size` zero bytes from about `size / 160` bytes: one literal zero, then
/// back-references of 258 bytes at distance 1 in a single fixed-Huffman block.
enum GzipBomb {
    static func make(inflatingTo size: Int) -> Data {
        var writer = DeflateBitWriter(capacity: size / 150 + 64)
        writer.write(1, width: 1)  // BFINAL
        writer.write(1, width: 2)  // BTYPE 01: fixed Huffman codes
        writer.writeCode(0x30, width: 8)  // literal 0
        var remaining = size - 1
        while remaining >= 258 {
            writer.writeCode(0xC0 + 5, width: 8)  // length symbol 285: 258 bytes
            writer.writeCode(0, width: 5)  // distance code 0: distance 1
            remaining -= 258
        }
        for _ in 0..<remaining { writer.writeCode(0x30, width: 8) }
        writer.writeCode(0, width: 7)  // end of block
        writer.finish()
        var gzip: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        gzip += writer.bytes
        // A real bomb is cut short long before its trailer: its checksum is only worked out for small sizes.
        let checksum = size <= 8 << 20 ? CRC32.checksum(repeatElement(UInt8(0), count: size)) : 0
        gzip += withUnsafeBytes(of: checksum.littleEndian, Array.init)
        gzip += withUnsafeBytes(of: UInt32(truncatingIfNeeded: size).littleEndian, Array.init)
        return Data(gzip)
    }
}
