/// The percent-encoding SigV4 canonical requests use (RFC 3986): every byte except the unreserved
/// characters `A–Z a–z 0–9 - . _ ~` becomes `%XX` with uppercase hex.
enum URIEncoding {
    private static let hexDigits: StaticString = "0123456789ABCDEF"

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Encodes the UTF-8 bytes of `text`; with `keepingSlashes`, `/` stays literal (for paths).
    static func encode(_ text: some StringProtocol, keepingSlashes: Bool = false) -> String {
        withUTF8(text) { bytes in
            String(capacity: bytes.count * 3) { write(bytes, keepingSlashes: keepingSlashes, into: &$0) }
        }
    }

    /// Percent-decodes `text`, then encodes the bytes again: the canonical form of a query name or value, so
    /// `%7E` and `~`, or raw UTF-8 and its escapes, come out the same. One pass, no intermediate array.
    static func recode(_ text: some StringProtocol) -> String {
        withUTF8(text) { bytes in
            String(capacity: bytes.count * 3) { writeRecoded(bytes, into: &$0) }
        }
    }

    /// Writes the encoding of `bytes`; at most three output bytes per input byte.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, keepingSlashes: Bool, into writer: inout ByteWriter) {
        if bytes.allSatisfy({ isUnreserved($0) || (keepingSlashes && $0 == UInt8(ascii: "/")) }) {
            writer.append(bytes)
            return
        }
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                writer.append(byte)
            } else {
                writeEscape(byte, into: &writer)
            }
        }
    }

    /// Writes the canonical form of a query name or value (see ``recode(_:)``); at most three output bytes
    /// per input byte.
    static func writeRecoded(_ bytes: UnsafeBufferPointer<UInt8>, into writer: inout ByteWriter) {
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            index += 1
            // A `%` not followed by two hex digits stays as it is: signing must not reject what a server accepts.
            if byte == UInt8(ascii: "%"), index + 1 < bytes.count,
                let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1])
            {
                byte = high << 4 | low
                index += 2
            }
            if isUnreserved(byte) {
                writer.append(byte)
            } else {
                writeEscape(byte, into: &writer)
            }
        }
    }

    @inline(__always)
    private static func writeEscape(_ byte: UInt8, into writer: inout ByteWriter) {
        let output = writer.reserve(3)
        hexDigits.withUTF8Buffer { hex in
            output[0] = UInt8(ascii: "%")
            output[1] = hex[Int(byte >> 4)]
            output[2] = hex[Int(byte & 0x0F)]
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, copying only when it has no contiguous storage.
    static func withUTF8<Result>(
        _ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
