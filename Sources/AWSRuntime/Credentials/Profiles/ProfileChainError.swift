/// Why a profile's settings do not describe a way to get credentials. Messages name profiles and settings,
/// never values that may be secret.
public struct ProfileChainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The profile whose settings are wrong.
    public var profile: String
    /// What is wrong, e.g. "profile must contain `source_profile` or `credential_source` …".
    public var reason: String

    /// An error about `profile`.
    public init(profile: String, reason: String) {
        self.profile = profile
        self.reason = reason
    }

    public var description: String { "profile '\(profile)': \(reason)" }
}
