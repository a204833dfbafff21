/// Lowercase hexadecimal encoding, the form SigV4 uses for hashes and signatures.
enum Hex {
    private static let digits: StaticString = "0123456789abcdef"

    /// Encodes `bytes` as lowercase hex without intermediate allocations.
    static func lowercase(_ bytes: UnsafeRawBufferPointer) -> String {
        guard !bytes.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            writeLowercase(bytes, to: output.baseAddress!)
            return bytes.count * 2
        }
    }

    /// Encodes any byte sequence as lowercase hex.
    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        let array = Array(bytes)
        return array.withUnsafeBytes { lowercase($0) }
    }

    /// Writes `bytes` as lowercase hex to `output`, which must have room for twice as many bytes.
    @inline(__always)
    static func writeLowercase(_ bytes: UnsafeRawBufferPointer, to output: UnsafeMutablePointer<UInt8>) {
        digits.withUTF8Buffer { digits in
            var index = 0
            for byte in bytes {
                output[index] = digits[Int(byte &>> 4)]
                output[index &+ 1] = digits[Int(byte & 0x0F)]
                index &+= 2
            }
        }
    }
}
