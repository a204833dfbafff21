/// A deliberately strict Swift lexer for tests: it splits generated source into code tokens, string literals
/// and comments, so a test can tell whether model text stayed inside literals and comments.
///
/// Strict where Swift is lenient: every line break a reader could see (`\n`, `\r`, U+0085, U+2028, U+2029,
/// vertical tab, form feed) ends a `//` comment, and a single-line string literal may not contain one. Text
/// that slipped out of a comment or literal therefore shows up as code tokens.
struct SwiftTokenScanner {
    enum Token: Equatable {
        /// An identifier, keyword, number or punctuation character.
        case code(String)
        /// A string literal; `text` is its source between the delimiters (interpolations lexed separately).
        case literal(text: String)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var tokens: [Token] = []
    /// The text of every comment, for checks on what comments hold.
    private(set) var comments: [String] = []

    static func scan(_ source: String) throws -> SwiftTokenScanner {
        var scanner = SwiftTokenScanner(scalars: Array(source.unicodeScalars))
        try scanner.scanCode(until: nil)
        return scanner
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"].contains(scalar)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Code until the end, or until the `)` closing an interpolation (`until == ")"`).
    private mutating func scanCode(until closer: Unicode.Scalar?) throws {
        var depth = 0
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || Self.isLineBreak(scalar) {
                index += 1
            } else if scalar == "/" && peek(1) == "/" {
                let start = index
                while let next = peek(), !Self.isLineBreak(next) { index += 1 }
                comments.append(String(String.UnicodeScalarView(scalars[start..<index])))
            } else if scalar == "/" && peek(1) == "*" {
                try scanBlockComment()
            } else if scalar == "\"" || (scalar == "#" && (peek(1) == "\"" || peek(1) == "#")) {
                try scanString()
            } else if scalar == "`" {
                let start = index
                index += 1
                while let next = peek(), next != "`" {
                    guard !Self.isLineBreak(next) else { throw Failure(message: "line break in a backticked name") }
                    index += 1
                }
                index += 1
                tokens.append(.code(String(String.UnicodeScalarView(scalars[start..<index]))))
            } else if scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar) || scalar == "@" || scalar == "$" {
                let start = index
                index += 1
                while let next = peek(), next.properties.isAlphabetic || next == "_" || ("0"..."9").contains(next) || next == "." && peek(1).map({ ("0"..."9").contains($0) }) == true {
                    index += 1
                }
                tokens.append(.code(String(String.UnicodeScalarView(scalars[start..<index]))))
            } else {
                if closer != nil {
                    if scalar == "(" { depth += 1 }
                    if scalar == ")" {
                        if depth == 0 { index += 1; return }
                        depth -= 1
                    }
                }
                guard scalar.isASCII, scalar.value >= 0x20 else {
                    throw Failure(message: "unexpected character U+\(String(scalar.value, radix: 16)) in code")
                }
                tokens.append(.code(String(scalar)))
                index += 1
            }
        }
        if closer != nil { throw Failure(message: "unterminated interpolation") }
    }

    private mutating func scanBlockComment() throws {
        let start = index
        var depth = 0
        while let scalar = peek() {
            if scalar == "/" && peek(1) == "*" { depth += 1; index += 2; continue }
            if scalar == "*" && peek(1) == "/" {
                depth -= 1
                index += 2
                if depth == 0 {
                    comments.append(String(String.UnicodeScalarView(scalars[start..<index])))
                    return
                }
                continue
            }
            index += 1
        }
        throw Failure(message: "unterminated block comment")
    }

    /// A single-line string literal, plain (`"…"`) or raw (`#"…"#`); interpolations are lexed as code.
    private mutating func scanString() throws {
        var hashes = 0
        while peek() == "#" { hashes += 1; index += 1 }
        guard peek() == "\"" else { throw Failure(message: "a # that starts no string") }
        if peek(1) == "\"" && peek(2) == "\"" { throw Failure(message: "multi-line string literal") }
        index += 1
        var text = ""
        while true {
            guard let scalar = peek() else { throw Failure(message: "unterminated string literal") }
            if Self.isLineBreak(scalar) { throw Failure(message: "line break inside a string literal") }
            if scalar == "\"" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                index += 1 + hashes
                tokens.append(.literal(text: text))
                return
            }
            if scalar == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                index += 1 + hashes
                guard let escaped = peek() else { throw Failure(message: "unterminated escape") }
                if escaped == "(" {
                    index += 1
                    tokens.append(.literal(text: text))
                    text = ""
                    try scanCode(until: ")")
                    continue
                }
                text.unicodeScalars.append("\\")
                text.unicodeScalars.append(escaped)
                index += 1
                continue
            }
            text.unicodeScalars.append(scalar)
            index += 1
        }
    }
}
