import SmithyModel

/// The tokens of a JMESPath expression.
enum JMESPathToken: Equatable {
    case identifier(String)
    case quotedIdentifier(String)
    case literal(JMESValue)
    case number(Int)
    case dot, star, flatten, filter, leftBracket, rightBracket, leftBrace, rightBrace, leftParen, rightParen
    case comma, colon, pipe, or, and, not, current, expressionReference
    case comparator(JMESPathComparator)
    case end

    /// How tightly the token binds as an operator (jmespath.org's reference parser's table).
    var bindingPower: Int {
        switch self {
        case .pipe: 1
        case .or: 2
        case .and: 3
        case .comparator: 5
        case .flatten: 9
        case .star: 20
        case .filter: 21
        case .dot: 40
        case .not: 45
        case .leftBrace: 50
        case .leftBracket: 55
        case .leftParen: 60
        default: 0
        }
    }
}

/// Splits an expression into tokens.
struct JMESPathLexer {
    static func tokens(_ text: String) throws(JMESPathError) -> [JMESPathToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [JMESPathToken] = []
        var index = 0
        func peek(_ offset: Int = 1) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        func syntax(_ message: String) -> JMESPathError { JMESPathError(kind: .syntax, message: message) }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r":
                index += 1
            case "a"..."z", "A"..."Z", "_":
                var name = ""
                while index < scalars.count, Self.isIdentifierScalar(scalars[index]) {
                    name.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.identifier(name))
            case "0"..."9", "-":
                var digits = scalar == "-" ? "-" : ""
                if scalar == "-" { index += 1 }
                guard index < scalars.count, ("0"..."9").contains(scalars[index]) else { throw syntax("'-' must start a number") }
                while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                    digits.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard let number = Int(digits) else { throw syntax("number \(digits) is too large") }
                tokens.append(.number(number))
            case "\"":
                let (raw, next) = try Self.delimited(scalars, from: index, by: "\"", keepingEscapes: true)
                index = next
                guard case .string(let name)? = try? JSONParser.parse("\"" + raw + "\"") else {
                    throw syntax("invalid quoted identifier \"\(raw)\"")
                }
                tokens.append(.quotedIdentifier(name))
            case "'":
                let (raw, next) = try Self.delimited(scalars, from: index, by: "'", keepingEscapes: false)
                index = next
                tokens.append(.literal(.string(raw)))
            case "`":
                let (raw, next) = try Self.delimited(scalars, from: index, by: "`", keepingEscapes: false)
                index = next
                if let node = try? JSONParser.parse(raw) {
                    tokens.append(.literal(JMESValue(node)))
                } else if let node = try? JSONParser.parse("\"" + raw.trimmingWhitespace() + "\"") {
                    // The older form: an unquoted string between backticks.
                    tokens.append(.literal(JMESValue(node)))
                } else {
                    throw syntax("invalid literal `\(raw)`")
                }
            case "[":
                if peek() == "]" {
                    tokens.append(.flatten)
                    index += 2
                } else if peek() == "?" {
                    tokens.append(.filter)
                    index += 2
                } else {
                    tokens.append(.leftBracket)
                    index += 1
                }
            case "|", "&":
                if peek() == scalar {
                    tokens.append(scalar == "|" ? .or : .and)
                    index += 2
                } else {
                    tokens.append(scalar == "|" ? .pipe : .expressionReference)
                    index += 1
                }
            case "!", "<", ">", "=":
                let twoCharacter = peek() == "="
                switch (scalar, twoCharacter) {
                case ("!", true): tokens.append(.comparator(.notEqual))
                case ("!", false): tokens.append(.not)
                case ("<", true): tokens.append(.comparator(.lessOrEqual))
                case ("<", false): tokens.append(.comparator(.less))
                case (">", true): tokens.append(.comparator(.greaterOrEqual))
                case (">", false): tokens.append(.comparator(.greater))
                case ("=", true): tokens.append(.comparator(.equal))
                default: throw syntax("'=' alone is not an operator; use '=='")
                }
                index += twoCharacter ? 2 : 1
            default:
                let single: [Unicode.Scalar: JMESPathToken] = [
                    ".": .dot, "*": .star, "]": .rightBracket, "{": .leftBrace, "}": .rightBrace, "(": .leftParen,
                    ")": .rightParen, ",": .comma, ":": .colon, "@": .current,
                ]
                guard let token = single[scalar] else { throw syntax("unexpected character '\(scalar)'") }
                tokens.append(token)
                index += 1
            }
        }
        return tokens + [.end]
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }

    /// The text between the delimiter at `start` and the next one not escaped by a backslash, and the index
    /// after it. An escaped delimiter loses its backslash unless `keepingEscapes` (JSON strings keep every escape).
    private static func delimited(_ scalars: [Unicode.Scalar], from start: Int, by delimiter: Unicode.Scalar,
                                  keepingEscapes: Bool) throws(JMESPathError) -> (String, Int) {
        var text = ""
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                let next = scalars[index + 1]
                if next == delimiter && !keepingEscapes {
                    text.unicodeScalars.append(next)
                } else {
                    text.unicodeScalars.append(scalar)
                    text.unicodeScalars.append(next)
                }
                index += 2
                continue
            }
            if scalar == delimiter { return (text, index + 1) }
            text.unicodeScalars.append(scalar)
            index += 1
        }
        throw JMESPathError(kind: .syntax, message: "unterminated \(delimiter)")
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}
