/// Per-request choices for SigV4 signing; the defaults suit JSON and query protocol services.
public struct SigV4Options: Sendable, Equatable {
    /// Sign the literal `UNSIGNED-PAYLOAD` instead of the body's hash (S3 streaming uploads, presigned URLs).
    public var unsignedPayload: Bool
    /// Send (and sign) an `x-amz-content-sha256` header carrying the payload hash; S3 requires it.
    public var addContentSHA256Header: Bool
    /// Remove `.` / `..` segments and empty segments from the path before signing; S3 turns this off.
    public var normalizePath: Bool
    /// Percent-encode the already-encoded path once more, as every service except S3 expects.
    public var doubleEncodePath: Bool
    /// Leave the session token out of the signature and add it afterwards (a few services, e.g. IoT, want this).
    public var omitSessionToken: Bool
    /// The hex SHA-256 of a body the signer does not see (streamed from a file), signed instead of hashing
    /// ``HTTPRequest/body``.
    public var payloadSHA256: String? = nil

    /// Defaults suit JSON and query services: signed payload, normalised and double-encoded path, token signed.
    public init(
        unsignedPayload: Bool = false,
        addContentSHA256Header: Bool = false,
        normalizePath: Bool = true,
        doubleEncodePath: Bool = true,
        omitSessionToken: Bool = false
    ) {
        self.unsignedPayload = unsignedPayload
        self.addContentSHA256Header = addContentSHA256Header
        self.normalizePath = normalizePath
        self.doubleEncodePath = doubleEncodePath
        self.omitSessionToken = omitSessionToken
    }

    /// The settings S3 uses: no normalisation, single encoding, `x-amz-content-sha256` sent.
    public static let s3 = SigV4Options(addContentSHA256Header: true, normalizePath: false, doubleEncodePath: false)
}
