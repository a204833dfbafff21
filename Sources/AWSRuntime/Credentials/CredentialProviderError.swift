/// Why a credential provider produced no credentials. Messages name the source (file and line, command,
/// endpoint) but never a secret.
public enum CredentialProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One provider's outcome in a chain.
    public struct Attempt: Sendable, Equatable, CustomStringConvertible {
        /// The provider's name, e.g. `environment` or `profile 'dev'`.
        public var provider: String
        /// Why it gave nothing.
        public var reason: String

        /// Records that `provider` gave nothing, and why.
        public init(provider: String, reason: String) {
            self.provider = provider
            self.reason = reason
        }

        public var description: String { "\(provider): \(reason)" }
    }

    /// The source is not set up here (no variables, no such file, no metadata service); chains move on.
    case notConfigured(provider: String, reason: String)
    /// The source is set up but failed (bad file, process exited non-zero, server error); chains stop here,
    /// as the AWS CLI does, rather than silently use some other identity.
    case failed(provider: String, reason: String)
    /// Every provider of a chain was tried and none was configured.
    case noCredentials(attempts: [Attempt])

    public var description: String {
        switch self {
        case .notConfigured(let provider, let reason):
            return "\(provider) credentials not configured: \(reason)"
        case .failed(let provider, let reason):
            return "\(provider) credentials failed: \(reason)"
        case .noCredentials(let attempts):
            return "no AWS credentials found; tried:\n"
                + attempts.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// The attempt this error describes, for listing in a chain's error.
    var attempt: Attempt {
        switch self {
        case .notConfigured(let provider, let reason), .failed(let provider, let reason):
            return Attempt(provider: provider, reason: reason)
        case .noCredentials(let attempts):
            return Attempt(provider: "chain", reason: attempts.map(\.description).joined(separator: "; "))
        }
    }
}
