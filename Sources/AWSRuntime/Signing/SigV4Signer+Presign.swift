import Foundation

extension SigV4Signer {
    /// The longest lifetime SigV4 allows for a presigned URL: 7 days.
    public static let maximumPresignedExpiry = 604_800

    /// Returns `request.url` with a SigV4 signature in its query (a presigned URL), valid for
    /// `expiresIn` seconds from `date`.
    ///
    /// - Throws: ``SigV4Error/invalidExpiry(seconds:)`` unless 1 ≤ `expiresIn` ≤ 604800.
    public func presignedURL(
        for request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
        date: Date = Date(), expiresIn: Int, options: SigV4Options = SigV4Options()
    ) throws -> URL {
        let target = try RequestTarget(request.url)
        var headers = request.headers
        if !headers.contains("Host") { headers.add(name: "Host", value: target.hostHeader) }
        let presigned = try signQuery(
            method: request.method, path: target.path, query: target.query, headers: headers,
            payloadHash: SigV4Signer.payloadHash(for: request.body, options: options), credentials: credentials,
            region: region, signingName: signingName, date: date, expiresIn: expiresIn, options: options)
        guard var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false) else {
            throw SigV4Error.missingHost(url: request.url.absoluteString)
        }
        // Only unreserved characters and %XX escapes: always a valid percent-encoded query.
        components.percentEncodedQuery = presigned.query
        guard let url = components.url else { throw SigV4Error.missingHost(url: request.url.absoluteString) }
        return url
    }

    /// Signs the parts of a request in its query string. The lower-level form of
    /// ``presignedURL(for:credentials:region:signingName:date:expiresIn:options:)``; `headers` must contain
    /// `Host`, and every header given is signed.
    public func signQuery(
        method: String, path: String, query: String, headers: HTTPHeaders, payloadHash: String,
        credentials: AWSCredentials, region: String, signingName: String, date: Date, expiresIn: Int,
        options: SigV4Options
    ) throws -> PresignedQuery {
        guard (1...SigV4Signer.maximumPresignedExpiry).contains(expiresIn) else {
            throw SigV4Error.invalidExpiry(seconds: expiresIn)
        }
        let context = keyCache.context(
            secretAccessKey: credentials.secretAccessKey, date: date, region: region, service: signingName)
        var headers = headers
        for stale in ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"] { headers.remove(stale) }
        let signedHeaders = CanonicalHeaders(headers).signedHeaders
        let token = credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }

        var added: [CanonicalQuery.Parameter] = [
            .init(name: "X-Amz-Algorithm", value: SigV4Signer.algorithm),
            .init(name: "X-Amz-Credential", value: URIEncoding.encode("\(credentials.accessKeyId)/\(context.scope)")),
            .init(name: "X-Amz-Date", value: context.timestamp.amzDate),
            .init(name: "X-Amz-SignedHeaders", value: URIEncoding.encode(signedHeaders)),
            .init(name: "X-Amz-Expires", value: String(expiresIn)),
        ]
        if let token, !options.omitSessionToken {
            added.append(.init(name: "X-Amz-Security-Token", value: URIEncoding.encode(token)))
        }
        let original = CanonicalQuery.parameters(fromRawQuery: query)
            .filter { !presignNames.contains($0.name) }
        let canonical = RenderedCanonicalRequest(
            method: method, path: path, queryParameters: original + added, fields: headers.fields,
            payloadHash: .text(payloadHash), normalizePath: options.normalizePath,
            doubleEncodePath: options.doubleEncodePath)
        let result = signature(of: canonical, context: context)

        if let token, options.omitSessionToken {
            added.append(.init(name: "X-Amz-Security-Token", value: URIEncoding.encode(token)))
        }
        added.append(.init(name: "X-Amz-Signature", value: result.signature))
        let signedQuery = (original + added).map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        return PresignedQuery(query: signedQuery, signature: result)
    }
}

/// Query parameters presigning owns; stale ones from an earlier presign are dropped before signing again.
private let presignNames: Set<String> = [
    "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires",
    "X-Amz-Security-Token", "X-Amz-Signature",
]
