import AWSRuntime
import Foundation
import XCTest

/// Standard retry mode against a real socket server that answers from a script.
final class RetryBehaviourTests: XCTestCase {
    private let ok = LoopbackHTTPServer.Reply.status(200, #"{"greeting": "hello"}"#, headers: ["x-amzn-RequestId": "ok-1"])

    private func json(_ status: Int, _ code: String, requestId: String = "req") -> LoopbackHTTPServer.Reply {
        .status(status, #"{"__type": "com.test#\#(code)", "message": "\#(code) happened"}"#, headers: ["x-amzn-RequestId": requestId])
    }

    func testServiceUnavailableThenSuccessIsRetriedOnceWithABackoff() async throws {
        let server = try LoopbackHTTPServer(replies: [json(503, "ServiceUnavailable"), ok])
        defer { server.stop() }
        let sleeps = SleepRecorder()
        let output = try await TestService.ping(TestService.runtime(url: server.baseURL, sleeps: sleeps))
        XCTAssertEqual(output.greeting, "hello")
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(sleeps.recorded.count, 1)
        XCTAssertLessThanOrEqual(sleeps.recorded[0], .seconds(1), "first backoff is at most the base delay")
    }

    func testThrottlingCodesAreRetriedWhateverTheirStatus() async throws {
        let server = try LoopbackHTTPServer(replies: [json(400, "ThrottlingException"), ok])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
        XCTAssertEqual(server.requests.count, 2)
    }

    func testModelledRetryableErrorIsRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [json(400, "Flaky"), ok])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
        XCTAssertEqual(server.requests.count, 2)
    }

    func testOtherClientErrorsAreNotRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [json(400, "ValidationException", requestId: "bad-1"), ok])
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
            XCTFail("expected an error")
        } catch let error as TestService.Failure {
            XCTAssertEqual(error.errorCode, "ValidationException")
            XCTAssertEqual(error.message, "ValidationException happened")
            XCTAssertEqual(error.context.statusCode, 400)
            XCTAssertEqual(error.context.requestId, "bad-1")
        }
        XCTAssertEqual(server.requests.count, 1)
    }

    func testConnectionResetThenSuccessIsRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [.close, ok])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
        XCTAssertEqual(server.requests.count, 2)
    }

    func testGivesUpAfterMaxAttemptsWithTheLastError() async throws {
        let server = try LoopbackHTTPServer(replies: [json(500, "InternalFailure"), json(502, "BadGateway"), json(503, "Unavailable"), ok])
        defer { server.stop() }
        let sleeps = SleepRecorder()
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL, sleeps: sleeps))
            XCTFail("expected an error")
        } catch let error as TestService.Failure {
            XCTAssertEqual(error.errorCode, "Unavailable")
        }
        XCTAssertEqual(server.requests.count, 3, "3 attempts by default")
        XCTAssertEqual(sleeps.recorded.count, 2)
    }

    func testMaxAttemptsFromTheEnvironment() async throws {
        let server = try LoopbackHTTPServer(replies: [json(500, "A"), json(500, "B"), json(500, "C"), json(500, "D"), json(500, "E")])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL) { $0.environment = ["AWS_MAX_ATTEMPTS": "5"] }
        _ = try? await TestService.ping(runtime)
        XCTAssertEqual(server.requests.count, 5)
    }

    func testEveryAttemptIsSignedAfresh() async throws {
        let server = try LoopbackHTTPServer(replies: [json(503, "Unavailable"), ok])
        defer { server.stop() }
        let keys = RotatingCredentials()
        let runtime = TestService.runtime(url: server.baseURL) { $0.credentialProvider = keys }
        _ = try await TestService.ping(runtime)
        let credentials = server.requests.map { $0.headers["Authorization"]?.components(separatedBy: "Credential=").last?.prefix(6) }
        XCTAssertEqual(credentials, ["AKID1/", "AKID2/"])
        XCTAssertEqual(server.requests[0].body, server.requests[1].body)
    }

    func testClockSkewIsCorrectedOnceAndRetried() async throws {
        let serverDate = Date().addingTimeInterval(3600)
        let skewed = LoopbackHTTPServer.Reply.status(
            403, #"{"__type": "InvalidSignatureException", "message": "Signature expired"}"#,
            headers: ["Date": TimestampFormat.httpDate.string(from: serverDate)])
        let server = try LoopbackHTTPServer(replies: [skewed, ok])
        defer { server.stop() }
        let sleeps = SleepRecorder()
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL, sleeps: sleeps))
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(sleeps.recorded.count, 0, "a clock correction retries at once")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let signedAt = try XCTUnwrap(server.requests[1].headers["X-Amz-Date"].flatMap(formatter.date(from:)))
        XCTAssertEqual(signedAt.timeIntervalSince(serverDate), 0, accuracy: 5)
    }

    func testRetryQuotaEmptiesAndRefills() {
        let quota = RetryQuota()
        var retries = 0
        while quota.acquire(isTimeout: false) != nil { retries += 1 }
        XCTAssertEqual(retries, 100, "500 tokens at 5 per retry")
        quota.release(retryCost: 5)
        XCTAssertEqual(quota.available, 5)
        XCTAssertNil(quota.acquire(isTimeout: true), "a timeout retry costs 10")
        XCTAssertNotNil(quota.acquire(isTimeout: false))
    }

    func testBackoffIsFullJitterCappedAtTwentySeconds() {
        let strategy = RetryStrategy()
        XCTAssertEqual(strategy.backoff(forRetry: 1, random: 1), .seconds(1))
        XCTAssertEqual(strategy.backoff(forRetry: 3, random: 1), .seconds(4))
        XCTAssertEqual(strategy.backoff(forRetry: 10, random: 1), .seconds(20))
        XCTAssertEqual(strategy.backoff(forRetry: 10, random: 0), .zero)
        XCTAssertEqual(strategy.backoff(forRetry: 2, random: 0.5), .seconds(1))
    }
}

/// Returns different keys on each call, to show each attempt asks for (and signs with) fresh credentials.
final class RotatingCredentials: CredentialProvider, @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    func credentials() async throws -> AWSCredentials {
        let number: Int = lock.withLock {
            calls += 1
            return calls
        }
        return AWSCredentials(accessKeyId: "AKID\(number)", secretAccessKey: "secret\(number)")
    }
}
