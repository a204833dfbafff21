import SmithyModel

/// Model text as `///` documentation lines: the one way model text enters a generated comment.
///
/// A comment ends at a line break, so every line break a Swift lexer or an editor honours (`\n`, `\r`, U+0085,
/// U+2028, U+2029, vertical tab, form feed) and every other invisible character (NUL, bidi overrides, zero-width
/// characters) becomes a space: model text can never start a line of code or make code read differently from
/// what it is.
enum DocComment {
    /// `///` lines for documentation lines; an empty line becomes a bare `///`.
    static func lines(_ text: [String]) -> [String] {
        text.map { line in
            let clean = inline(line)
            return clean.isEmpty ? "///" : "/// " + clean
        }
    }

    /// `text` made safe for the inside of a one-line comment: each invisible character becomes a space and
    /// trailing spaces go (leading spaces stay: they indent nested list items).
    static func inline(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let visible = scalar.value >= 0x20 && scalar.value < 0x7F
                || (scalar.value >= 0x80 && scalar.properties.generalCategory.isVisible)
            result.append(visible ? scalar : " ")
        }
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
