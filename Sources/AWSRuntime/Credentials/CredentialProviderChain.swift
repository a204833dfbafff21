/// Tries providers in order and returns the first credentials found.
///
/// A provider that is not set up (``CredentialProviderError/notConfigured(provider:reason:)``) is skipped;
/// one that is set up but fails stops the chain with its error, as in the AWS CLI. When none is set up, the
/// error lists each provider and why.
public struct CredentialProviderChain: CredentialProvider {
    /// The providers in the order they are tried.
    public let providers: [any CredentialProvider]

    /// A chain that tries `providers` in the order given.
    public init(_ providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// The first provider's credentials; a provider that is set up but fails ends the search with its error.
    public func credentials() async throws -> AWSCredentials {
        var attempts: [CredentialProviderError.Attempt] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch let error as CredentialProviderError {
                guard case .notConfigured = error else { throw error }
                attempts.append(error.attempt)
            }
        }
        throw CredentialProviderError.noCredentials(attempts: attempts)
    }
}
