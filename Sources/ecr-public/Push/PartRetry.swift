import AWSRuntime
import ECRPublic

/// How a failed layer part is retried: which failures are worth another attempt, and how long to wait.
///
/// The client already retries a call a few times; this outer loop lets a long push ride out a longer outage
/// (a dropped connection, a few throttled seconds) without starting the layer again.
struct PartRetry: Sendable {
    var maxAttempts = 5
    var firstDelay: Duration = .milliseconds(250)
    var maxDelay: Duration = .seconds(8)

    /// Whether `error` is transient: a transport failure, a 5xx, throttling, or an error the model marks retryable.
    static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let transport as HTTPClientError:
            return transport != .cancelled
        case let service as ECRPublicError:
            return service.fault == .server || service.isRetryable || service.isThrottling
                || service.context.statusCode >= 500 || service.context.statusCode == 429
        case let runtime as ClientRuntimeError:
            if case let .unexpectedResponse(_, status, _, _, _) = runtime { return status >= 500 || status == 429 }
            if case .operationTimedOut = runtime { return true }
            return false
        default:
            return false
        }
    }

    /// The wait before attempt `attempt` (2 for the first retry): doubling, capped.
    func delay(beforeAttempt attempt: Int) -> Duration {
        min(maxDelay, firstDelay * (1 << min(attempt - 2, 16)))
    }
}
