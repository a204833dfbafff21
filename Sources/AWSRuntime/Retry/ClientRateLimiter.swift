import Foundation

/// The client-side rate limiter of adaptive retry mode (the AWS SDKs' retry specification): a token bucket
/// whose fill rate follows a CUBIC curve, cut to 70% of the measured sending rate at each throttling error and
/// grown back along the cubic as calls succeed. Until the first throttling error it lets everything through.
///
/// Times are seconds on a monotonic clock the caller passes in, so the limiter is a plain value machine that
/// tests drive with a fake clock.
public final class ClientRateLimiter: Sendable {
    private static let minimumFillRate = 0.5
    private static let minimumCapacity = 1.0
    private static let smoothing = 0.8
    private static let beta = 0.7
    private static let scaleConstant = 0.4

    struct State: Sendable {
        var enabled = false
        var fillRate = 0.0
        var maximumCapacity = 0.0
        var currentCapacity = 0.0
        var lastRefill: Double?
        var measuredSendingRate = 0.0
        var lastSendingRateBucket: Double
        var requestCount = 0.0
        var lastMaximumRate = 0.0
        var lastThrottleTime: Double
        var timeWindow = 0.0
    }

    private let state: LockedValue<State>

    /// A limiter that starts measuring at `now`.
    public init(now: Double) {
        state = LockedValue(State(lastSendingRateBucket: (now * 2).rounded(.down) / 2, lastThrottleTime: now))
    }

    /// Whether a throttling error has switched the limiter on.
    public var isEnabled: Bool { state.withLock { $0.enabled } }

    /// The current fill rate, in requests per second (0 until enabled).
    public var fillRate: Double { state.withLock { $0.fillRate } }

    /// Takes one token for a request sent at `now`, returning how long to wait before sending it (zero while the
    /// bucket has a token, or while the limiter is off).
    public func acquire(now: Double) -> Duration {
        state.withLock { state in
            guard state.enabled else { return .zero }
            Self.refill(&state, now: now)
            var wait = 0.0
            if state.currentCapacity < 1 {
                wait = (1 - state.currentCapacity) / state.fillRate
            }
            state.currentCapacity -= 1
            return .seconds(wait)
        }
    }

    /// Feeds back a response received at `now`: a throttling error cuts the rate, anything else lets it grow.
    public func update(isThrottling: Bool, now: Double) {
        state.withLock { state in
            Self.updateMeasuredRate(&state, now: now)
            let calculated: Double
            if isThrottling {
                let rateToUse = state.enabled ? min(state.measuredSendingRate, state.fillRate) : state.measuredSendingRate
                state.lastMaximumRate = rateToUse
                Self.updateTimeWindow(&state)
                state.lastThrottleTime = now
                calculated = rateToUse * Self.beta
                state.enabled = true
            } else {
                Self.updateTimeWindow(&state)
                calculated = Self.scaleConstant * pow(now - state.lastThrottleTime - state.timeWindow, 3) + state.lastMaximumRate
            }
            Self.setRate(&state, min(calculated, 2 * state.measuredSendingRate), now: now)
        }
    }

    private static func refill(_ state: inout State, now: Double) {
        guard let last = state.lastRefill else {
            state.lastRefill = now
            return
        }
        state.currentCapacity = min(state.maximumCapacity, state.currentCapacity + (now - last) * state.fillRate)
        state.lastRefill = now
    }

    private static func setRate(_ state: inout State, _ rate: Double, now: Double) {
        refill(&state, now: now)
        state.fillRate = max(rate, minimumFillRate)
        state.maximumCapacity = max(rate, minimumCapacity)
        state.currentCapacity = min(state.currentCapacity, state.maximumCapacity)
    }

    /// The sending rate, measured in half-second buckets and smoothed.
    private static func updateMeasuredRate(_ state: inout State, now: Double) {
        let bucket = (now * 2).rounded(.down) / 2
        state.requestCount += 1
        guard bucket > state.lastSendingRateBucket else { return }
        let currentRate = state.requestCount / (bucket - state.lastSendingRateBucket)
        state.measuredSendingRate = currentRate * smoothing + state.measuredSendingRate * (1 - smoothing)
        state.requestCount = 0
        state.lastSendingRateBucket = bucket
    }

    private static func updateTimeWindow(_ state: inout State) {
        state.timeWindow = cbrt(state.lastMaximumRate * (1 - beta) / scaleConstant)
    }
}
