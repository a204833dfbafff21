/// Always returns the credentials it was given (explicit keys in code or configuration).
public struct StaticCredentialProvider: CredentialProvider {
    private let value: AWSCredentials

    /// A provider that always returns `credentials`.
    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    /// A provider that always returns these keys, with no expiration.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.init(AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken))
    }

    /// The credentials given at creation.
    public func credentials() async throws -> AWSCredentials { value }
}
