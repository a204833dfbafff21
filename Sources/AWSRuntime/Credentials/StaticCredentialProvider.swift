/// Always returns the credentials it was given (explicit keys in code or configuration).
public struct StaticCredentialProvider: CredentialProvider {
    private let value: AWSCredentials

    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.init(AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken))
    }

    public func credentials() async throws -> AWSCredentials { value }
}
