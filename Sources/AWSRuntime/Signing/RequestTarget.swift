import Foundation

/// The pieces of a request URL that SigV4 signs, taken in their percent-encoded wire form.
struct RequestTarget: Sendable {
    var path: String
    var query: String
    private var url: URL

    init(_ url: URL) throws {
        self.url = url
        // An ordinary `scheme://host[:port]/path?query` URL is split from its text, which `URL` already holds:
        // its separate accessors cost several times more than the rest of a signature's string work.
        if url.baseURL == nil, let parts = RequestTarget.split(url.absoluteString) {
            (path, query) = parts
            return
        }
        guard let host = url.host(percentEncoded: true), !host.isEmpty else {
            throw SigV4Error.missingHost(url: url.absoluteString)
        }
        path = url.path(percentEncoded: true)
        query = url.query(percentEncoded: true) ?? ""
    }

    /// The path and query of an absolute URL whose authority is a plain host and optional port; nil for
    /// anything else (user info, an IPv6 literal, an escape in the host, no host), which `URL` then parses.
    static func split(_ absolute: String) -> (path: String, query: String)? {
        URIEncoding.withUTF8(absolute) { bytes -> (path: String, query: String)? in
            var index = 0
            while index < bytes.count, isSchemeByte(bytes[index]) { index += 1 }
            guard index > 0, index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"),
                bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/")
            else { return nil }
            index += 3
            let hostStart = index
            var hostEnd: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
                if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "%") { return nil }
                if byte == UInt8(ascii: ":"), hostEnd == nil { hostEnd = index }
                index += 1
            }
            guard (hostEnd ?? index) > hostStart else { return nil }
            let pathStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") { index += 1 }
            let pathEnd = index
            var queryStart = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
                index += 1
                queryStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "#") { index += 1 }
            }
            return (text(bytes, pathStart..<pathEnd), text(bytes, queryStart..<index))
        }
    }

    /// The `Host` header for the URL: the host, bracketed when IPv6, and the port unless it is the scheme's
    /// default. Worked out only when the request has no `Host` header yet.
    var hostHeader: String {
        let host = url.host(percentEncoded: true) ?? ""
        // Byte search: Foundation's `contains(_: String)` costs a noticeable share of a signature.
        let isBareIPv6 = host.utf8.contains(UInt8(ascii: ":")) && host.utf8.first != UInt8(ascii: "[")
        let bracketedHost = isBareIPv6 ? "[\(host)]" : host
        let defaultPort = url.scheme.map { CanonicalHeaders.isNamed($0, "http") } == true ? 80 : 443
        if let port = url.port, port != defaultPort {
            return "\(bracketedHost):\(port)"
        }
        return bracketedHost
    }

    /// RFC 3986: ALPHA / DIGIT / "+" / "-" / ".".
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
