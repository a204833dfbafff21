/// Lowercase hexadecimal encoding, the form SigV4 uses for hashes and signatures.
enum Hex {
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
        for index in 0..<bytes.count {
            let byte = bytes[index]
            output[2 &* index] = digit(byte &>> 4)
            output[2 &* index &+ 1] = digit(byte & 0x0F)
        }
    }

    /// The lowercase hex digit for a nibble, without a table or a branch: (n + 6) >> 4 is 1 exactly from 10 up,
    /// which moves the digit from after "9" to "a".
    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble &+ UInt8(ascii: "0") &+ ((nibble &+ 6) &>> 4) &* (UInt8(ascii: "a") &- UInt8(ascii: "9") &- 1)
    }
}
