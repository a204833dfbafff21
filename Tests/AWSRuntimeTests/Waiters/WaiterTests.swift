import Foundation
import XCTest

@testable import AWSRuntime

/// The waiter loop: acceptors in order, the Smithy backoff, the time limit, and how it ends.
final class WaiterTests: XCTestCase {
    struct Status: Sendable { var value: String }

    /// A virtual clock: sleeping advances it, and every wait is recorded.
    final class VirtualTime: @unchecked Sendable {
        private let lock = NSLock()
        private var now = Duration.zero
        private var waits: [Duration] = []
        var elapsed: Duration { lock.withLock { now } }
        var recorded: [Duration] { lock.withLock { waits } }
        func sleep(_ duration: Duration) { lock.withLock { now += duration; waits.append(duration) } }
    }

    /// Answers each call with the next of `answers` (the last one repeats).
    final class Script: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [Result<Status, any Error>]
        private(set) var calls = 0
        init(_ answers: [Result<Status, any Error>]) { self.answers = answers }
        func next() throws -> Status {
            try lock.withLock {
                calls += 1
                return try (answers.count > 1 ? answers.removeFirst() : answers[0]).get()
            }
        }
    }

    struct NotFound: ServiceError {
        var errorCode: String { "ResourceNotFoundException" }
        var message: String? { nil }
        var context: ServiceErrorContext { ServiceErrorContext(operation: "Describe", statusCode: 400, requestId: nil) }
        var fault: ErrorFault { .client }
        var isRetryable: Bool { false }
        var isThrottling: Bool { false }
        var description: String { errorCode }
        init() {}
        init(payload: ServiceErrorPayload) {}
    }

    private let waiter = Waiter<String, Status>(
        name: "Ready", minDelay: .seconds(2), maxDelay: .seconds(20),
        acceptors: [
            WaiterAcceptor(state: .success, description: "status == READY") { _, result in (try? result.get())?.value == "READY" },
            WaiterAcceptor(state: .failure, description: "status == FAILED") { _, result in (try? result.get())?.value == "FAILED" },
            WaiterAcceptor(state: .retry, description: "error ResourceNotFoundException") { _, result in
                WaiterAcceptor<String, Status>.isError(result, code: "ResourceNotFoundException")
            },
        ])

    private func run(_ script: Script, maxWaitTime: Duration = .seconds(300), time: VirtualTime = VirtualTime(),
                     random: @escaping (ClosedRange<Double>) -> Double = { $0.upperBound }) async throws -> WaiterResult<Status> {
        try await waiter.wait(
            input: "x", maxWaitTime: maxWaitTime, elapsed: { time.elapsed }, sleep: { time.sleep($0) }, random: random,
            operation: { _ in try script.next() })
    }

    func testRetriesUntilSuccessBackingOffExponentiallyUpToMaxDelay() async throws {
        let time = VirtualTime()
        let pending = Result<Status, any Error>.success(Status(value: "PENDING"))
        let script = Script([.failure(NotFound()), pending, pending, pending, pending, pending, .success(Status(value: "READY"))])
        let result = try await run(script, time: time)
        XCTAssertEqual(result.attempts, 7)
        XCTAssertEqual(result.output?.value, "READY")
        // PENDING matches no acceptor and is no error: retry. With the top of each random range: 2, 4, 8, 16, 20, 20.
        XCTAssertEqual(time.recorded, [.seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20), .seconds(20)])
    }

    func testDelaysAreRandomBetweenMinDelayAndTheCeiling() async throws {
        var ranges: [ClosedRange<Double>] = []
        let recorder = { (range: ClosedRange<Double>) -> Double in ranges.append(range); return range.lowerBound }
        for attempt in 1...6 {
            _ = Waiter<String, Status>.delay(attempt: attempt, minDelay: .seconds(2), maxDelay: .seconds(20), random: recorder)
        }
        XCTAssertEqual(ranges, [2...4, 2...8, 2...16, 2...20, 2...20])
    }

    func testAFailureStateEndsTheWaitNamingTheAcceptor() async throws {
        let script = Script([.success(Status(value: "PENDING")), .success(Status(value: "FAILED"))])
        do {
            _ = try await run(script)
            XCTFail("a failure state must throw")
        } catch WaiterError.failureStateMatched(let name, let acceptor, let attempts) {
            XCTAssertEqual([name, acceptor], ["Ready", "status == FAILED"])
            XCTAssertEqual(attempts, 2)
        }
    }

    func testAnErrorNoAcceptorExpectsEndsTheWait() async throws {
        struct Broken: Error {}
        do {
            _ = try await run(Script([.failure(Broken())]))
            XCTFail("an unexpected error must throw")
        } catch WaiterError.unexpectedError(_, let error, let attempts) {
            XCTAssertTrue(error is Broken)
            XCTAssertEqual(attempts, 1)
        }
    }

    func testTheWaitNeverOutlastsMaxWaitTime() async throws {
        let time = VirtualTime()
        do {
            _ = try await run(Script([.success(Status(value: "PENDING"))]), maxWaitTime: .seconds(30), time: time)
            XCTFail("a wait that never ends must time out")
        } catch WaiterError.timedOut(_, let attempts, let limit) {
            XCTAssertEqual(limit, .seconds(30))
            XCTAssertGreaterThan(attempts, 1)
        }
        XCTAssertLessThanOrEqual(time.elapsed, .seconds(30))
    }

    func testCancellationEndsTheWait() async throws {
        let waiter = self.waiter
        let task = Task {
            try await waiter.wait(input: "x", maxWaitTime: .seconds(600), sleep: { try await Task.sleep(for: $0) }) { _ in
                Status(value: "PENDING")
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled wait must throw")
        } catch is CancellationError {
        }
    }
}
