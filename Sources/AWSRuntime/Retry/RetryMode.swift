/// How a client retries, as the AWS SDKs name the modes (`AWS_RETRY_MODE`, a profile's `retry_mode`).
public enum RetryMode: String, Sendable {
    /// Capped exponential backoff with jitter and a client-wide retry quota.
    case standard
    /// Standard, plus a client-side rate limiter that slows every call down after throttling errors and speeds
    /// up again as calls succeed (see ``ClientRateLimiter``).
    case adaptive

    /// The mode a setting names; `legacy` (an older SDK mode) is served as standard, unknown names as nil.
    public init?(setting: String) {
        switch setting.lowercased() {
        case "standard", "legacy": self = .standard
        case "adaptive": self = .adaptive
        default: return nil
        }
    }
}
