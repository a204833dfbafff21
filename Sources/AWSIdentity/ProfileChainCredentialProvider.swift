import AWSRuntime
import Foundation

/// Credentials of the selected profile, whatever its kind: keys, `credential_process`, IAM Identity Center,
/// web identity, or a role assumed (through any number of `source_profile` links) from one of those or from
/// a `credential_source`.
///
/// The files are read and the ``ProfileChain`` worked out on every fetch (the chain's cache calls it only when
/// credentials are due), so an edited profile takes effect without restarting.
struct ProfileChainCredentialProvider: CredentialProvider {
    private let locations: SharedConfigLocations
    private let context: IdentityContext

    init(profile: String?, context: IdentityContext) {
        self.locations = SharedConfigLocations(environment: context.environment, profile: profile)
        self.context = context
    }

    private var name: String { "profile '\(locations.profileName)'" }

    func credentials() async throws -> AWSCredentials {
        let (config, chain) = try ProfileChain.load(locations, provider: name)
        var provider = source(chain.source, config: config)
        for role in chain.roles {
            provider = AssumeRoleCredentialProvider(role: role, source: provider, profile: locations.profileName, context: context)
        }
        do {
            return try await provider.credentials()
        } catch let error as CredentialProviderError {
            // The profile asked for this source: its absence is a failure, not a reason to try the next one.
            if case .notConfigured(let provider, let reason) = error {
                throw CredentialProviderError.failed(provider: "\(name) via \(provider)", reason: reason)
            }
            throw error
        }
    }

    private func source(_ source: ProfileChain.Source, config: SharedConfig) -> any CredentialProvider {
        let environment = context.environment
        switch source {
        case .accessKey(let credentials, _):
            return StaticCredentialProvider(credentials)
        case .namedSource(.environment, _):
            return EnvironmentCredentialProvider(environment: environment)
        case .namedSource(.ec2InstanceMetadata, _):
            return IMDSCredentialProvider(environment: environment, profile: locations.profileName, httpClient: context.httpClient)
        case .namedSource(.ecsContainer, _):
            return ContainerCredentialProvider(environment: environment, httpClient: context.httpClient)
        case .webIdentityToken(let settings):
            return WebIdentityCredentialProvider(settings: settings, profile: locations.profileName, context: context)
        case .sso(let settings):
            return SSOCredentialProvider(settings: settings, context: context)
        case .credentialProcess(let command, let profile):
            return AccountFallback(
                base: ProcessCredentialProvider(command: command, environment: environment, profileName: profile),
                accountId: config.profiles[profile]?["aws_account_id"])
        }
    }
}

/// Adds the profile's `aws_account_id` to credentials whose source did not say (a `credential_process` that
/// prints no `AccountId`).
private struct AccountFallback: CredentialProvider {
    let base: any CredentialProvider
    let accountId: String?

    func credentials() async throws -> AWSCredentials {
        var credentials = try await base.credentials()
        if credentials.accountId == nil { credentials.accountId = accountId }
        return credentials
    }
}

/// Prints the profile, never the environment.
extension ProfileChainCredentialProvider: CustomReflectable {
    var customMirror: Mirror {
        Mirror(self, children: ["profile": locations.profileName], displayStyle: .struct)
    }
}
