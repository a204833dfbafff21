/// A SigV4 canonical request, built from the parts of an HTTP request as they go on the wire.
///
/// This is the lower-level entry point: it takes a raw path and query (which need not form a valid
/// `URL`, e.g. `/example space/`), so the official test suite and the `URL`-based ``SigV4Signer`` share it.
public struct CanonicalRequest: Sendable, Equatable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The canonical URI line.
    public var canonicalURI: String
    /// The canonical query line (empty when there is no query).
    public var canonicalQuery: String
    /// The `name:value` lines, each ending in a newline.
    public var canonicalHeaders: String
    /// Lowercase signed header names joined with `;`.
    public var signedHeaders: String
    /// Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    /// Builds the canonical request.
    ///
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - path: the request path as sent (percent-encoded or raw).
    ///   - query: the raw query string without `?`.
    ///   - headers: every header to sign (`Authorization`, `User-Agent` and a few others are skipped).
    ///   - payloadHash: hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    ///   - normalizePath: remove dot and empty segments from the path.
    ///   - doubleEncodePath: percent-encode the wire path again (all services but S3).
    public init(
        method: String, path: String, query: String, headers: HTTPHeaders, payloadHash: String,
        normalizePath: Bool = true, doubleEncodePath: Bool = true
    ) {
        self.init(
            method: method, path: path, queryParameters: CanonicalQuery.parameters(fromRawQuery: query),
            headers: headers, payloadHash: payloadHash, normalizePath: normalizePath,
            doubleEncodePath: doubleEncodePath)
    }

    init(
        method: String, path: String, queryParameters: [CanonicalQuery.Parameter], headers: HTTPHeaders,
        payloadHash: String, normalizePath: Bool, doubleEncodePath: Bool
    ) {
        self.init(
            method: method, path: path, queryParameters: queryParameters, canonicalHeaders: CanonicalHeaders(headers),
            payloadHash: payloadHash, normalizePath: normalizePath, doubleEncodePath: doubleEncodePath)
    }

    init(
        method: String, path: String, queryParameters: [CanonicalQuery.Parameter], canonicalHeaders canonical: CanonicalHeaders,
        payloadHash: String, normalizePath: Bool, doubleEncodePath: Bool
    ) {
        self.method = method
        self.canonicalURI = CanonicalURI.make(path: path, normalize: normalizePath, doubleEncode: doubleEncodePath)
        self.canonicalQuery = CanonicalQuery.render(queryParameters)
        self.canonicalHeaders = canonical.block
        self.signedHeaders = canonical.signedHeaders
        self.payloadHash = payloadHash
    }

    /// The full text that gets hashed into the string to sign.
    public var text: String {
        var text = method
        text += "\n"
        text += canonicalURI
        text += "\n"
        text += canonicalQuery
        text += "\n"
        text += canonicalHeaders
        text += "\n"
        text += signedHeaders
        text += "\n"
        text += payloadHash
        return text
    }
}
