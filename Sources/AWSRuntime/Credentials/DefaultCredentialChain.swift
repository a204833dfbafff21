import Foundation

/// The credential lookup of the AWS CLI: environment variables, then the shared config and credentials
/// files (keys or `credential_process`), then the container endpoint, then EC2 instance metadata.
/// Results are cached and refreshed before they expire.
public struct DefaultCredentialChain: CredentialProvider {
    private let cache: CachingCredentialProvider

    /// - Parameters:
    ///   - profile: overrides `AWS_PROFILE`.
    ///   - environment: the variables every provider reads; defaults to the process environment.
    ///   - httpClient: the transport for the container and instance metadata providers.
    public init(
        profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        httpClient: any HTTPClient
    ) {
        let chain = CredentialProviderChain([
            EnvironmentCredentialProvider(environment: environment),
            ProfileCredentialProvider(profile: profile, environment: environment),
            ContainerCredentialProvider(environment: environment, httpClient: httpClient),
            IMDSCredentialProvider(environment: environment, httpClient: httpClient),
        ])
        cache = CachingCredentialProvider(chain)
    }

    /// The cached credentials, or the first ones the chain finds when they are missing or about to expire.
    public func credentials() async throws -> AWSCredentials {
        try await cache.credentials()
    }
}
