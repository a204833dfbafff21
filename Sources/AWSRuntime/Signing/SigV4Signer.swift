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
    static let staleHeaderNames: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token"]

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
        if !request.headers.fields.contains(where: { CanonicalHeaders.lowercasedASCII($0.name) == "host" }) {
            request.headers.add(name: "Host", value: target.hostHeader)
        }
        return signHeaders(
            method: request.method, path: target.path, query: target.query, headers: &request.headers,
            payloadHash: SigV4Signer.payloadHash(for: request.body, options: options), credentials: credentials,
            region: region, signingName: signingName, date: date, options: options)
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
        let timestamp = SigV4Timestamp(date)
        let token = credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        // One pass with ASCII case folding: HTTPHeaders' case-insensitive lookups go through Foundation
        // string comparison, which costs more than the rest of signing.
        var wireFields: [(String, String)] = []
        var signable: [(name: String, value: String)] = []
        wireFields.reserveCapacity(headers.fields.count + 4)
        signable.reserveCapacity(headers.fields.count + 3)
        for field in headers.fields {
            let name = CanonicalHeaders.lowercasedASCII(field.name)
            if SigV4Signer.staleHeaderNames.contains(name) { continue }
            if options.addContentSHA256Header, name == "x-amz-content-sha256" { continue }
            wireFields.append((field.name, field.value))
            signable.append((name, field.value))
        }
        func add(_ name: String, _ value: String, signed: Bool = true) {
            wireFields.append((name, value))
            if signed { signable.append((CanonicalHeaders.lowercasedASCII(name), value)) }
        }
        add("X-Amz-Date", timestamp.amzDate)
        if let token, !options.omitSessionToken { add("X-Amz-Security-Token", token) }
        if options.addContentSHA256Header { add("x-amz-content-sha256", payloadHash) }
        let canonical = CanonicalRequest(
            method: method, path: path, queryParameters: CanonicalQuery.parameters(fromRawQuery: query),
            canonicalHeaders: CanonicalHeaders(lowercasedFields: signable), payloadHash: payloadHash,
            normalizePath: options.normalizePath, doubleEncodePath: options.doubleEncodePath)
        let result = signature(
            of: canonical, timestamp: timestamp, credentials: credentials, region: region, signingName: signingName)
        // Added after signing on purpose: services that want the token unsigned reject it signed.
        if let token, options.omitSessionToken { add("X-Amz-Security-Token", token, signed: false) }
        var authorization = SigV4Signer.algorithm
        authorization += " Credential="
        authorization += credentials.accessKeyId
        authorization += "/"
        authorization += result.credentialScope
        authorization += ", SignedHeaders="
        authorization += result.signedHeaders
        authorization += ", Signature="
        authorization += result.signature
        add("Authorization", authorization, signed: false)
        headers = HTTPHeaders(wireFields)
        return result
    }

    /// Hashes the canonical request into the string to sign and signs it with the cached key.
    func signature(
        of canonical: CanonicalRequest, timestamp: SigV4Timestamp, credentials: AWSCredentials, region: String,
        signingName: String
    ) -> SigV4Signature {
        var scope = timestamp.dateStamp
        scope += "/"
        scope += region
        scope += "/"
        scope += signingName
        scope += "/aws4_request"
        let canonicalText = canonical.text
        var canonicalHasher = SHA256()
        canonicalHasher.update(utf8: canonicalText)
        var stringToSign = SigV4Signer.algorithm
        stringToSign += "\n"
        stringToSign += timestamp.amzDate
        stringToSign += "\n"
        stringToSign += scope
        stringToSign += "\n"
        stringToSign += canonicalHasher.finalize().hexString
        var hmac = keyCache.signingHMAC(
            secretAccessKey: credentials.secretAccessKey, dateStamp: timestamp.dateStamp, region: region,
            service: signingName)
        hmac.update(utf8: stringToSign)
        return SigV4Signature(
            canonicalRequest: canonicalText, stringToSign: stringToSign, signature: hmac.finalize().hexString,
            signedHeaders: canonical.signedHeaders, credentialScope: scope)
    }
}

/// The pieces of a request URL that SigV4 signs, taken in their percent-encoded wire form.
struct RequestTarget: Sendable {
    var path: String
    var query: String
    var hostHeader: String

    init(_ url: URL) throws {
        guard let host = url.host(percentEncoded: true), !host.isEmpty else {
            throw SigV4Error.missingHost(url: url.absoluteString)
        }
        path = url.path(percentEncoded: true)
        query = url.query(percentEncoded: true) ?? ""
        // Byte search: Foundation's `contains(_: String)` costs a noticeable share of a signature.
        let isBareIPv6 = host.utf8.contains(UInt8(ascii: ":")) && host.utf8.first != UInt8(ascii: "[")
        let bracketedHost = isBareIPv6 ? "[\(host)]" : host
        let defaultPort = url.scheme?.lowercased() == "http" ? 80 : 443
        if let port = url.port, port != defaultPort {
            hostHeader = "\(bracketedHost):\(port)"
        } else {
            hostHeader = bracketedHost
        }
    }
}
