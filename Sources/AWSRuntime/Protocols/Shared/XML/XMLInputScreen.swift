import Foundation

/// Checks a body before it reaches Foundation's `XMLParser` (libxml2), so that what it can be made to do stays
/// small: only valid UTF-8 gets through, with no document type declaration (hence no entity definitions; the
/// parser runs with entity substitution on) and no processing instruction without data (`<?name?>`, on which
/// swift-corelibs-foundation's `XMLParser` dereferences a null pointer and stops the process).
///
/// The declaration check is a plain byte scan, which is only sound while the parser reads the bytes as UTF-8 (or
/// another ASCII superset): in UTF-16, UTF-32, EBCDIC or UTF-7 `<!DOCTYPE` is other bytes. So every way libxml2
/// could pick another encoding is refused first: a byte order mark, the EBCDIC signature, NUL bytes (UTF-16/32
/// without a mark), and an `encoding` declaration other than UTF-8.
enum XMLInputScreen {
    /// The reason `data` must not be parsed, thrown; nothing for a body that may be.
    static func check(_ data: Data) throws(XMLReadError) {
        let refusal = data.withUnsafeBytes { screen($0) }
        if let refusal { throw refusal }
    }

    private static func screen(_ bytes: UnsafeRawBufferPointer) -> XMLReadError? {
        if let encoding = foreignEncoding(bytes) { return .unsupportedEncoding(encoding) }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0:
                // UTF-16 and UTF-32 without a byte order mark hold NULs in every ASCII character.
                return .unsupportedEncoding("NUL byte")
            case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "!"):
                let name = bytes[(index + 2)...]
                if startsCaseInsensitive(name, with: "DOCTYPE") || startsCaseInsensitive(name, with: "ENTITY") {
                    return .documentTypeDeclaration
                }
            case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "?"):
                // The target runs up to whitespace (then data follows, possibly empty) or straight into `?>`.
                let target = bytes[(index + 2)...].prefix { !isSpace($0) && $0 != UInt8(ascii: "?") }
                if target.endIndex == bytes.count || bytes[target.endIndex] == UInt8(ascii: "?") {
                    return .emptyProcessingInstruction
                }
            default:
                break
            }
            index += 1
        }
        return UTF8Validation.isValid(bytes) ? nil : .unsupportedEncoding("invalid UTF-8")
    }

    /// Why `bytes` are in an encoding other than UTF-8 as libxml2 would detect it, or nil: a UTF-16/32 byte
    /// order mark, the EBCDIC signature, or another encoding in the XML declaration.
    private static func foreignEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "byte order mark of UTF-16/32" }
        if bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return "EBCDIC" }
        guard let declared = declaredEncoding(bytes) else { return nil }
        return declared.lowercased() == "utf-8" ? nil : "declared " + XMLReadError.excerpt(declared, limit: 40)
    }

    /// The `encoding` of the XML declaration (`<?xml version="1.0" encoding="UTF-8"?>`), if there is one.
    private static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard body.starts(with: Array("<?xml".utf8)), let end = firstRange(of: "?>", in: body),
            let key = firstRange(of: "encoding", in: body[..<end.lowerBound])
        else { return nil }
        var rest = body[key.upperBound..<end.lowerBound].drop { isSpace($0) }
        guard rest.first == UInt8(ascii: "=") else { return nil }
        rest = rest.dropFirst().drop { isSpace($0) }
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self)
    }

    /// Whether `bytes` start with the ASCII letters of `uppercase`, in any letter case.
    private static func startsCaseInsensitive(_ bytes: Slice<UnsafeRawBufferPointer>, with uppercase: StaticString) -> Bool {
        let letters = UnsafeBufferPointer(start: uppercase.utf8Start, count: uppercase.utf8CodeUnitCount)
        guard bytes.count >= letters.count else { return false }
        return zip(bytes, letters).allSatisfy { byte, letter in byte & 0xDF == letter }
    }

    private static func firstRange(of needle: StaticString, in haystack: Slice<UnsafeRawBufferPointer>) -> Range<Int>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var start = haystack.startIndex
        while start + pattern.count <= haystack.endIndex {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return start..<(start + pattern.count) }
            start += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
