/// Why the shared config or credentials file, or the region, could not be read.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line that is neither a section header, a `key = value` property, a comment nor blank.
    case malformedLine(file: String, line: Int, reason: String)
    /// The file exists but could not be read (permissions, not UTF-8).
    case unreadableFile(file: String, reason: String)
    /// The named profile is in neither file. `hints` explains near misses (e.g. `[foo]` in the config file).
    case profileNotFound(profile: String, searched: [String], hints: [String])
    /// A setting has a value of the wrong shape, e.g. `max_attempts = lots`.
    case invalidValue(key: String, value: String, profile: String, expected: String)
    /// No region from the client option, the environment or the profile.
    case noRegion(tried: [String])

    public var description: String {
        switch self {
        case .malformedLine(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .unreadableFile(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .profileNotFound(let profile, let searched, let hints):
            var text = "profile '\(profile)' not found in \(searched.joined(separator: " or "))"
            if !hints.isEmpty { text += " (" + hints.joined(separator: "; ") + ")" }
            return text
        case .invalidValue(let key, let value, let profile, let expected):
            return "profile '\(profile)': \(key) = '\(value)' is not valid; expected \(expected)"
        case .noRegion(let tried):
            return "no AWS region configured; tried \(tried.joined(separator: ", ")). "
                + "Set the client's region, AWS_REGION, or `region` in the profile."
        }
    }
}
