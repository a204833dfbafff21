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
        self.init(environment: environment, profile: profile, platform: .current)
    }

    /// The conventions of the operating system whose paths are built.
    enum Platform: Sendable {
        case posix
        case windows

        #if os(Windows)
            static let current = Platform.windows
        #else
            static let current = Platform.posix
        #endif
    }

    /// Reads the locations from `environment` with `platform`'s home folder rules: `HOME` everywhere, then on
    /// Windows `USERPROFILE`, then `HOMEDRIVE` + `HOMEPATH`.
    init(environment: [String: String], profile: String?, platform: Platform) {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let separator = platform == .windows ? "\\" : "/"
        var home = variable("HOME")
        if home == nil && platform == .windows {
            home = variable("USERPROFILE") ?? variable("HOMEDRIVE").flatMap { drive in variable("HOMEPATH").map { drive + $0 } }
        }
        let homeFolder = home ?? NSHomeDirectory()
        func expand(_ path: String) -> String {
            if path == "~" { return homeFolder }
            if path.hasPrefix("~/") || path.hasPrefix("~\\") { return homeFolder + separator + path.dropFirst(2) }
            return path
        }
        let awsFolder = ["~", ".aws"].joined(separator: separator)
        configFile = expand(variable("AWS_CONFIG_FILE") ?? awsFolder + separator + "config")
        credentialsFile = expand(variable("AWS_SHARED_CREDENTIALS_FILE") ?? awsFolder + separator + "credentials")
        let chosen = profile ?? variable("AWS_PROFILE")
        profileName = chosen ?? "default"
        isProfileExplicit = chosen != nil
    }
}
