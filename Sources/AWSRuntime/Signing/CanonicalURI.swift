/// The path line of a SigV4 canonical request.
enum CanonicalURI {
    /// Builds the canonical URI from a request path as it appears on the wire.
    ///
    /// - Parameters:
    ///   - path: the path part of the request target, already percent-encoded as sent (raw UTF-8 is accepted
    ///     too and encoded once).
    ///   - normalize: remove `.`, `..` and empty segments first (everything except S3).
    ///   - doubleEncode: percent-encode the wire path once more (everything except S3), so `%20` signs as `%2520`.
    static func make(path: String, normalize: Bool, doubleEncode: Bool) -> String {
        var path = path.isEmpty ? "/" : path
        if normalize { path = normalized(path) }
        return doubleEncode ? URIEncoding.encode(path, keepingSlashes: true) : path
    }

    /// RFC 3986 dot-segment removal that also drops empty segments, as the SigV4 suite expects
    /// (`//example//` → `/example/`). A trailing slash survives, as does one implied by a final `.` or `..`.
    static func normalized(_ path: String) -> String {
        if path == "/" { return path }
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            switch part {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(part)
            }
        }
        let endsInDirectory = path.hasSuffix("/") || parts.last == "." || parts.last == ".."
        if segments.isEmpty { return "/" }
        return "/" + segments.joined(separator: "/") + (endsInDirectory ? "/" : "")
    }
}
