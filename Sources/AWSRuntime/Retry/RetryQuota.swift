import Foundation

/// The client-wide token bucket of AWS standard retries: each retry spends tokens, successes refill them,
/// and when the bucket is empty failures are returned at once instead of retried.
public final class RetryQuota: Sendable {
    /// The tokens a new bucket holds; refills never go above it.
    public static let initialTokens = 500
    /// Tokens one retry costs.
    public static let retryCost = 5
    /// Tokens one retry after a timeout costs, double the usual.
    public static let timeoutRetryCost = 10

    private let tokens = LockedValue(RetryQuota.initialTokens)

    /// A full bucket of `initialTokens`.
    public init() {}

    /// The tokens left.
    public var available: Int { tokens.withLock { $0 } }

    /// Takes the cost of one retry and returns it; nil (and nothing taken) when the bucket cannot pay.
    public func acquire(isTimeout: Bool) -> Int? {
        let cost = isTimeout ? Self.timeoutRetryCost : Self.retryCost
        return tokens.withLock { value in
            guard value >= cost else { return nil }
            value -= cost
            return cost
        }
    }

    /// Refills after a success: the retry's cost back when it took retries, one token otherwise.
    public func release(retryCost: Int?) {
        tokens.withLock { value in
            value = min(Self.initialTokens, value + (retryCost ?? 1))
        }
    }
}

/// A value behind a lock, for the few pieces of shared mutable state the runtime keeps.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
