/// A source of AWS credentials: static keys, the environment, shared files, a container or instance
/// metadata endpoint, or a chain of these.
public protocol CredentialProvider: Sendable {
    /// Returns current credentials, fetching or refreshing them as needed.
    ///
    /// Throws ``CredentialProviderError``: ``CredentialProviderError/notConfigured(provider:reason:)`` when
    /// this source is simply not set up (a chain moves on), other cases when it is set up but broken.
    func credentials() async throws -> AWSCredentials
}
