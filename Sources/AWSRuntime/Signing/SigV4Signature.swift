/// What signing produced, step by step: useful for tests and for debugging a `SignatureDoesNotMatch`.
public struct SigV4Signature: Sendable, Equatable {
    /// The canonical request text.
    public var canonicalRequest: String
    /// The string to sign: algorithm, timestamp, scope and the canonical request's hash.
    public var stringToSign: String
    /// The hex signature.
    public var signature: String
    /// Lowercase signed header names joined with `;`.
    public var signedHeaders: String
    /// `date/region/service/aws4_request`.
    public var credentialScope: String
}

/// The query string of a presigned request.
public struct PresignedQuery: Sendable, Equatable {
    /// The complete percent-encoded query (without `?`): the original parameters, the `X-Amz-*`
    /// parameters and `X-Amz-Signature`.
    public var query: String
    /// The intermediate values.
    public var signature: SigV4Signature
}
