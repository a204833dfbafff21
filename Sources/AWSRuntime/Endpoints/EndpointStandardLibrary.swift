import Foundation

/// The string functions of the rules-engine standard library: `substring`, `uriEncode` and `isValidHostLabel`.
enum EndpointStandardLibrary {
    /// The characters `[start, stop)` of `input`, counted from the end when `reverse` is true.
    ///
    /// Returns `nil` (unset) for non-ASCII input, since rule sets index bytes and other SDKs refuse to guess how to
    /// count code points, and when the range does not fit.
    static func substring(_ input: String, start: Int, stop: Int, reverse: Bool) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }), start >= 0, start < stop, stop <= bytes.count else { return nil }
        let range = reverse ? (bytes.count - stop)..<(bytes.count - start) : start..<stop
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Percent-encodes every UTF-8 byte except the RFC 3986 unreserved characters, with uppercase hex digits.
    static func uriEncode(_ input: String) -> String {
        var output = ""
        output.reserveCapacity(input.utf8.count)
        for byte in input.utf8 {
            if isUnreserved(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%"
                output.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(hexDigits[Int(byte & 0x0F)]))
            }
        }
        return output
    }

    /// Whether `value` is an RFC 1123 host label (1–63 letters, digits and hyphens, not starting or ending with a
    /// hyphen), or with `allowSubDomains` a dot-separated sequence of them.
    static func isValidHostLabel(_ value: String, allowSubDomains: Bool) -> Bool {
        guard allowSubDomains else { return isHostLabel(value.utf8[...]) }
        return value.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(isHostLabel)
    }

    static func isHostLabel<Bytes: BidirectionalCollection<UInt8>>(_ label: Bytes) -> Bool {
        guard (1...63).contains(label.count), let first = label.first, let last = label.last,
            first != UInt8(ascii: "-"), last != UInt8(ascii: "-")
        else { return false }
        return label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "~")
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
