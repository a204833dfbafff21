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
        let lines = [method, canonicalURI, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash]
        return String(capacity: lines.reduce(5) { $0 + $1.utf8.count }) { writer in
            for (index, line) in lines.enumerated() {
                if index > 0 { writer.append(UInt8(ascii: "\n")) }
                writer.append(line)
            }
        }
    }
}

/// A canonical request as signing uses it: the text written straight into one buffer (no separate lines),
/// its hash, and the signed header list the `Authorization` header repeats.
struct RenderedCanonicalRequest {
    var text: String
    var hash: SHA256Digest
    var signedHeaders: String

    /// Renders the same text as ``CanonicalRequest/text`` from the same parts, in one pass.
    init(
        method: String, path: String, queryParameters: [CanonicalQuery.Parameter], fields: [HTTPHeaders.Field],
        payloadHash: borrowing PayloadHash, normalizePath: Bool, doubleEncodePath: Bool
    ) {
        let uriPath = CanonicalURI.prepared(path, normalize: normalizePath)
        (text, hash, signedHeaders) = CanonicalHeaders.withSorted(fields) { headers in
            let signedHeaders = headers.signedHeaders()
            let capacity = method.utf8.count + 1
                + CanonicalURI.maximumByteCount(prepared: uriPath, doubleEncode: doubleEncodePath) + 1
                + CanonicalQuery.byteCount(queryParameters) + 1 + headers.blockMaximumByteCount + 1
                + signedHeaders.utf8.count + 1 + payloadHash.byteCount
            var hash = SHA256Digest(storage: .zero)
            let text = String(capacity: capacity) { writer in
                writer.append(method)
                writer.append(UInt8(ascii: "\n"))
                CanonicalURI.write(prepared: uriPath, doubleEncode: doubleEncodePath, into: &writer)
                writer.append(UInt8(ascii: "\n"))
                CanonicalQuery.write(queryParameters, into: &writer)
                writer.append(UInt8(ascii: "\n"))
                headers.writeBlock(into: &writer)
                writer.append(UInt8(ascii: "\n"))
                writer.append(signedHeaders)
                writer.append(UInt8(ascii: "\n"))
                payloadHash.write(into: &writer)
                hash = SHA256.hash(writer.written)
            }
            return (text, hash, signedHeaders)
        }
    }
}
