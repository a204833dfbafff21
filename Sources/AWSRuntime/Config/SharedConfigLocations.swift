import Foundation

/// Where the shared config and credentials files are, and which profile to use, from an environment.
///
/// Takes the environment as a dictionary so tests never touch the real process environment.
public struct SharedConfigLocations: Sendable, Equatable {
    /// `AWS_CONFIG_FILE`, else `~/.aws/config`.
    public var configFile: String
    /// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
    public var credentialsFile: String
    /// `AWS_PROFILE`, else `default`.
    public var profileName: String
    /// Whether the profile was chosen explicitly (`AWS_PROFILE` or an option) rather than defaulted.
    public var isProfileExplicit: Bool

    /// Uses the given paths and profile as they are, without reading the environment.
    public init(configFile: String, credentialsFile: String, profileName: String = "default", isProfileExplicit: Bool = false) {
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        self.profileName = profileName
        self.isProfileExplicit = isProfileExplicit
    }

    /// Reads the locations from `environment`; `profile` overrides `AWS_PROFILE`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func expand(_ path: String) -> String {
            if path == "~" { return home }
            if path.hasPrefix("~/") { return home + path.dropFirst() }
            return path
        }
        configFile = expand(environment["AWS_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.aws/config")
        credentialsFile = expand(
            environment["AWS_SHARED_CREDENTIALS_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.aws/credentials")
        let chosen = profile ?? environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        profileName = chosen ?? "default"
        isProfileExplicit = chosen != nil
    }
}
