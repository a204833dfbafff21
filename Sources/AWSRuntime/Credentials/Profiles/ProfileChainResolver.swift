/// Works out a profile's ``ProfileChain`` from the profiles and `sso-session` sections, with the rules the
/// AWS SDKs share (the cross-SDK assume-role suite is the reference):
///
/// - A profile with `role_arn` assumes that role with the credentials of its `source_profile` or
///   `credential_source` (one of the two, never both). Its own keys, if any, are ignored.
/// - A source profile that has keys uses them, even when it names a role too: the chain ends there.
/// - `source_profile` naming the profile itself means "my own keys, then my role".
/// - `role_arn` with `web_identity_token_file` is a web identity source, whatever else the profile says.
/// - A profile that appears twice is a loop, reported with the chain of names.
public struct ProfileChainResolver: Sendable {
    /// Profiles by name.
    public var profiles: [String: ProfileSettings]
    /// `[sso-session name]` sections by name.
    public var ssoSessions: [String: [String: String]]

    /// A resolver over these sections.
    public init(profiles: [String: ProfileSettings], ssoSessions: [String: [String: String]] = [:]) {
        self.profiles = profiles
        self.ssoSessions = ssoSessions
    }

    /// A resolver over the parsed files.
    public init(config: SharedConfig) {
        self.init(profiles: config.profiles, ssoSessions: config.ssoSessions)
    }

    /// The chain of the profile `selected`.
    public func chain(for selected: String) throws(ProfileChainError) -> ProfileChain {
        guard !profiles.isEmpty else {
            throw ProfileChainError(profile: selected, reason: "No profiles were defined", isNotConfigured: true)
        }
        var visited: [String] = []
        var roles: [ProfileChain.RoleAssumption] = []
        var name = selected
        while true {
            guard let profile = profiles[name] else {
                guard let referrer = visited.last else {
                    throw ProfileChainError(
                        profile: selected, reason: "the profile is not in the config or credentials file", isNotConfigured: true)
                }
                throw ProfileChainError(
                    profile: referrer, reason: "could not find source profile \(name) referenced from \(referrer)")
            }
            if visited.contains(name) {
                throw ProfileChainError(
                    profile: selected,
                    reason: "profile formed an infinite loop: " + (visited + [name]).joined(separator: " -> "))
            }
            visited.append(name)
            // Past the selected profile, keys win over a role the source profile also names.
            if visited.count > 1, let keys = try Self.accessKey(profile, required: false) {
                return ProfileChain(source: .accessKey(keys, profile: name), roles: roles.reversed())
            }
            guard let roleArn = profile["role_arn"], profile["web_identity_token_file"] == nil else {
                do {
                    return ProfileChain(source: try baseSource(profile), roles: roles.reversed())
                } catch var error {
                    // Only the selected profile may say nothing about credentials; a source profile must.
                    error.isNotConfigured = error.isNotConfigured && visited.count == 1
                    throw error
                }
            }
            roles.append(try Self.roleAssumption(profile, roleArn: roleArn))
            switch (profile["source_profile"], profile["credential_source"]) {
            case (_?, _?):
                throw ProfileChainError(
                    profile: name,
                    reason: "profile contained both source_profile and credential_source; only one or the other can be defined")
            case (nil, nil):
                throw ProfileChainError(
                    profile: name,
                    reason: "profile must contain `source_profile` or `credential_source` to say whose credentials assume `role_arn`")
            case (nil, let source?):
                return ProfileChain(source: .namedSource(try Self.namedSource(source, profile: name), profile: name),
                                    roles: roles.reversed())
            case (let next?, nil):
                if next == name {
                    guard let keys = try Self.accessKey(profile, required: true) else { preconditionFailure() }
                    return ProfileChain(source: .accessKey(keys, profile: name), roles: roles.reversed())
                }
                name = next
            }
        }
    }

    /// The source of a profile that assumes no role: web identity, SSO, a process, or keys.
    private func baseSource(_ profile: ProfileSettings) throws(ProfileChainError) -> ProfileChain.Source {
        if let tokenFile = profile["web_identity_token_file"] {
            guard let roleArn = profile["role_arn"] else {
                throw ProfileChainError(profile: profile.name, reason: "`web_identity_token_file` was specified but `role_arn` was missing")
            }
            return .webIdentityToken(ProfileChain.WebIdentitySettings(
                profile: profile.name, roleArn: roleArn, tokenFile: tokenFile, sessionName: profile["role_session_name"]))
        }
        if let sso = try ssoSettings(profile) { return .sso(sso) }
        if let command = profile.credentialProcess { return .credentialProcess(command: command, profile: profile.name) }
        if let keys = try Self.accessKey(profile, required: true) { return .accessKey(keys, profile: profile.name) }
        preconditionFailure("accessKey(required: true) returns keys or throws")
    }

    /// The profile's keys; nil when it has none and they are not `required`.
    private static func accessKey(_ profile: ProfileSettings, required: Bool) throws(ProfileChainError) -> AWSCredentials? {
        switch (profile.accessKeyId, profile.secretAccessKey) {
        case (let id?, let secret?):
            return AWSCredentials(accessKeyId: id, secretAccessKey: secret, sessionToken: profile.sessionToken,
                                  accountId: profile["aws_account_id"])
        case (_?, nil):
            throw ProfileChainError(profile: profile.name, reason: "profile missing aws_secret_access_key (aws_access_key_id is set)")
        case (nil, _?):
            throw ProfileChainError(profile: profile.name, reason: "profile missing aws_access_key_id (aws_secret_access_key is set)")
        case (nil, nil):
            guard required else { return nil }
            throw ProfileChainError(
                profile: profile.name,
                reason: "profile `\(profile.name)` did not contain credential information (keys, credential_process, "
                    + "role_arn, web_identity_token_file or sso_session)", isNotConfigured: true)
        }
    }

    private static func roleAssumption(_ profile: ProfileSettings, roleArn: String) throws(ProfileChainError)
        -> ProfileChain.RoleAssumption
    {
        var duration: Int?
        if let text = profile["duration_seconds"] {
            guard let seconds = Int(text), (900...43_200).contains(seconds) else {
                throw ProfileChainError(
                    profile: profile.name, reason: "duration_seconds = '\(text)' is not a whole number from 900 to 43200")
            }
            duration = seconds
        }
        return ProfileChain.RoleAssumption(
            profile: profile.name, roleArn: roleArn, sessionName: profile["role_session_name"],
            externalId: profile["external_id"], durationSeconds: duration, mfaSerial: profile["mfa_serial"])
    }

    private static func namedSource(_ text: String, profile: String) throws(ProfileChainError)
        -> ProfileChain.NamedCredentialSource
    {
        guard let source = ProfileChain.NamedCredentialSource(rawValue: text) else {
            let known = ProfileChain.NamedCredentialSource.allCases.map(\.rawValue).joined(separator: ", ")
            throw ProfileChainError(profile: profile, reason: "credential_source = '\(text)' is not one of \(known)")
        }
        return source
    }

    /// The profile's IAM Identity Center settings, nil when it has none.
    private func ssoSettings(_ profile: ProfileSettings) throws(ProfileChainError) -> ProfileChain.SSOSettings? {
        let accountId = profile["sso_account_id"]
        let roleName = profile["sso_role_name"]
        let ssoKeys = ["sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name"]
        guard ssoKeys.contains(where: { profile[$0] != nil }) else { return nil }
        if roleName != nil && accountId == nil {
            throw ProfileChainError(profile: profile.name, reason: "if `sso_role_name` is set, then `sso_account_id` must also be set")
        }
        if accountId != nil && roleName == nil {
            throw ProfileChainError(profile: profile.name, reason: "if `sso_account_id` is set, then `sso_role_name` must also be set")
        }
        guard let sessionName = profile["sso_session"] else {
            // The legacy form keeps everything in the profile.
            guard let startURL = profile["sso_start_url"], let region = profile["sso_region"] else {
                let missing = ["sso_start_url", "sso_region"].filter { profile[$0] == nil }
                throw ProfileChainError(
                    profile: profile.name,
                    reason: "an IAM Identity Center profile needs sso_session, or \(missing.joined(separator: " and ")) beside sso_account_id and sso_role_name")
            }
            return ProfileChain.SSOSettings(profile: profile.name, session: nil, region: region, startURL: startURL,
                                            accountId: accountId, roleName: roleName)
        }
        guard let session = ssoSessions[sessionName] else {
            throw ProfileChainError(
                profile: profile.name,
                reason: "sso-session named `\(sessionName)` (referenced by profile `\(profile.name)`) was not found; add [sso-session \(sessionName)] to the config file")
        }
        let region = session["sso_region"].flatMap { $0.isEmpty ? nil : $0 }
        if let own = profile["sso_region"], own != region {
            throw ProfileChainError(
                profile: profile.name,
                reason: "`sso_region` can only be specified in the [sso-session] config when a session name is given (profile has '\(own)', session `\(sessionName)` has \(region.map { "'\($0)'" } ?? "none"))")
        }
        let startURL = session["sso_start_url"].flatMap { $0.isEmpty ? nil : $0 }
        if let own = profile["sso_start_url"], own != startURL {
            throw ProfileChainError(
                profile: profile.name,
                reason: "`sso_start_url` can only be specified in the [sso-session] config when a session name is given")
        }
        guard let region, let startURL else {
            let missing = [region == nil ? "sso_region" : nil, startURL == nil ? "sso_start_url" : nil].compactMap { $0 }
            throw ProfileChainError(
                profile: profile.name, reason: "[sso-session \(sessionName)] is missing \(missing.joined(separator: " and "))")
        }
        return ProfileChain.SSOSettings(
            profile: profile.name, session: sessionName, region: region, startURL: startURL, accountId: accountId,
            roleName: roleName, registrationScopes: session["sso_registration_scopes"])
    }
}

extension ProfileChain {
    /// Reads the files at `locations` and works out the selected profile's chain, as a credential provider named
    /// `provider` reports it: a profile that says nothing about credentials (or is missing) is
    /// ``CredentialProviderError/notConfigured(provider:reason:)``, a broken file or profile is
    /// ``CredentialProviderError/failed(provider:reason:)``.
    public static func load(_ locations: SharedConfigLocations, provider: String) throws(CredentialProviderError)
        -> (config: SharedConfig, chain: ProfileChain)
    {
        let config: SharedConfig
        do {
            config = try SharedConfig(locations: locations)
        } catch {
            throw .failed(provider: provider, reason: error.description)
        }
        do {
            return (config, try ProfileChainResolver(config: config).chain(for: locations.profileName))
        } catch {
            if error.isNotConfigured {
                throw .notConfigured(
                    provider: provider, reason: "\(error.reason) (\(locations.configFile), \(locations.credentialsFile))")
            }
            throw .failed(provider: provider, reason: error.description)
        }
    }
}
