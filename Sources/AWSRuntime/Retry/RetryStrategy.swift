import Foundation

/// AWS "standard" retry mode: capped exponential backoff with full jitter, and a client-wide retry quota so a
/// failing service is not hammered by every caller's retries at once.
public struct RetryStrategy: Sendable {
    /// Total attempts, the first included.
    public var maxAttempts: Int
    /// The longest wait between attempts.
    public var maxBackoff: Duration
    /// The first backoff's upper bound; each retry doubles it.
    public var baseDelay: Duration

    /// AWS standard defaults: 3 attempts, 1 s base delay, 20 s maximum backoff; `maxAttempts` below 1 counts as 1.
    public init(maxAttempts: Int = 3, maxBackoff: Duration = .seconds(20), baseDelay: Duration = .seconds(1)) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.baseDelay = baseDelay
    }

    /// The wait before retry number `retry` (1-based): uniformly random in [0, min(maxBackoff, base × 2^(retry-1))].
    public func backoff(forRetry retry: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let exponent = Double(min(retry - 1, 30))
        let ceiling = min(maxBackoff.seconds, baseDelay.seconds * pow(2, exponent))
        return .seconds(ceiling * min(1, max(0, random)))
    }

    /// Error codes that mean "slow down", retried whatever their HTTP status.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Error codes that mean a transient problem on the service's side, retried like 5xx responses.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "IDPCommunicationError",
    ]

    /// HTTP statuses that mean a transient server problem.
    public static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]

    /// Error codes that mean the request's clock is off; corrected once, then retried.
    public static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
        "AuthFailure", "RequestInTheFuture",
    ]
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
