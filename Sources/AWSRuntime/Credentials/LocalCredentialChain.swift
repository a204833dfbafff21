import Foundation

/// The credential sources that need no AWS service call: environment variables, the shared files' keys or
/// `credential_process`, the container endpoint, then EC2 instance metadata. Results are cached and refreshed
/// before they expire.
///
/// Generated clients use `DefaultCredentialChain` of the `AWSIdentity` module, which adds what needs STS or
/// IAM Identity Center (assumed roles, web identity, SSO); this chain is for the clients that module itself
/// calls, and for applications that want no more than this.
public struct LocalCredentialChain: CredentialProvider {
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
            IMDSCredentialProvider(environment: environment, profile: profile, httpClient: httpClient),
        ])
        cache = CachingCredentialProvider(chain)
    }

    /// The chain for a client's settings.
    public init(context: CredentialChainContext) {
        self.init(profile: context.profile, environment: context.environment, httpClient: context.httpClient)
    }

    /// The cached credentials, or the first ones the chain finds when they are missing or about to expire.
    public func credentials() async throws -> AWSCredentials {
        try await cache.credentials()
    }
}
