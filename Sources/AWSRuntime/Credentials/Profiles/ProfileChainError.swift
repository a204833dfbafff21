/// Why a profile's settings do not describe a way to get credentials. Messages name profiles and settings,
/// never values that may be secret.
public struct ProfileChainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The profile whose settings are wrong.
    public var profile: String
    /// What is wrong, e.g. "profile must contain `source_profile` or `credential_source` …".
    public var reason: String

    /// True when the selected profile simply says nothing about credentials (it is missing, or holds only
    /// settings such as `region`): a chain moves on to its next source rather than failing.
    public var isNotConfigured: Bool

    /// An error about `profile`.
    public init(profile: String, reason: String, isNotConfigured: Bool = false) {
        self.profile = profile
        self.reason = reason
        self.isNotConfigured = isNotConfigured
    }

    public var description: String { "profile '\(profile)': \(reason)" }
}
