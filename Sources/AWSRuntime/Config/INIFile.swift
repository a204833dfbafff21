/// The sections and properties of one AWS shared config or credentials file, read the way every AWS SDK
/// reads them (the cross-SDK profile parser suite is the reference).
///
/// - `#` and `;` start a comment line; after a section header they may follow directly, after a value only
///   when whitespace comes first (`value;x` keeps the `;`).
/// - Property names are case-insensitive (kept lowercased); names and values are trimmed.
/// - An indented line continues the property above it: its text is added after a line break. Under a
///   property whose value is empty it is a sub-property and must be `name = value`
///   (`s3 =` / `  max_concurrent_requests = 10`); the parent's value then holds the raw sub-property lines,
///   which ``subProperties(of:)`` splits.
/// - A property with an invalid name is dropped, as other SDKs do, rather than failing the whole file.
struct INIFile: Sendable, Equatable {
    /// One `[header]` and the properties under it.
    struct Section: Sendable, Equatable {
        /// The header text between the brackets, trimmed, e.g. `profile dev`.
        var header: String
        /// 1-based line of the header.
        var line: Int
        /// Lowercased names to values, in the order they last appeared.
        var properties: [String: String]
    }

    /// The path the text came from, for error messages.
    var path: String
    var sections: [Section]

    /// What an indented line would continue.
    private enum Continuation {
        /// Nothing: no property since the last header.
        case none
        /// The value of `key` (dropped when the key's name was invalid, but its continuations are still consumed).
        case value(key: String?)
        /// Sub-properties of `key`, whose own value was empty.
        case subProperties(key: String?)
    }

    /// Parses `text`; `path` only labels errors.
    init(parsing text: String, path: String) throws(ConfigError) {
        self.path = path
        var sections: [Section] = []
        var continuation = Continuation.none
        // "\r\n" is one Character in Swift, so both line endings are separators.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == ";" { continue }

            if trimmed.first == "[" {
                sections.append(Section(header: try Self.header(trimmed, file: path, line: lineNumber),
                                        line: lineNumber, properties: [:]))
                continuation = .none
                continue
            }
            guard !sections.isEmpty else {
                throw .malformedLine(
                    file: path, line: lineNumber,
                    reason: "Expected a profile definition such as [default] before this line")
            }
            let last = sections.count - 1
            if line.first == " " || line.first == "\t" {
                switch continuation {
                case .none:
                    throw .malformedLine(
                        file: path, line: lineNumber,
                        reason: "Expected a property definition, found continuation (an indented line)")
                case .value(let key):
                    if let key { sections[last].properties[key, default: ""] += "\n" + trimmed }
                case .subProperties(let key):
                    // Checked for its shape; kept raw in the parent's value.
                    _ = try Self.property(trimmed, file: path, line: lineNumber, kind: "sub-property")
                    if let key { sections[last].properties[key, default: ""] += "\n" + trimmed }
                }
                continue
            }
            let (name, value) = try Self.property(trimmed, file: path, line: lineNumber, kind: "property")
            let key = Self.isValidName(name) ? name.lowercased() : nil
            if let key { sections[last].properties[key] = Self.droppingComment(value) }
            continuation = value.isEmpty ? .subProperties(key: key) : .value(key: key)
        }
        self.sections = sections
    }

    /// The header between `[` and `]`, trimmed; a comment may follow the `]` directly.
    private static func header(_ text: Substring, file: String, line: Int) throws(ConfigError) -> String {
        guard let close = text.firstIndex(of: "]") else {
            throw .malformedLine(file: file, line: line, reason: "Profile definition must end with ']'")
        }
        let rest = text[text.index(after: close)...].trimmingWhitespace()
        guard rest.isEmpty || rest.first == "#" || rest.first == ";" else {
            throw .malformedLine(file: file, line: line, reason: "unexpected text after ']' of a profile definition")
        }
        return String(text[text.index(after: text.startIndex)..<close].trimmingWhitespace())
    }

    /// Splits `name = value` at the first `=`, trimming both; `kind` names the line in errors.
    private static func property(_ text: Substring, file: String, line: Int, kind: String) throws(ConfigError)
        -> (String, Substring)
    {
        guard let equals = text.firstIndex(of: "=") else {
            // Deliberately not echoing the line: it may be a secret pasted without its key.
            throw .malformedLine(file: file, line: line, reason: "Expected an '=' sign defining a \(kind)")
        }
        let name = text[..<equals].trimmingWhitespace()
        guard !name.isEmpty else {
            throw .malformedLine(
                file: file, line: line, reason: "\(kind.prefix(1).uppercased() + kind.dropFirst()) did not have a name before '='")
        }
        return (String(name), text[text.index(after: equals)...].trimmingWhitespace())
    }

    /// The value without a `#` or `;` comment that follows whitespace.
    private static func droppingComment(_ value: Substring) -> String {
        var previous: Character = " "
        for index in value.indices {
            let character = value[index]
            if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
                return String(value[..<index].trimmingWhitespace())
            }
            previous = character
        }
        return String(value)
    }

    /// Profile, session and property names: ASCII letters and digits and `-/.%@_:+`.
    static func isValidName<S: StringProtocol>(_ name: S) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-/.%@_:+".unicodeScalars.contains(scalar))
        }
    }

    /// The `name = value` pairs held in a property whose value was written as indented sub-properties,
    /// names lowercased; lines with an invalid name are left out.
    static func subProperties(of value: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in value.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingWhitespace()
            guard isValidName(name) else { continue }
            result[name.lowercased()] = String(line[line.index(after: equals)...].trimmingWhitespace())
        }
        return result
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
