/// The sections and properties of one AWS shared config or credentials file.
///
/// Follows the AWS CLI's reading: `#` and `;` start comment lines (and inline comments after whitespace),
/// whitespace around names and values is ignored, and an indented line under a property with an empty value
/// is a sub-property (`s3 =` / `  max_concurrent_requests = 10` becomes `s3.max_concurrent_requests`).
struct INIFile: Sendable, Equatable {
    /// One `[header]` and the properties under it.
    struct Section: Sendable, Equatable {
        /// The header text between the brackets, trimmed, e.g. `profile dev`.
        var header: String
        /// 1-based line of the header.
        var line: Int
        var properties: [String: String]
    }

    /// The path the text came from, for error messages.
    var path: String
    var sections: [Section]

    /// Parses `text`; `path` only labels errors.
    init(parsing text: String, path: String) throws(ConfigError) {
        self.path = path
        var sections: [Section] = []
        var lastKey: String?
        // "\r\n" is one Character in Swift, so both line endings are separators.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == ";" { continue }

            if trimmed.first == "[" {
                guard let close = trimmed.firstIndex(of: "]") else {
                    throw .malformedLine(file: path, line: lineNumber, reason: "section header '\(trimmed)' has no ']'")
                }
                let rest = trimmed[trimmed.index(after: close)...].trimmingWhitespace()
                guard rest.isEmpty || rest.first == "#" || rest.first == ";" else {
                    throw .malformedLine(file: path, line: lineNumber, reason: "unexpected text after ']': '\(rest)'")
                }
                let header = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingWhitespace()
                guard !header.isEmpty else {
                    throw .malformedLine(file: path, line: lineNumber, reason: "empty section name '[]'")
                }
                sections.append(Section(header: String(header), line: lineNumber, properties: [:]))
                lastKey = nil
                continue
            }

            guard !sections.isEmpty else {
                throw .malformedLine(
                    file: path, line: lineNumber, reason: "property outside any [section]; add a [default] header above it")
            }
            let isIndented = line.first == " " || line.first == "\t"
            if isIndented, let parent = lastKey, sections[sections.count - 1].properties[parent] == "" {
                let (key, value) = try INIFile.property(trimmed, file: path, line: lineNumber)
                sections[sections.count - 1].properties["\(parent).\(key)"] = value
                continue
            }
            let (key, value) = try INIFile.property(trimmed, file: path, line: lineNumber)
            sections[sections.count - 1].properties[key] = value
            lastKey = key
        }
        self.sections = sections
    }

    /// Splits `key = value`, dropping an inline comment that follows whitespace.
    private static func property(_ text: Substring, file: String, line: Int) throws(ConfigError) -> (String, String) {
        guard let equals = text.firstIndex(of: "=") else {
            // Deliberately not echoing the line: it may be a secret pasted without its key.
            throw .malformedLine(file: file, line: line, reason: "expected 'key = value' but found no '='")
        }
        let key = text[..<equals].trimmingWhitespace()
        guard !key.isEmpty else {
            throw .malformedLine(file: file, line: line, reason: "property with an empty name before '='")
        }
        var value = text[text.index(after: equals)...]
        var previous: Character = " "
        for index in value.indices {
            let character = value[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                value = value[..<index]
                break
            }
            previous = character
        }
        return (String(key), String(value.trimmingWhitespace()))
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
