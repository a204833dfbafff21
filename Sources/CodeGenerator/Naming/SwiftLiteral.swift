import SmithyModel

/// Swift source literals for values taken from a model.
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
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A raw string literal (`#"…"#`) whose delimiter does not occur in `text`; for long JSON and regexes.
    static func raw(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        if text.contains("\n") || text.contains("\r") { return string(text) }
        return "\(hashes)\"\(text)\"\(hashes)"
    }
}
