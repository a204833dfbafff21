import Foundation

/// Credentials from the shared config and credentials files: the profile's static keys, or else its
/// `credential_process`.
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

    /// The profile's static keys, else the output of its `credential_process`; fails for profiles whose credentials
    /// need an AWS call (`role_arn`, SSO, web identity), which `AWSIdentity`'s `DefaultCredentialChain` handles.
    public func credentials() async throws -> AWSCredentials {
        let profile: ProfileSettings
        do {
            profile = try SharedConfig(locations: locations).selectedProfile()
        } catch let error {
            // A default profile that does not exist is "not set up"; a named one that does not is a mistake.
            if case .profileNotFound = error, !locations.isProfileExplicit {
                throw CredentialProviderError.notConfigured(provider: name, reason: error.description)
            }
            throw CredentialProviderError.failed(provider: name, reason: error.description)
        }
        if let accessKeyId = profile.accessKeyId {
            guard let secret = profile.secretAccessKey else {
                throw CredentialProviderError.failed(
                    provider: name, reason: "aws_access_key_id is set but aws_secret_access_key is missing")
            }
            return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: profile.sessionToken,
                                  accountId: profile["aws_account_id"])
        }
        if profile.secretAccessKey != nil {
            throw CredentialProviderError.failed(
                provider: name, reason: "aws_secret_access_key is set but aws_access_key_id is missing")
        }
        if let command = profile.credentialProcess {
            return try await ProcessCredentialProvider(
                command: command, environment: environment, profileName: locations.profileName
            ).credentials()
        }
        // A profile that names another way to get credentials must not silently fall through to the container or
        // instance role: that would run as a different identity than the user asked for.
        let unsupported = ["role_arn", "source_profile", "sso_session", "sso_start_url", "web_identity_token_file"]
            .filter { profile[$0] != nil }
        if !unsupported.isEmpty {
            throw CredentialProviderError.failed(
                provider: name,
                reason: "profile '\(locations.profileName)' uses \(unsupported.joined(separator: ", ")), which needs "
                    + "STS or IAM Identity Center: use the AWSIdentity module's DefaultCredentialChain (generated clients do)")
        }
        throw CredentialProviderError.notConfigured(
            provider: name,
            reason: "the profile has neither aws_access_key_id/aws_secret_access_key nor credential_process "
                + "(\(locations.configFile), \(locations.credentialsFile))")
    }
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension ProfileCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": locations.profileName, "environment": EnvironmentSummary(environment)],
               displayStyle: .struct)
    }
}
