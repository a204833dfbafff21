import Foundation

/// The AWS shared config and credentials files, parsed into profiles, `sso-session` sections and
/// `services` sections, with the rules every AWS SDK shares:
///
/// - In the config file a profile is `[profile name]` or `[default]`; `[profile default]` wins over
///   `[default]` (which is then ignored entirely). `[name]` alone is not a profile there.
/// - In the credentials file a profile is `[name]`; `[profile name]` is not a profile there.
/// - A profile in both files has both files' properties; the credentials file wins where both set a key.
/// - Sections whose name is not a valid identifier are ignored, as are unknown section kinds.
///
/// Missing files count as empty.
public struct SharedConfig: Sendable {
    /// Where the files were read from and the selected profile.
    public var locations: SharedConfigLocations
    /// Every profile by name, merged from both files.
    public private(set) var profiles: [String: ProfileSettings] = [:]
    /// `[sso-session name]` sections of the config file: their lowercased properties by session name.
    public private(set) var ssoSessions: [String: [String: String]] = [:]
    /// `[services name]` sections of the config file: their lowercased properties by section name.
    public private(set) var services: [String: [String: String]] = [:]
    private var config: INIFile
    private var credentials: INIFile

    /// Reads both files named by `locations`.
    public init(locations: SharedConfigLocations) throws(ConfigError) {
        try self.init(config: try SharedConfig.read(locations.configFile),
                      credentials: try SharedConfig.read(locations.credentialsFile), locations: locations)
    }

    /// Reads the files the environment points at (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `HOME`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil)
        throws(ConfigError)
    {
        try self.init(locations: SharedConfigLocations(environment: environment, profile: profile))
    }

    /// Parses file contents directly (the paths in `locations` only label errors).
    public init(configText: String, credentialsText: String, locations: SharedConfigLocations) throws(ConfigError) {
        try self.init(config: try INIFile(parsing: configText, path: locations.configFile),
                      credentials: try INIFile(parsing: credentialsText, path: locations.credentialsFile),
                      locations: locations)
    }

    private init(config: INIFile, credentials: INIFile, locations: SharedConfigLocations) throws(ConfigError) {
        self.locations = locations
        self.config = config
        self.credentials = credentials
        var merged: [String: [String: String]] = [:]
        let hasExplicitDefault = config.sections.contains {
            $0.header != "default" && Self.configSection($0.header) == .profile("default")
        }
        for section in config.sections {
            switch Self.configSection(section.header) {
            case .profile(let name):
                // `[default]` beside `[profile default]` is ignored, whichever comes first.
                if name == "default" && section.header == "default" && hasExplicitDefault { continue }
                merged[name, default: [:]].merge(section.properties) { _, new in new }
            case .ssoSession(let name):
                ssoSessions[name, default: [:]].merge(section.properties) { _, new in new }
            case .services(let name):
                services[name, default: [:]].merge(section.properties) { _, new in new }
            case nil:
                continue
            }
        }
        for section in credentials.sections {
            guard let name = Self.credentialsProfileName(section.header) else { continue }
            merged[name, default: [:]].merge(section.properties) { _, new in new }
        }
        profiles = merged.reduce(into: [:]) { $0[$1.key] = ProfileSettings(name: $1.key, properties: $1.value) }
    }

    private static func read(_ path: String) throws(ConfigError) -> INIFile {
        guard FileManager.default.fileExists(atPath: path) else { return try INIFile(parsing: "", path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(file: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(file: path, reason: "not UTF-8 text")
        }
        return try INIFile(parsing: text, path: path)
    }

    /// What a config-file section declares.
    private enum ConfigSection: Equatable {
        case profile(String)
        case ssoSession(String)
        case services(String)
    }

    /// The kind and name a config-file header declares, or nil for anything else (`[foo]`, `[profilefoo]`,
    /// a misspelt kind, an invalid name).
    private static func configSection(_ header: String) -> ConfigSection? {
        if header == "default" { return .profile("default") }
        if let name = name(after: "profile", in: header) { return .profile(name) }
        if let name = name(after: "sso-session", in: header) { return .ssoSession(name) }
        if let name = name(after: "services", in: header) { return .services(name) }
        return nil
    }

    /// The valid name after `kind` and at least one space or tab, e.g. `dev` in `profile \tdev`.
    private static func name(after kind: String, in header: String) -> String? {
        guard header.hasPrefix(kind) else { return nil }
        let rest = header.dropFirst(kind.count)
        guard let first = rest.first, first == " " || first == "\t" else { return nil }
        let name = rest.trimmingWhitespace()
        return INIFile.isValidName(name) ? String(name) : nil
    }

    /// The profile a credentials-file header declares: any valid name, but not the config file's `profile x` form.
    private static func credentialsProfileName(_ header: String) -> String? {
        if name(after: "profile", in: header) != nil { return nil }
        return INIFile.isValidName(header) ? header : nil
    }

    /// Names of every profile in either file, sorted.
    public var profileNames: [String] { profiles.keys.sorted() }

    /// The settings of the selected profile (``SharedConfigLocations/profileName``).
    public func selectedProfile() throws(ConfigError) -> ProfileSettings {
        try profile(named: locations.profileName)
    }

    /// The settings of `name`, merged from both files.
    ///
    /// - Throws: ``ConfigError/profileNotFound(profile:searched:hints:)`` when neither file has it, with hints
    ///   for sections that look like it but are ignored (`[dev]` in the config file, `[profile dev]` in the
    ///   credentials file).
    public func profile(named name: String) throws(ConfigError) -> ProfileSettings {
        if let profile = profiles[name] { return profile }
        var hints: [String] = []
        for section in config.sections where section.header == name {
            hints.append("\(config.path):\(section.line) has [\(name)], which the config file ignores; write [profile \(name)]")
        }
        for section in credentials.sections where Self.name(after: "profile", in: section.header) == name {
            hints.append("\(credentials.path):\(section.line) has [profile \(name)]; the credentials file uses plain [\(name)]")
        }
        throw .profileNotFound(profile: name, searched: [config.path, credentials.path], hints: hints)
    }
}
