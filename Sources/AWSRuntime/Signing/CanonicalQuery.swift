/// The query line of a SigV4 canonical request.
enum CanonicalQuery {
    /// One query parameter, already in canonical (percent-encoded) form.
    struct Parameter: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// Parses a raw query string (without `?`) into canonical parameters: each name and value is
    /// percent-decoded and re-encoded with SigV4's rules, so `%7E` and `~`, or raw UTF-8 and its escapes,
    /// sign the same.
    static func parameters(fromRawQuery query: String) -> [Parameter] {
        guard !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
                return Parameter(
                    name: URIEncoding.recode(pair[..<equals]), value: URIEncoding.recode(pair[pair.utf8.index(after: equals)...]))
            }
            return Parameter(name: URIEncoding.recode(pair), value: "")
        }
    }

    /// Sorts by encoded name, then encoded value (byte order), and joins as `name=value&…`.
    static func render(_ parameters: [Parameter]) -> String {
        String(capacity: byteCount(parameters)) { write(parameters, into: &$0) }
    }

    /// The length of the rendered line.
    static func byteCount(_ parameters: [Parameter]) -> Int {
        parameters.reduce(Swift.max(parameters.count - 1, 0)) { $0 + $1.name.utf8.count + 1 + $1.value.utf8.count }
    }

    /// Writes the rendered line (``byteCount(_:)`` bytes).
    static func write(_ parameters: [Parameter], into writer: inout ByteWriter) {
        let sorted = parameters.count < 2 ? parameters : parameters.sorted { lhs, rhs in
            lhs.name == rhs.name
                ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        for (index, parameter) in sorted.enumerated() {
            if index > 0 { writer.append(UInt8(ascii: "&")) }
            writer.append(parameter.name)
            writer.append(UInt8(ascii: "="))
            writer.append(parameter.value)
        }
    }
}
