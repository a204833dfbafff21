import Foundation

/// What a client's default credential chain is built from, when its configuration sets no
/// ``ClientConfiguration/credentialProvider``: the client's profile, environment, region and transport.
public struct CredentialChainContext: Sendable {
    /// The profile the client was given; nil means `AWS_PROFILE`, then `default`.
    public var profile: String?
    /// The variables the chain reads.
    public var environment: [String: String]
    /// The client's region option, for the STS calls of assumed roles; nil means the environment or profile.
    public var region: String?
    /// The client's transport, for metadata endpoints and identity services.
    public var httpClient: any HTTPClient

    /// A context from its parts.
    public init(profile: String?, environment: [String: String], region: String?, httpClient: any HTTPClient) {
        self.profile = profile
        self.environment = environment
        self.region = region
        self.httpClient = httpClient
    }
}

/// Makes a client's default credential provider from its settings.
public typealias CredentialChainFactory = @Sendable (CredentialChainContext) -> any CredentialProvider

/// Makes a client's default bearer-token provider from its settings.
public typealias TokenChainFactory = @Sendable (CredentialChainContext) -> any TokenProvider
