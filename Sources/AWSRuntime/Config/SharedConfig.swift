import Foundation

/// The AWS shared config and credentials files, parsed.
///
/// Profiles are `[profile name]` (or `[default]`) in the config file and `[name]` in the credentials file;
/// a profile's keys may sit in either file. Missing files count as empty. Other section kinds
/// (`[sso-session x]`, `[services x]`) are kept out of the profile list.
public struct SharedConfig: Sendable {
    /// Where the files were read from and the selected profile.
    public var locations: SharedConfigLocations
    private var config: INIFile
    private var credentials: INIFile

    /// Reads both files named by `locations`.
    public init(locations: SharedConfigLocations) throws(ConfigError) {
        self.locations = locations
        config = try SharedConfig.read(locations.configFile)
        credentials = try SharedConfig.read(locations.credentialsFile)
    }

    /// Reads the files the environment points at (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `HOME`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil)
        throws(ConfigError)
    {
        try self.init(locations: SharedConfigLocations(environment: environment, profile: profile))
    }

    /// Parses file contents directly (the paths only label errors).
    init(configText: String, credentialsText: String, locations: SharedConfigLocations) throws(ConfigError) {
        self.locations = locations
        config = try INIFile(parsing: configText, path: locations.configFile)
        credentials = try INIFile(parsing: credentialsText, path: locations.credentialsFile)
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

    /// The profile name a config-file section header declares, or nil for other kinds of section.
    private static func configProfileName(_ header: String) -> String? {
        if header == "default" { return "default" }
        guard header.hasPrefix("profile ") || header.hasPrefix("profile\t") else { return nil }
        let name = header.dropFirst("profile".count).trimmingWhitespace()
        return name.isEmpty ? nil : String(name)
    }

    /// Names of every profile in either file, sorted.
    public var profileNames: [String] {
        let fromConfig = config.sections.compactMap { SharedConfig.configProfileName($0.header) }
        let fromCredentials = credentials.sections.map(\.header)
        return Array(Set(fromConfig + fromCredentials)).sorted()
    }

    /// The settings of the selected profile (``SharedConfigLocations/profileName``).
    public func selectedProfile() throws(ConfigError) -> ProfileSettings {
        try profile(named: locations.profileName)
    }

    /// The settings of `name`, merged from both files.
    ///
    /// - Throws: ``ConfigError/profileNotFound(profile:searched:hints:)`` when neither file has it.
    public func profile(named name: String) throws(ConfigError) -> ProfileSettings {
        var properties: [String: String] = [:]
        var found = false
        // `[profile default]` and `[default]` are the same profile; the explicit form wins.
        for section in config.sections where SharedConfig.configProfileName(section.header) == name {
            found = true
            properties.merge(section.properties) { _, new in new }
        }
        for section in credentials.sections where section.header == name {
            found = true
            properties.merge(section.properties) { _, new in new }
        }
        guard found else {
            var hints: [String] = []
            for section in config.sections where section.header == name {
                hints.append(
                    "\(config.path):\(section.line) has [\(name)], which the config file ignores; write [profile \(name)]")
            }
            for section in credentials.sections where section.header == "profile \(name)" {
                hints.append(
                    "\(credentials.path):\(section.line) has [profile \(name)]; the credentials file uses plain [\(name)]")
            }
            throw .profileNotFound(profile: name, searched: [config.path, credentials.path], hints: hints)
        }
        return ProfileSettings(name: name, properties: properties)
    }
}
