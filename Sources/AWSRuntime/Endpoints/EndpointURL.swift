import Foundation

/// The result of the rules-engine `parseURL` function: an `http` or `https` URL without query or fragment, split
/// into the parts rule sets template back together.
struct EndpointURL: Sendable, Equatable {
    let scheme: String
    /// Host and optional port, exactly as written (`[::1]:443`, `example.com:8000`).
    let authority: String
    /// The path as written, possibly empty.
    let path: String
    /// The path with a leading and trailing `/`, so rule sets can append segments to it.
    let normalizedPath: String
    /// Whether the host is an IPv4 or bracketed IPv6 address.
    let isIP: Bool

    /// Parses `text`; returns `nil` (unset) for any other scheme, a query or fragment, or a malformed authority.
    init?(parsing text: String) {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let scheme = String(text[..<schemeEnd.lowerBound])
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[schemeEnd.upperBound...]
        // Endpoints are prefixes that operations append to, so a query or fragment cannot be carried along.
        guard !rest.contains("?"), !rest.contains("#") else { return nil }
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<pathStart])
        guard let host = Self.host(ofAuthority: authority) else { return nil }
        let path = String(rest[pathStart...])
        self.scheme = scheme
        self.authority = authority
        self.path = path
        var normalized = path.hasPrefix("/") ? path : "/" + path
        if !normalized.hasSuffix("/") { normalized += "/" }
        self.normalizedPath = normalized
        self.isIP = host.hasPrefix("[") || Self.isIPv4Address(host)
    }

    /// The parsed URL as the object rule sets read with `getAttr`.
    var value: JSONValue {
        .object([
            "scheme": .string(scheme),
            "authority": .string(authority),
            "path": .string(path),
            "normalizedPath": .string(normalizedPath),
            "isIp": .bool(isIP),
        ])
    }

    /// The host part of `authority` after checking the port is numeric, or `nil` when the authority is malformed.
    private static func host(ofAuthority authority: String) -> String? {
        guard !authority.isEmpty, !authority.contains("@"), !authority.contains(where: \.isWhitespace) else {
            return nil
        }
        let host: Substring
        let port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let afterHost = authority[authority.index(after: close)...]
            guard afterHost.isEmpty || afterHost.hasPrefix(":") else { return nil }
            port = afterHost.isEmpty ? nil : afterHost.dropFirst()
            let address = host.dropFirst().dropLast()
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return nil
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority[...]
            port = nil
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        guard !host.isEmpty, !host.contains(":") || host.hasPrefix("[") else { return nil }
        return String(host)
    }

    /// Whether `host` is four dot-separated decimal numbers from 0 to 255.
    static func isIPv4Address(_ host: String) -> Bool {
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                (1...3).contains(octet.count) && octet.allSatisfy(\.isASCIIDigit) && (Int(octet) ?? 256) <= 255
            }
    }
}

extension Character {
    /// Whether the character is one of `0`–`9` (unlike `isNumber`, which accepts any script's digits).
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
