import SmithyModel

/// Swift source literals for values taken from a model: the one way model text enters generated code outside
/// a comment (see ``DocComment`` for comments).
///
/// Whatever the text holds — quotes, backslashes, `\(`, line or paragraph separators, NUL, bidi overrides — the
/// literal is a single line that denotes exactly that text: everything that is not a visible character or a
/// plain space is written as an escape, so the source shows what the string contains.
enum SwiftLiteral {
    /// A double-quoted string literal with everything that needs escaping escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A raw string literal (`#"…"#`) whose delimiter does not occur in `text`, for long JSON and regexes; a
    /// plain literal when the text holds anything that must be escaped (a raw literal cannot escape).
    static func raw(_ text: String) -> String {
        if text.unicodeScalars.contains(where: needsEscape) { return string(text) }
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return "\(hashes)\"\(text)\"\(hashes)"
    }

    /// Whether a scalar is written as `\u{…}`: controls (line feeds, NUL, DEL, C1), format characters (bidi
    /// overrides and isolates, zero-width characters), line and paragraph separators, other spaces than U+0020,
    /// private-use and unassigned code points.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }
        return !scalar.properties.generalCategory.isVisible
    }
}
