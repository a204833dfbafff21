import AWSRuntime
import Foundation

/// The bearer token of the selected profile's IAM Identity Center session (`sso_session`, or the legacy
/// `sso_start_url` form), for services whose model uses `smithy.api#httpBearerAuth`.
public struct DefaultTokenChain: TokenProvider {
    private let locations: SharedConfigLocations
    private let context: IdentityContext

    /// - Parameters:
    ///   - profile: overrides `AWS_PROFILE`.
    ///   - environment: the variables to read; defaults to the process environment.
    ///   - httpClient: the transport for refreshing the token through SSO OIDC.
    public init(profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                httpClient: any HTTPClient) {
        self.init(profile: profile, context: IdentityContext(environment: environment, region: nil, httpClient: httpClient))
    }

    /// The chain for a client's settings (what generated clients of `httpBearerAuth` services pass to their runtime).
    public init(context: CredentialChainContext) {
        self.init(profile: context.profile, environment: context.environment, httpClient: context.httpClient)
    }

    init(profile: String?, context: IdentityContext) {
        self.locations = SharedConfigLocations(environment: context.environment, profile: profile)
        self.context = context
    }

    private var name: String { "profile '\(locations.profileName)' token" }

    /// The profile's cached token, refreshed when it is about to expire.
    public func token() async throws -> BearerToken {
        let (_, chain) = try ProfileChain.load(locations, provider: name)
        guard case .sso(let settings) = chain.source, chain.roles.isEmpty else {
            throw CredentialProviderError.notConfigured(
                provider: name, reason: "the profile has no sso_session or sso_start_url, so it has no bearer token")
        }
        return try await SSOTokenProvider(settings: settings, context: context).token()
    }
}

/// Prints the profile, never the environment.
extension DefaultTokenChain: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": locations.profileName], displayStyle: .struct)
    }
}
