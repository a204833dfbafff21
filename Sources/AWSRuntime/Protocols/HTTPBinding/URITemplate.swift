import Foundation

/// The URI pattern of an `http` trait, filled with an input's labels: `/{Bucket}/{Key+}?x-id=GetObject` →
/// path `/my-bucket/photos/cat.jpg` and query `x-id=GetObject`.
enum URITemplate {
    /// The percent-encoded path and the literal query parameters (a parameter without `=` has no value). A
    /// pattern without a path (S3's after its bucket is taken out) gives an empty path: the endpoint's own.
    static func expand(_ pattern: String, labels: [String: String], operation: String, allowsDotSegments: Bool = false) throws
        -> (path: String, query: [(name: String, value: String?)])
    {
        let parts = pattern.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = ""
        for segment in parts[0].split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            path += "/"
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else {
                path += segment
                continue
            }
            var name = segment.dropFirst().dropLast()
            let isGreedy = name.hasSuffix("+")
            if isGreedy { name = name.dropLast() }
            guard let value = labels[String(name)], !value.isEmpty else {
                throw HTTPBindingError.emptyLabel(operation: operation, label: String(name))
            }
            // A greedy label spans segments: its slashes stay, but `.` and `..` segments would be resolved away by
            // servers and proxies, naming another resource.
            if isGreedy, !allowsDotSegments, value.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." }) {
                throw HTTPBindingError.invalidLabel(
                    operation: operation, label: String(name), reason: "holds a `.` or `..` path segment")
            }
            path += URIEncoding.encode(value, keepingSlashes: isGreedy)
        }
        var query: [(name: String, value: String?)] = []
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((String(pair[0]), pair.count > 1 ? String(pair[1]) : nil))
            }
        }
        return (path, query)
    }
}
