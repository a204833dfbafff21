import SmithyModel

/// Translates a Smithy `pattern` (an ECMA-262 regular expression, no flags) into an ICU regular expression
/// with the same meaning, for `NSRegularExpression`, which the runtime uses.
///
/// The two dialects read many patterns differently: ICU's `$` also matches before a final line break (so
/// `^[0-9]{12}$` would accept `"123456789012\n"`), its `\d`, `\w` and `\b` are Unicode-wide where ECMA's are
/// ASCII, its `.` excludes more line breaks, its `\v` is a class, and `[` and `&` inside a class start nested
/// sets. Every construct whose meaning differs is rewritten explicitly. Java-style classes that AWS models use
/// (`\p{Alpha}`, `\p{Punct}`, …) are translated to the ASCII classes they mean in Java. Anything the translator
/// does not understand is reported, and the caller leaves that check out rather than guess.
enum PatternTranslator {
    /// Why a pattern could not be translated.
    struct Untranslatable: Error, Equatable {
        var reason: String
    }

    static let wordClass = "A-Za-z0-9_"
    static let digitClass = "0-9"
    /// ECMA-262 WhiteSpace and LineTerminator.
    static let spaceClass = #"\t\n\x{0B}\f\r\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    /// ECMA-262 LineTerminator: what `.` does not match.
    static let lineTerminators = #"\n\r\x{2028}\x{2029}"#

    /// The ICU pattern meaning what `pattern` means in ECMA-262.
    static func icuPattern(for pattern: String) throws(Untranslatable) -> String {
        var reader = Reader(Array(pattern.unicodeScalars))
        var output = ""
        while let scalar = reader.next() {
            switch scalar {
            case "\\": output += try escape(&reader, inClass: false)
            case "[": output += try characterClass(&reader)
            case ".": output += "[^\(lineTerminators)]"
            case "$": output += #"\z"#
            // ECMA-262 (Annex B) reads a brace that does not form a quantifier, and a lone `]`, as itself; ICU
            // rejects them.
            case "{": output += reader.quantifierRest().map { "{" + $0 } ?? #"\{"#
            case "}": output += #"\}"#
            case "]": output += #"\]"#
            case "(":
                output += "("
                // Group syntax passes through; `(?` must be a construct ECMA-262 has.
                if reader.peek() == "?" {
                    reader.advance()
                    output += "?"
                    guard let kind = reader.peek(), ":=!<".unicodeScalars.contains(kind) else {
                        throw Untranslatable(reason: "unsupported group syntax (?\(reader.peek().map(String.init) ?? ""))")
                    }
                }
            default:
                output += literal(scalar)
            }
        }
        return output
    }

    /// An escape outside (`inClass == false`) or inside a class, after its backslash.
    private static func escape(_ reader: inout Reader, inClass: Bool) throws(Untranslatable) -> String {
        guard let scalar = reader.next() else { throw Untranslatable(reason: "the pattern ends with a lone backslash") }
        switch scalar {
        case "d": return inClass ? digitClass : "[\(digitClass)]"
        case "D": return "[^\(digitClass)]"
        case "w": return inClass ? wordClass : "[\(wordClass)]"
        case "W": return "[^\(wordClass)]"
        case "s": return inClass ? spaceClass : "[\(spaceClass)]"
        case "S": return "[^\(spaceClass)]"
        case "b" where inClass: return #"\x{08}"#
        case "b": return "(?:(?<=[\(wordClass)])(?![\(wordClass)])|(?<![\(wordClass)])(?=[\(wordClass)]))"
        case "B" where !inClass: return "(?:(?<=[\(wordClass)])(?=[\(wordClass)])|(?<![\(wordClass)])(?![\(wordClass)]))"
        case "v": return #"\x{0B}"#
        case "f", "n", "r", "t": return "\\" + String(scalar)
        case "0" where !(reader.peek().map(isDigit) ?? false): return #"\x{0}"#
        case "c":
            guard let letter = reader.next(), letter.isASCII, letter.properties.isAlphabetic else {
                throw Untranslatable(reason: "\\c must be followed by a letter")
            }
            return #"\x{"# + String(letter.value % 32, radix: 16) + "}"
        case "x":
            let hex = reader.take(2, where: isHexDigit)
            guard hex.count == 2 else { throw Untranslatable(reason: "\\x needs two hex digits") }
            return #"\x{"# + hex + "}"
        case "u":
            if reader.peek() == "{" {
                reader.advance()
                let hex = reader.take(6, where: isHexDigit)
                guard !hex.isEmpty, reader.next() == "}" else { throw Untranslatable(reason: "malformed \\u{…}") }
                return #"\x{"# + hex + "}"
            }
            let hex = reader.take(4, where: isHexDigit)
            guard hex.count == 4 else { throw Untranslatable(reason: "\\u needs four hex digits") }
            return #"\x{"# + hex + "}"
        case "p", "P":
            return try property(&reader, negated: scalar == "P", inClass: inClass)
        case "1"..."9" where !inClass:
            var digits = String(scalar)
            digits += reader.take(2, where: isDigit)
            return "\\" + digits
        case "k" where !inClass:
            return "\\k"
        default:
            if scalar.isASCII && (scalar.properties.isAlphabetic || isDigit(scalar)) {
                // ECMA-262 reads an unknown letter escape as the letter itself; ICU gives many of them a meaning.
                return String(scalar)
            }
            return "\\" + String(scalar)
        }
    }

    /// `\p{Name}` / `\P{Name}`: Java's POSIX-style classes become the ASCII sets they denote in Java; Unicode
    /// general categories and scripts pass through to ICU, which knows them.
    private static func property(_ reader: inout Reader, negated: Bool, inClass: Bool) throws(Untranslatable) -> String {
        guard reader.next() == "{" else { throw Untranslatable(reason: "\\p must be followed by {Name}") }
        var name = ""
        while let scalar = reader.next(), scalar != "}" {
            guard scalar.isASCII, scalar.properties.isAlphabetic || isDigit(scalar) || scalar == "_" || scalar == "=" else {
                throw Untranslatable(reason: "malformed \\p{…}")
            }
            name.unicodeScalars.append(scalar)
        }
        // Class contents: several ranges and properties that stand inside `[…]`.
        let contents: String
        if let java = javaClasses[name] {
            contents = java
        } else if unicodeProperties.contains(name) {
            contents = "\\p{\(name)}"
        } else {
            throw Untranslatable(reason: "unknown character property \\p{\(name)}")
        }
        if negated { return "[^\(contents)]" }
        return inClass ? contents : "[\(contents)]"
    }

    /// A class, after its `[`: ICU's set syntax differs, so every member is written out explicitly, and a `-`
    /// is a range only between two single characters, as in ECMA-262 (`[0-9-_]` holds a literal `-`).
    private static func characterClass(_ reader: inout Reader) throws(Untranslatable) -> String {
        enum Item { case character(String), dash, set(String) }
        var negated = false
        if reader.peek() == "^" {
            reader.advance()
            negated = true
        }
        var items: [Item] = []
        while true {
            guard let scalar = reader.next() else { throw Untranslatable(reason: "unterminated character class") }
            if scalar == "]" { break }
            switch scalar {
            case "\\":
                let escaped = try escape(&reader, inClass: true)
                // Class escapes (\d, \w, \s, \p{…} and their negations) are sets; other escapes one character.
                let isSet = escaped.hasPrefix("[") || escaped.hasPrefix("\\p{") || escaped == digitClass
                    || escaped == wordClass || escaped == spaceClass || javaClasses.values.contains(escaped)
                items.append(isSet ? .set(escaped) : .character(escaped))
            case "-": items.append(.dash)
            default: items.append(.character(literal(scalar, inClass: true)))
            }
        }
        // ECMA-262: `[]` matches nothing and `[^]` matches any character.
        if items.isEmpty { return negated ? #"[\x{0}-\x{10FFFF}]"# : "(?!)" }
        var members = ""
        var index = 0
        while index < items.count {
            if case .character(let low) = items[index], index + 2 < items.count, case .dash = items[index + 1],
               case .character(let high) = items[index + 2] {
                members += low + "-" + high
                index += 3
                continue
            }
            switch items[index] {
            case .character(let text), .set(let text): members += text
            case .dash: members += "\\-"
            }
            index += 1
        }
        return (negated ? "[^" : "[") + members + "]"
    }

    /// A character that stands for itself, escaped where ICU would read it as syntax it does not have in ECMA.
    private static func literal(_ scalar: Unicode.Scalar, inClass: Bool = false) -> String {
        if inClass {
            // Inside an ICU set `[`, `&`, `$`, `{`, `}` and whitespace can be syntax; escaping keeps them literal.
            if scalar.isASCII && !(scalar.properties.isAlphabetic || isDigit(scalar)) { return "\\" + String(scalar) }
            if !scalar.isASCII && !scalar.properties.generalCategory.isVisible { return escaped(scalar) }
            return String(scalar)
        }
        if !scalar.isASCII && !scalar.properties.generalCategory.isVisible { return escaped(scalar) }
        if scalar.isASCII && scalar.value < 0x20 || scalar.value == 0x7F { return escaped(scalar) }
        return String(scalar)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String { #"\x{"# + String(scalar.value, radix: 16) + "}" }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// java.util.regex's POSIX classes (US-ASCII only), and `LD` (letter or digit), seen in AWS models.
    static let javaClasses: [String: String] = [
        "Lower": "a-z", "Upper": "A-Z", "ASCII": #"\x{0}-\x{7F}"#, "Alpha": "A-Za-z", "Digit": "0-9",
        "Alnum": "A-Za-z0-9", "Punct": punctuation, "Graph": "A-Za-z0-9" + punctuation,
        "Print": "A-Za-z0-9" + punctuation + #"\x{20}"#, "Blank": #"\x{20}\t"#, "Cntrl": #"\x{0}-\x{1F}\x{7F}"#,
        "XDigit": "0-9a-fA-F", "Space": #"\x{20}\t\n\x{0B}\f\r"#, "LD": #"\p{L}\p{Nd}"#,
        "javaLowerCase": #"\p{Ll}"#, "javaUpperCase": #"\p{Lu}"#,
    ]

    /// Java's `\p{Punct}`: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~, every one escaped for an ICU set.
    static let punctuation = #"!-\/:-@\[-`\{-~"#

    /// Unicode general categories ICU and Java agree on.
    static let unicodeProperties: Set<String> = [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe",
        "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cn",
        "IsAlphabetic", "IsLetter", "IsDigit", "IsLatin", "IsWhite_Space",
    ]

    /// Scalars read one at a time.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func next() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            defer { index += 1 }
            return scalars[index]
        }

        func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() { index += 1 }

        /// After a `{`: the rest of a quantifier (`3}`, `3,}`, `3,5}`), consumed, or nil (nothing consumed).
        mutating func quantifierRest() -> String? {
            let start = index
            var text = take(10, where: { ("0"..."9").contains($0) })
            guard !text.isEmpty else { index = start; return nil }
            if peek() == "," {
                advance()
                text += "," + take(10, where: { ("0"..."9").contains($0) })
            }
            guard peek() == "}" else { index = start; return nil }
            advance()
            return text + "}"
        }

        /// Up to `limit` scalars while `predicate` holds, as text.
        mutating func take(_ limit: Int, where predicate: (Unicode.Scalar) -> Bool) -> String {
            var text = ""
            while text.unicodeScalars.count < limit, let scalar = peek(), predicate(scalar) {
                text.unicodeScalars.append(scalar)
                index += 1
            }
            return text
        }
    }
}
