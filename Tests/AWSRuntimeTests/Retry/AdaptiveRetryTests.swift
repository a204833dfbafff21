import AWSRuntime
import Foundation
import XCTest

/// Adaptive retry mode's client-side rate limiter, on a fake clock.
final class ClientRateLimiterTests: XCTestCase {
    func testItLetsEverythingThroughUntilTheFirstThrottlingError() {
        let limiter = ClientRateLimiter(now: 100)
        for step in 0..<50 {
            let now = 100 + Double(step) * 0.01
            XCTAssertEqual(limiter.acquire(now: now), .zero)
            limiter.update(isThrottling: false, now: now)
        }
        XCTAssertFalse(limiter.isEnabled)
    }

    func testAThrottlingErrorCutsTheRateAndQueuesTheNextRequests() {
        let limiter = ClientRateLimiter(now: 0)
        // 10 requests a second for 3 seconds, then a throttling error.
        var now = 0.0
        for _ in 0..<30 {
            _ = limiter.acquire(now: now)
            limiter.update(isThrottling: false, now: now)
            now += 0.1
        }
        limiter.update(isThrottling: true, now: now)
        XCTAssertTrue(limiter.isEnabled)
        let rate = limiter.fillRate
        XCTAssertEqual(rate, 7, accuracy: 1.5, "70% of the measured 10 requests a second")
        // A burst at one instant: once the bucket's tokens are spent, each request waits one more token's time
        // than the one before.
        let waits = (0..<20).map { _ in limiter.acquire(now: now).seconds }
        let queued = waits.filter { $0 > 0 }
        XCTAssertGreaterThanOrEqual(queued.count, 10, "\(waits)")
        for (earlier, later) in zip(queued, queued.dropFirst()) {
            XCTAssertEqual(later - earlier, 1 / rate, accuracy: 1e-9)
        }
    }

    func testTheRateGrowsBackAlongTheCubicAsCallsSucceed() {
        let limiter = ClientRateLimiter(now: 0)
        var now = 0.0
        for _ in 0..<30 {
            limiter.update(isThrottling: false, now: now)
            now += 0.1
        }
        limiter.update(isThrottling: true, now: now)
        let afterThrottle = limiter.fillRate
        var rates: [Double] = []
        for _ in 0..<40 {
            now += 0.25
            limiter.update(isThrottling: false, now: now)
            rates.append(limiter.fillRate)
        }
        XCTAssertGreaterThan(rates.last!, afterThrottle)
        XCTAssertGreaterThanOrEqual(rates.min()!, 0.5, "never below the minimum fill rate")
    }
}

/// The retry modes against a socket server that throttles.
final class AdaptiveRetryModeTests: XCTestCase {
    private let ok = LoopbackHTTPServer.Reply.status(200, #"{"greeting": "hello"}"#)
    private let throttled = LoopbackHTTPServer.Reply.status(400, #"{"__type": "ThrottlingException", "message": "slow down"}"#)

    /// The waits of a call answered by three throttling errors and then success; backoffs are at most a few ms, so
    /// any longer wait is the rate limiter's.
    private func waits(configure: @escaping (inout ClientConfiguration) -> Void) async throws -> [Duration] {
        let server = try LoopbackHTTPServer(replies: [throttled, throttled, throttled, ok])
        defer { server.stop() }
        let sleeps = SleepRecorder()
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL, sleeps: sleeps) { configuration in
            configuration.retryStrategy = RetryStrategy(maxAttempts: 5, baseDelay: .milliseconds(1))
            configure(&configuration)
        })
        XCTAssertEqual(server.requests.count, 4)
        return sleeps.recorded
    }

    func testStandardModeOnlyBacksOff() async throws {
        let waits = try await waits { _ in }
        XCTAssertEqual(waits.count, 3)
        XCTAssertTrue(waits.allSatisfy { $0 <= .milliseconds(4) }, "\(waits)")
    }

    func testAdaptiveModeAlsoWaitsForTheRateLimiter() async throws {
        let waits = try await waits { $0.retryMode = .adaptive }
        XCTAssertGreaterThan(waits.count, 3)
        XCTAssertTrue(waits.contains { $0 >= .seconds(1) }, "after throttling the limiter allows at most a few calls a second: \(waits)")
    }

    func testAdaptiveModeFromTheEnvironment() async throws {
        let waits = try await waits { $0.environment = ["AWS_RETRY_MODE": "adaptive"] }
        XCTAssertTrue(waits.contains { $0 >= .seconds(1) }, "\(waits)")
    }

    func testRetryModeSettingsAreRead() {
        XCTAssertEqual(RetryMode(setting: "ADAPTIVE"), .adaptive)
        XCTAssertEqual(RetryMode(setting: "legacy"), .standard)
        XCTAssertNil(RetryMode(setting: "turbo"))
    }
}

/// A quota error the model lists as not retryable is final, even though its code is on the SDKs' throttling list.
final class ModelledQuotaErrorTests: XCTestCase {
    struct QuotaFailure: ServiceError {
        let errorCode: String
        let message: String?
        let context: ServiceErrorContext
        var fault: ErrorFault { .client }
        var isRetryable: Bool { false }
        var isThrottling: Bool { false }
        var isModelled: Bool { errorCode == "LimitExceededException" }
        var description: String { errorCode }

        init(payload: ServiceErrorPayload) {
            errorCode = payload.code
            message = payload.message
            context = payload.context
        }
    }

    private let limit = LoopbackHTTPServer.Reply.status(400, #"{"__type": "LimitExceededException", "message": "too many tables"}"#)
    private let ok = LoopbackHTTPServer.Reply.status(200, #"{"greeting": "hello"}"#)

    func testAModelledNonRetryableQuotaErrorIsNotRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [limit, ok])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL)
        do {
            _ = try await runtime.invoke(operation: "Ping", input: TestService.PingInput(name: "hi"),
                                         output: TestService.PingOutput.self, error: QuotaFailure.self)
            XCTFail("expected the quota error")
        } catch let error as QuotaFailure {
            XCTAssertEqual(error.errorCode, "LimitExceededException")
        }
        XCTAssertEqual(server.requests.count, 1)
    }

    func testTheSameCodeUnmodelledIsRetriedAsThrottling() async throws {
        let server = try LoopbackHTTPServer(replies: [limit, ok])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
        XCTAssertEqual(server.requests.count, 2)
    }
}
