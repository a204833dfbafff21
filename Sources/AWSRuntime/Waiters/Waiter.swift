import Foundation

/// Polls an operation until one of its acceptors says the wait is over, backing off as the Smithy waiter
/// specification says: attempt `n` waits a random time between `minDelay` and `min(maxDelay, minDelay · 2ⁿ⁻¹)`,
/// never past `maxWaitTime` (a wait that could not leave room for one more `minDelay` ends as timed out), and
/// cancelling the task ends it at once.
public struct Waiter<Input: Sendable, Output: Sendable>: Sendable {
    public var name: String
    public var minDelay: Duration
    public var maxDelay: Duration
    public var acceptors: [WaiterAcceptor<Input, Output>]

    /// A waiter from the model's `smithy.waiters#waitable` entry.
    public init(name: String, minDelay: Duration, maxDelay: Duration, acceptors: [WaiterAcceptor<Input, Output>]) {
        self.name = name
        self.minDelay = minDelay
        self.maxDelay = max(maxDelay, minDelay)
        self.acceptors = acceptors
    }

    /// Calls `operation` with `input` until an acceptor ends the wait.
    ///
    /// - Returns: the attempts made and the last output, when `success` matched.
    /// - Throws: ``WaiterError``, or `CancellationError` when the task is cancelled.
    public func wait(
        input: Input, maxWaitTime: Duration,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        operation: @Sendable (Input) async throws -> Output
    ) async throws -> WaiterResult<Output> {
        let clock = ContinuousClock()
        let start = clock.now
        return try await wait(
            input: input, maxWaitTime: maxWaitTime, elapsed: { clock.now - start }, sleep: sleep,
            random: { Double.random(in: $0) }, operation: operation)
    }

    /// The loop, with the clock and randomness given (tests drive them).
    func wait(
        input: Input, maxWaitTime: Duration, elapsed: @Sendable () -> Duration,
        sleep: @Sendable (Duration) async throws -> Void, random: (ClosedRange<Double>) -> Double,
        operation: @Sendable (Input) async throws -> Output
    ) async throws -> WaiterResult<Output> {
        var attempts = 0
        while true {
            try Task.checkCancellation()
            attempts += 1
            let result: Result<Output, any Error>
            do {
                result = .success(try await operation(input))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                result = .failure(error)
            }
            if let acceptor = acceptors.first(where: { (try? $0.matches(input, result)) == true }) {
                switch acceptor.state {
                case .success:
                    return WaiterResult(attempts: attempts, output: try? result.get())
                case .failure:
                    throw WaiterError.failureStateMatched(waiter: name, acceptor: acceptor.description, attempts: attempts)
                case .retry:
                    break
                }
            } else if case .failure(let error) = result {
                throw WaiterError.unexpectedError(waiter: name, error: error, attempts: attempts)
            }
            let remaining = maxWaitTime - elapsed()
            guard remaining > minDelay else {
                throw WaiterError.timedOut(waiter: name, attempts: attempts, maxWaitTime: maxWaitTime)
            }
            var delay = Self.delay(attempt: attempts, minDelay: minDelay, maxDelay: maxDelay, random: random)
            if remaining - delay <= minDelay { delay = remaining - minDelay }
            try await sleep(delay)
        }
    }

    /// The wait before retrying after attempt `attempt`: random between `minDelay` and the exponential ceiling.
    static func delay(attempt: Int, minDelay: Duration, maxDelay: Duration, random: (ClosedRange<Double>) -> Double)
        -> Duration
    {
        let minimum = minDelay.secondsValue
        let maximum = maxDelay.secondsValue
        let ceiling = min(maximum, minimum * pow(2, Double(min(attempt - 1, 62))))
        let seconds = ceiling > minimum ? random(minimum...ceiling) : minimum
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var secondsValue: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
