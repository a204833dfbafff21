/// Re-indents compact JSON text as Python's `json.dumps(indent=4)` prints it: one member or element per
/// line, 4 spaces per level, `"key": value`, and empty `{}` / `[]` kept on one line. Works on Unicode scalars,
/// so a combining mark after a quote cannot hide the quote.
struct JSONIndenter {
    private var output = ""
    private var depth = 0
    private var inString = false
    private var escaped = false

    /// The indented form of `compact`, which must be JSON without insignificant whitespace.
    mutating func indent(_ compact: String) -> String {
        let characters = Array(compact.unicodeScalars)
        var index = 0
        while index < characters.count {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            index += append(characters[index], next: next) ? 2 : 1
        }
        return output
    }

    /// Appends one character; returns true when it also consumed `next` (an empty object or array).
    private mutating func append(_ character: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        if inString {
            appendInString(character)
            return false
        }
        switch character {
        case "\"":
            inString = true
            output.unicodeScalars.append(character)
        case "{", "[":
            return open(character, next: next)
        case "}", "]":
            depth -= 1
            output += newline() + String(character)
        case ",":
            output += "," + newline()
        case ":":
            output += ": "
        default:
            output.unicodeScalars.append(character)
        }
        return false
    }

    /// Inside a string everything is copied; only an unescaped quote ends it.
    private mutating func appendInString(_ character: Unicode.Scalar) {
        output.unicodeScalars.append(character)
        if escaped {
            escaped = false
        } else if character == "\\" {
            escaped = true
        } else if character == "\"" {
            inString = false
        }
    }

    /// Opens an object or array, or writes `{}` / `[]` when it is empty.
    private mutating func open(_ character: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        let closing: Unicode.Scalar = character == "{" ? "}" : "]"
        if next == closing {
            output += String(character) + String(closing)
            return true
        }
        depth += 1
        output += String(character) + newline()
        return false
    }

    private func newline() -> String {
        "\n" + String(repeating: "    ", count: depth)
    }
}
