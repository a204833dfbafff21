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
            if let equals = pair.firstIndex(of: "=") {
                return Parameter(
                    name: URIEncoding.encode(bytes: URIEncoding.decode(pair[..<equals])),
                    value: URIEncoding.encode(bytes: URIEncoding.decode(pair[pair.index(after: equals)...])))
            }
            return Parameter(name: URIEncoding.encode(bytes: URIEncoding.decode(pair)), value: "")
        }
    }

    /// Sorts by encoded name, then encoded value (byte order), and joins as `name=value&…`.
    static func render(_ parameters: [Parameter]) -> String {
        parameters
            .sorted { lhs, rhs in
                lhs.name == rhs.name
                    ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                    : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }
}
