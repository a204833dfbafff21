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
        encode(bytes: Array(text.utf8), keepingSlashes: keepingSlashes)
    }

    /// Encodes raw bytes (which may be non-UTF-8 after percent-decoding).
    static func encode(bytes: [UInt8], keepingSlashes: Bool = false) -> String {
        if bytes.allSatisfy({ isUnreserved($0) || (keepingSlashes && $0 == UInt8(ascii: "/")) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3)
        hexDigits.withUTF8Buffer { hex in
            for byte in bytes {
                if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                    output.append(byte)
                } else {
                    output.append(UInt8(ascii: "%"))
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0x0F)])
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `%XX` escapes to bytes; a `%` not followed by two hex digits stays as it is, since signing
    /// must not reject what a server would accept.
    static func decode(_ text: some StringProtocol) -> [UInt8] {
        let input = Array(text.utf8)
        guard input.contains(UInt8(ascii: "%")) else { return input }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
