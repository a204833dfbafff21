import Foundation

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`).
///
/// One signer per client: it owns a ``SigningKeyCache`` so the signing key is derived once per day,
/// region and service. Header signing adds `X-Amz-Date`, the session token, optionally
/// `x-amz-content-sha256`, and `Authorization`; query signing (presigning) is in `SigV4Signer+Presign.swift`.
public struct SigV4Signer: Sendable {
    /// The algorithm name that opens the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The payload hash to sign instead of the body's when the body is not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// Headers signing sets itself; earlier copies (from signing before a retry) are dropped.
    static let staleHeaderNames: [StaticString] = ["authorization", "x-amz-date", "x-amz-security-token"]

    /// The cache of derived signing keys this signer uses.
    public let keyCache: SigningKeyCache

    /// A signer that derives and caches its signing keys in `keyCache` (a fresh, empty one by default).
    public init(keyCache: SigningKeyCache = SigningKeyCache()) {
        self.keyCache = keyCache
    }

    /// Signs `request` in place with an `Authorization` header.
    ///
    /// Adds `Host` when missing (it must be signed), `X-Amz-Date`, `X-Amz-Security-Token` for session
    /// credentials and, when asked, `x-amz-content-sha256`. Signing again replaces the previous signature.
    @discardableResult
    public func sign(
        _ request: inout HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
        date: Date = Date(), options: SigV4Options = SigV4Options()
    ) throws -> SigV4Signature {
        let target = try RequestTarget(request.url)
        let fields = request.headers.fields
        if !fields.indices.contains(where: { CanonicalHeaders.isNamed(fields[$0].name, "host") }) {
            request.headers.add(name: "Host", value: target.hostHeader)
        }
        return signHeaders(
            method: request.method, path: target.path, query: target.query, headers: &request.headers,
            payloadHash: options.unsignedPayload
                ? .text(SigV4Signer.unsignedPayload)
                : options.payloadSHA256.map { .text($0) } ?? .digest(SHA256.hash(request.body)),
            credentials: credentials, region: region, signingName: signingName, date: date, options: options)
    }

    /// Returns a signed copy of `request`.
    public func signed(
        _ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
        date: Date = Date(), options: SigV4Options = SigV4Options()
    ) throws -> HTTPRequest {
        var copy = request
        try sign(
            &copy, credentials: credentials, region: region, signingName: signingName, date: date, options: options)
        return copy
    }

    /// The payload hash to sign: `UNSIGNED-PAYLOAD` when asked, else the body's hex SHA-256.
    public static func payloadHash(for body: some DataProtocol, options: SigV4Options) -> String {
        options.unsignedPayload ? unsignedPayload : SHA256.hash(body).hexString
    }

    /// Signs the parts of a request, adding the SigV4 headers to `headers`. The lower-level form of
    /// ``sign(_:credentials:region:signingName:date:options:)``: the path and query are taken as they go on
    /// the wire, so they need not form a valid `URL`. `headers` must already contain `Host`.
    @discardableResult
    public func signHeaders(
        method: String, path: String, query: String, headers: inout HTTPHeaders, payloadHash: String,
        credentials: AWSCredentials, region: String, signingName: String, date: Date, options: SigV4Options
    ) -> SigV4Signature {
        signHeaders(
            method: method, path: path, query: query, headers: &headers, payloadHash: .text(payloadHash),
            credentials: credentials, region: region, signingName: signingName, date: date, options: options)
    }

    func signHeaders(
        method: String, path: String, query: String, headers: inout HTTPHeaders, payloadHash: PayloadHash,
        credentials: AWSCredentials, region: String, signingName: String, date: Date, options: SigV4Options
    ) -> SigV4Signature {
        let context = keyCache.context(
            secretAccessKey: credentials.secretAccessKey, date: date, region: region, service: signingName)
        let token = credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        // Headers signing sets are added to the request first and signed from there, in the order they go out.
        // Earlier copies are dropped; the usual first signing has none, and appends in place.
        let fields = headers.fields
        if fields.indices.contains(where: { SigV4Signer.isStale(fields[$0].name, options: options) }) {
            headers = HTTPHeaders(
                headers.fields.lazy.filter { !SigV4Signer.isStale($0.name, options: options) }.map { ($0.name, $0.value) })
        }
        headers.add(name: "X-Amz-Date", value: context.timestamp.amzDate)
        if let token, !options.omitSessionToken { headers.add(name: "X-Amz-Security-Token", value: token) }
        if options.addContentSHA256Header { headers.add(name: "x-amz-content-sha256", value: payloadHash.text) }
        let canonical = RenderedCanonicalRequest(
            method: method, path: path,
            queryParameters: query.isEmpty ? [] : CanonicalQuery.parameters(fromRawQuery: query),
            fields: headers.fields, payloadHash: payloadHash, normalizePath: options.normalizePath,
            doubleEncodePath: options.doubleEncodePath)
        let result = signature(of: canonical, context: context)
        // Added after signing on purpose: services that want the token unsigned reject it signed.
        if let token, options.omitSessionToken { headers.add(name: "X-Amz-Security-Token", value: token) }
        headers.add(name: "Authorization", value: authorization(accessKeyId: credentials.accessKeyId, result))
        return result
    }

    /// Whether a header is one signing sets itself, so a copy from an earlier signing must go.
    static func isStale(_ name: String, options: SigV4Options) -> Bool {
        staleHeaderNames.contains { CanonicalHeaders.isNamed(name, $0) }
            || (options.addContentSHA256Header && CanonicalHeaders.isNamed(name, "x-amz-content-sha256"))
    }

    /// Hashes the canonical request into the string to sign and signs it with the cached key.
    func signature(
        of canonical: RenderedCanonicalRequest, context: SigningKeyCache.SigningContext
    ) -> SigV4Signature {
        var hmac = context.hmac
        let amzDate = context.timestamp.amzDate
        let stringToSign = String(
            capacity: SigV4Signer.algorithm.utf8.count + amzDate.utf8.count + context.scope.utf8.count + 3 + 64
        ) { writer in
            writer.append(SigV4Signer.algorithm)
            writer.append(UInt8(ascii: "\n"))
            writer.append(amzDate)
            writer.append(UInt8(ascii: "\n"))
            writer.append(context.scope)
            writer.append(UInt8(ascii: "\n"))
            writer.appendHex(canonical.hash)
            hmac.update(bufferPointer: writer.written)
        }
        return SigV4Signature(
            canonicalRequest: canonical.text, stringToSign: stringToSign, signature: hmac.finalize().hexString,
            signedHeaders: canonical.signedHeaders, credentialScope: context.scope)
    }

    /// `AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=a;b, Signature=hex`.
    private func authorization(accessKeyId: String, _ result: SigV4Signature) -> String {
        let parts: (StaticString, StaticString, StaticString) = (" Credential=", ", SignedHeaders=", ", Signature=")
        let capacity = SigV4Signer.algorithm.utf8.count + accessKeyId.utf8.count + result.credentialScope.utf8.count
            + result.signedHeaders.utf8.count + result.signature.utf8.count + 1
            + parts.0.utf8CodeUnitCount + parts.1.utf8CodeUnitCount + parts.2.utf8CodeUnitCount
        return String(capacity: capacity) { writer in
            writer.append(SigV4Signer.algorithm)
            writer.append(parts.0)
            writer.append(accessKeyId)
            writer.append(UInt8(ascii: "/"))
            writer.append(result.credentialScope)
            writer.append(parts.1)
            writer.append(result.signedHeaders)
            writer.append(parts.2)
            writer.append(result.signature)
        }
    }
}
