import Foundation

/// The gzip file format (RFC 1952) around a DEFLATE stream, for `Content-Encoding: gzip` request bodies.
public enum Gzip {
    /// Compresses `data` into gzip format: header, DEFLATE stream, CRC-32 and length.
    public static func compress(_ data: Data) -> Data {
        let input = [UInt8](data)
        // Magic, CM 8 (deflate), no flags, no modification time, no extra flags, OS unknown.
        var output: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF]
        output += Deflate.compress(input)
        output += littleEndian(CRC32.checksum(input))
        output += littleEndian(UInt32(truncatingIfNeeded: input.count))
        return Data(output)
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
