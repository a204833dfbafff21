import AWSRuntime
import Foundation

/// Finds credentials where the AWS CLI finds them, in its order: environment variables, the selected profile
/// (keys, `credential_process`, assumed roles, web identity, IAM Identity Center), the web identity variables
/// (`AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`), the container endpoint (ECS, EKS Pod Identity), then EC2
/// instance metadata. Results are cached and refreshed before they expire, one refresh at a time.
///
/// Every generated client uses this chain when its configuration sets no credential provider.
public struct DefaultCredentialChain: CredentialProvider {
    private let cache: CachingCredentialProvider

    /// - Parameters:
    ///   - profile: overrides `AWS_PROFILE`.
    ///   - environment: the variables every provider reads; defaults to the process environment.
    ///   - region: the region for STS calls, before the environment and the profile's.
    ///   - httpClient: the transport for metadata endpoints, STS and IAM Identity Center.
    ///   - mfaTokenCode: returns the current code of the MFA device whose serial it is given, for roles with
    ///     `mfa_serial`; without it such roles fail with a message.
    public init(
        profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        region: String? = nil, httpClient: any HTTPClient,
        mfaTokenCode: (@Sendable (_ mfaSerial: String) async throws -> String)? = nil
    ) {
        var context = IdentityContext(environment: environment, region: region, httpClient: httpClient)
        context.mfaTokenCode = mfaTokenCode
        self.init(profile: profile, context: context)
    }

    /// The chain for a client's settings (what generated clients pass to their runtime).
    public init(context: CredentialChainContext) {
        self.init(profile: context.profile, environment: context.environment, region: context.region,
                  httpClient: context.httpClient)
    }

    init(profile: String?, context: IdentityContext) {
        let chain = CredentialProviderChain([
            EnvironmentCredentialProvider(environment: context.environment),
            ProfileChainCredentialProvider(profile: profile, context: context),
            WebIdentityCredentialProvider(environmentVariablesIn: context),
            ContainerCredentialProvider(environment: context.environment, httpClient: context.httpClient),
            IMDSCredentialProvider(environment: context.environment, profile: profile, httpClient: context.httpClient),
        ])
        cache = CachingCredentialProvider(chain, now: context.now)
    }

    /// The cached credentials, or the first ones the chain finds when they are missing or about to expire.
    public func credentials() async throws -> AWSCredentials {
        try await cache.credentials()
    }
}
