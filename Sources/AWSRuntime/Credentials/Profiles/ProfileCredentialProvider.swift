import Foundation

/// Credentials of the selected profile when they need no AWS call: its keys, or its `credential_process`.
///
/// The profile's ``ProfileChain`` is worked out by ``ProfileChainResolver``, the same rules the full chain of
/// `AWSIdentity` follows. A profile whose credentials need STS or IAM Identity Center (`role_arn`,
/// `web_identity_token_file`, `sso_session`) fails with a message rather than falling through to another
/// source, which would run as a different identity than the user asked for.
public struct ProfileCredentialProvider: CredentialProvider {
    private let environment: [String: String]
    private let locations: SharedConfigLocations

    /// - Parameters:
    ///   - profile: the profile to use; defaults to `AWS_PROFILE`, then `default`.
    ///   - environment: the variables to read (file locations, `HOME`, and the environment given to a
    ///     credential process); defaults to the process environment.
    public init(profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.locations = SharedConfigLocations(environment: environment, profile: profile)
    }

    var name: String { "profile '\(locations.profileName)'" }

    /// The profile's keys, else the output of its `credential_process`; fails for profiles whose credentials
    /// need an AWS call, which `AWSIdentity`'s `DefaultCredentialChain` handles.
    public func credentials() async throws -> AWSCredentials {
        let (config, chain) = try ProfileChain.load(locations, provider: name)
        switch (chain.source, chain.roles.isEmpty) {
        case (.accessKey(let credentials, _), true):
            return credentials
        case (.credentialProcess(let command, let profile), true):
            var credentials = try await ProcessCredentialProvider(
                command: command, environment: environment, profileName: profile
            ).credentials()
            if credentials.accountId == nil { credentials.accountId = config.profiles[profile]?["aws_account_id"] }
            return credentials
        default:
            throw CredentialProviderError.failed(
                provider: name,
                reason: "the profile's credentials need STS or IAM Identity Center (role_arn, web_identity_token_file "
                    + "or sso_session): use the AWSIdentity module's DefaultCredentialChain, as generated clients do")
        }
    }
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension ProfileCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": locations.profileName, "environment": EnvironmentSummary(environment)],
               displayStyle: .struct)
    }
}
