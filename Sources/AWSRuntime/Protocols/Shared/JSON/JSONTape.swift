import Foundation

/// A JSON document parsed into one flat array of nodes ("a tape"), for ``JSONTapeDecoder``.
///
/// Each node records its kind and byte range; a container also records how many children it has and where its
/// subtree ends, so a reader jumps over a value it does not want. Nothing is converted while parsing: strings and
/// numbers become Swift values only when a member asks for them, and keys are compared as bytes.
///
/// A response body is input: the parser checks the whole grammar (and UTF-8) before anything is read, nests at
/// most ``maximumDepth`` levels, and reports the byte where the text stops being JSON.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, trueValue, falseValue, null
    }

    /// 20 bytes a node (positions are 32-bit: a body is far below 2 GiB), so the tape of even a body of tiny
    /// tokens stays a small multiple of the body.
    struct Node {
        var kind: Kind
        private var storedStart: Int32
        private var storedEnd: Int32
        private var storedNext: Int32
        private var storedCount: Int32

        init(kind: Kind, start: Int, end: Int, next: Int, count: Int) {
            self.kind = kind
            storedStart = Int32(truncatingIfNeeded: start)
            storedEnd = Int32(truncatingIfNeeded: end)
            storedNext = Int32(truncatingIfNeeded: next)
            storedCount = Int32(truncatingIfNeeded: count)
        }

        /// For strings, the bytes between the quotes; for numbers and literals, the token; for containers, from
        /// the opening bracket.
        var start: Int { Int(storedStart) }
        var end: Int {
            get { Int(storedEnd) }
            set { storedEnd = Int32(truncatingIfNeeded: newValue) }
        }
        /// The index of the node after this value's subtree.
        var next: Int {
            get { Int(storedNext) }
            set { storedNext = Int32(truncatingIfNeeded: newValue) }
        }
        /// Members (objects) or elements (arrays).
        var count: Int {
            get { Int(storedCount) }
            set { storedCount = Int32(truncatingIfNeeded: newValue) }
        }
    }

    static let maximumDepth = 512

    let bytes: [UInt8]
    private(set) var nodes: [Node] = []

    /// Parses `data` whole; throws `DecodingError.dataCorrupted` naming the byte where it is not JSON.
    init(_ data: Data) throws {
        guard data.count < Int(Int32.max) else { throw Self.corrupted("the body is larger than 2 GiB") }
        bytes = [UInt8](data)
        guard UTF8Validation.isValid(bytes) else { throw Self.corrupted("the body is not valid UTF-8") }
        nodes.reserveCapacity(bytes.count / 16)
        var position = 0
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, position: 0)
            try parser.skipWhitespace()
            try parser.value(into: &nodes, depth: 0)
            try parser.skipWhitespace()
            position = parser.position
        }
        guard position == bytes.count else { throw Self.corrupted("unexpected text after the JSON value at byte \(position)") }
    }

    static func corrupted(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "The body is not valid JSON: \(message)"))
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int

        private func failure(_ what: String) -> DecodingError {
            JSONTape.corrupted(position < bytes.count ? "\(what) at byte \(position)" : "\(what) at the end of the body")
        }

        mutating func skipWhitespace() throws {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func value(into nodes: inout [Node], depth: Int) throws {
            guard position < bytes.count else { throw failure("a value is missing") }
            switch bytes[position] {
            case UInt8(ascii: "{"): try container(into: &nodes, depth: depth, isObject: true)
            case UInt8(ascii: "["): try container(into: &nodes, depth: depth, isObject: false)
            case UInt8(ascii: "\""): try string(into: &nodes)
            case UInt8(ascii: "t"): try literal("true", .trueValue, into: &nodes)
            case UInt8(ascii: "f"): try literal("false", .falseValue, into: &nodes)
            case UInt8(ascii: "n"): try literal("null", .null, into: &nodes)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(into: &nodes)
            default: throw failure("an unexpected character")
            }
        }

        private mutating func container(into nodes: inout [Node], depth: Int, isObject: Bool) throws {
            guard depth < JSONTape.maximumDepth else { throw failure("more than \(JSONTape.maximumDepth) levels of nesting") }
            let index = nodes.count
            nodes.append(Node(kind: isObject ? .object : .array, start: position, end: position, next: 0, count: 0))
            position += 1
            let close = UInt8(ascii: isObject ? "}" : "]")
            var count = 0
            try skipWhitespace()
            if position < bytes.count, bytes[position] == close {
                position += 1
            } else {
                while true {
                    if isObject {
                        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("a member name is missing") }
                        try string(into: &nodes)
                        try skipWhitespace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("':' is missing") }
                        position += 1
                        try skipWhitespace()
                    }
                    try value(into: &nodes, depth: depth + 1)
                    count += 1
                    try skipWhitespace()
                    guard position < bytes.count else { throw failure("the \(isObject ? "object" : "array") is not closed") }
                    if bytes[position] == close {
                        position += 1
                        break
                    }
                    guard bytes[position] == UInt8(ascii: ",") else { throw failure("',' or '\(Character(Unicode.Scalar(close)))' is missing") }
                    position += 1
                    try skipWhitespace()
                }
            }
            nodes[index].end = position
            nodes[index].next = nodes.count
            nodes[index].count = count
        }

        private mutating func string(into nodes: inout [Node]) throws {
            position += 1
            let start = position
            var escaped = false
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    nodes.append(Node(kind: escaped ? .escapedString : .string, start: start, end: position, next: nodes.count + 1, count: 0))
                    position += 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 1
                    guard position < bytes.count else { break }
                    switch bytes[position] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        position += 1
                    case UInt8(ascii: "u"):
                        guard position + 4 < bytes.count, (1...4).allSatisfy({ Self.hexValue(bytes[position + $0]) != nil }) else {
                            throw failure("a \\u escape needs four hex digits")
                        }
                        position += 5
                    default:
                        throw failure("an unknown escape")
                    }
                    continue
                }
                guard byte >= 0x20 else { throw failure("a control character inside a string") }
                position += 1
            }
            throw failure("a string is not closed")
        }

        private mutating func literal(_ text: StaticString, _ kind: Kind, into nodes: inout [Node]) throws {
            let count = text.utf8CodeUnitCount
            guard position + count <= bytes.count,
                  text.withUTF8Buffer({ expected in (0..<count).allSatisfy { bytes[position + $0] == expected[$0] } })
            else { throw failure("an unexpected word") }
            nodes.append(Node(kind: kind, start: position, end: position + count, next: nodes.count + 1, count: 0))
            position += count
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        private mutating func number(into nodes: inout [Node]) throws {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a number needs digits") }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a fraction needs digits") }
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("an exponent needs digits") }
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
            nodes.append(Node(kind: .number, start: start, end: position, next: nodes.count + 1, count: 0))
        }

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }
    }

    // MARK: Reading values

    /// The string node `index` as a Swift `String` (escapes resolved; a lone surrogate becomes U+FFFD).
    func string(at index: Int) -> String {
        let node = nodes[index]
        if node.kind == .string {
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]), as: UTF8.self) }
        }
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        utf8.reserveCapacity(node.end - node.start)
        var position = node.start
        func flush() {
            if !utf8.isEmpty {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll(keepingCapacity: true)
            }
        }
        while position < node.end {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                position += 1
                continue
            }
            let escape = bytes[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var code = hex4(at: position)
                position += 4
                if (0xD800..<0xDC00).contains(code), position + 5 < node.end, bytes[position] == UInt8(ascii: "\\"),
                   bytes[position + 1] == UInt8(ascii: "u") {
                    let low = hex4(at: position + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                flush()
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: utf8.append(escape)  // `"`, `\` and `/` stand for themselves
            }
        }
        flush()
        return String(scalars)
    }

    private func hex4(at position: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 4 | (Parser.hexValue(bytes[position + $1]) ?? 0) }
    }

    /// Whether string node `index` spells `text` exactly.
    func string(at index: Int, equals text: String) -> Bool {
        let node = nodes[index]
        guard node.kind == .string else { return string(at: index) == text }
        var text = text
        return text.withUTF8 { expected in
            guard expected.count == node.end - node.start else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                expected.isEmpty || memcmp(buffer.baseAddress! + node.start, expected.baseAddress!, expected.count) == 0
            }
        }
    }

    /// The token of number node `index`.
    func numberText(at index: Int) -> String {
        let node = nodes[index]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]), as: UTF8.self) }
    }

    /// Number node `index` as an integer, when it is one that fits in 64 bits (`12`, `-3`, also `1.0` and `1e3`).
    func integer(at index: Int) -> Int64? {
        let node = nodes[index]
        var position = node.start
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var value: Int64 = 0
        while position < node.end {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                // A fraction or exponent: exact whole values only.
                guard let double = Double(numberText(at: index)), double.rounded() == double,
                      double >= -9.223372036854775808e18, double < 9.223372036854775808e18 else { return nil }
                return Int64(double)
            }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (added, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = added
            position += 1
        }
        return value
    }
}
