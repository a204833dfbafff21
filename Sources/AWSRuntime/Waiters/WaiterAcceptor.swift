/// What a waiter does when an acceptor matches.
public enum WaiterState: String, Sendable {
    /// The wait is over: the resource is in the state waited for.
    case success
    /// The wait is over: the resource will never get there (e.g. a table creation failed).
    case failure
    /// Try again after a delay.
    case retry
}

/// One acceptor of a `smithy.waiters#waitable` waiter, compiled by the generator: a state and the test of one
/// attempt's input and result.
public struct WaiterAcceptor<Input: Sendable, Output: Sendable>: Sendable {
    public var state: WaiterState
    /// The matcher as the model states it, for errors, e.g. `Table.TableStatus == "ACTIVE"`.
    public var description: String
    /// The test; it throws where the matcher's path has a JMESPath error (e.g. `length` of a missing list),
    /// which is no match.
    public var matches: @Sendable (Input, Result<Output, any Error>) throws -> Bool

    /// An acceptor from its parts.
    public init(state: WaiterState, description: String,
                matches: @escaping @Sendable (Input, Result<Output, any Error>) throws -> Bool) {
        self.state = state
        self.description = description
        self.matches = matches
    }

    /// Whether `result` is an error the service returned with `code` (the `errorType` matcher).
    public static func isError(_ result: Result<Output, any Error>, code: String) -> Bool {
        guard case .failure(let error) = result, let serviceError = error as? any ServiceError else { return false }
        return serviceError.errorCode == code || serviceError.errorCode.hasSuffix("#" + code)
    }
}

/// How a wait ended.
public struct WaiterResult<Output: Sendable>: Sendable {
    /// The calls made.
    public var attempts: Int
    /// The last successful output, nil when the wait ended on an error matcher (`TableNotExists`).
    public var output: Output?
}

/// Why a waiter gave up.
public enum WaiterError: Error, Sendable, CustomStringConvertible {
    /// A `failure` acceptor matched: the resource will not reach the state waited for.
    case failureStateMatched(waiter: String, acceptor: String, attempts: Int)
    /// A call failed with an error no acceptor names.
    case unexpectedError(waiter: String, error: any Error, attempts: Int)
    /// `maxWaitTime` passed first.
    case timedOut(waiter: String, attempts: Int, maxWaitTime: Duration)

    public var description: String {
        switch self {
        case .failureStateMatched(let waiter, let acceptor, let attempts):
            return "waiter \(waiter) failed after \(attempts) attempt(s): \(acceptor)"
        case .unexpectedError(let waiter, let error, let attempts):
            return "waiter \(waiter) stopped after \(attempts) attempt(s) on an error no acceptor expects: \(error)"
        case .timedOut(let waiter, let attempts, let maxWaitTime):
            return "waiter \(waiter) gave up after \(attempts) attempt(s): \(maxWaitTime) passed"
        }
    }
}
