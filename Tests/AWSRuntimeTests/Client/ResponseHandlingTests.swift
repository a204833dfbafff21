import AWSRuntime
import Foundation
import XCTest

/// Bad responses become typed errors, never crashes; request ids and timeouts reach the caller.
final class ResponseHandlingTests: XCTestCase {
    func testXMLForbiddenFromAProxyBecomesAClearError() async throws {
        let xml = #"<?xml version="1.0"?><ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>no</Message></Error></ErrorResponse>"#
        let server = try LoopbackHTTPServer(replies: [.status(403, xml, headers: ["Content-Type": "text/xml", "x-amzn-RequestId": "x-1"])])
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
            XCTFail("expected an error")
        } catch let ClientRuntimeError.unexpectedResponse(operation, status, code, requestId, excerpt) {
            XCTAssertEqual(operation, "Ping")
            XCTAssertEqual(status, 403)
            XCTAssertEqual(code, "SignatureDoesNotMatch")
            XCTAssertEqual(requestId, "x-1")
            XCTAssertTrue(excerpt.hasPrefix("<?xml"))
        }
        XCTAssertEqual(server.requests.count, 1, "a 403 is not retried")
    }

    func testHTMLBadGatewayIsRetriedThenReportedWithABoundedExcerpt() async throws {
        let page = "<html><body>" + String(repeating: "Bad Gateway ", count: 500_000) + "</body></html>"  // ~6 MB
        let server = try LoopbackHTTPServer(replies: Array(repeating: .status(502, page, headers: ["Content-Type": "text/html"]), count: 3))
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
            XCTFail("expected an error")
        } catch let error as ClientRuntimeError {
            guard case let .unexpectedResponse(_, status, code, _, excerpt) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(status, 502)
            XCTAssertNil(code)
            XCTAssertLessThanOrEqual(excerpt.count, 513)
            XCTAssertTrue(error.description.hasPrefix("Ping failed with HTTP 502: <html><body>Bad Gateway"))
        }
        XCTAssertEqual(server.requests.count, 3)
    }

    func testGarbageSuccessBodyIsAnInvalidResponseNotACrash() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, #"{"greeting": tru"#, headers: ["x-amzn-RequestId": "g-1"])])
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
            XCTFail("expected an error")
        } catch let ClientRuntimeError.invalidResponse(operation, _, requestId, excerpt) {
            XCTAssertEqual(operation, "Ping")
            XCTAssertEqual(requestId, "g-1")
            // A success body may carry secrets, so it is described, not quoted.
            XCTAssertEqual(excerpt, "(16 bytes of unknown type not shown)")
        }
    }

    func testWrongTypeInSuccessBodyNamesThePath() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, #"{"greeting": 5}"#)])
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
            XCTFail("expected an error")
        } catch let ClientRuntimeError.invalidResponse(_, reason, _, _) {
            XCTAssertTrue(reason.contains("greeting"), reason)
        }
    }

    func testEmptySuccessBodyIsAcceptedAndUnknownMembersIgnored() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, ""), .status(200, #"{"greeting": "x", "new": [1]}"#)])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL)
        let first = try await TestService.ping(runtime)
        XCTAssertEqual(first, TestService.PingOutput(greeting: nil))
        let second = try await TestService.ping(runtime)
        XCTAssertEqual(second.greeting, "x")
    }

    func testStalledResponseTimesOutEachAttempt() async throws {
        let stalled = LoopbackHTTPServer.Reply.delayed(.seconds(3), .status(200, "{}"))
        let server = try LoopbackHTTPServer(replies: [stalled, stalled])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL) {
            $0.attemptTimeout = .milliseconds(300)
            $0.maxAttempts = 2
        }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await TestService.ping(runtime)
            XCTFail("expected a timeout")
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .timedOut)
        }
        XCTAssertLessThan(clock.now - started, .seconds(6))
    }

    func testWholeOperationTimeout() async throws {
        let server = try LoopbackHTTPServer(replies: [.delayed(.seconds(3), .status(200, "{}"))])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL) { $0.operationTimeout = .milliseconds(300) }
        do {
            _ = try await TestService.ping(runtime)
            XCTFail("expected a timeout")
        } catch let error as ClientRuntimeError {
            XCTAssertEqual(error, .operationTimedOut(operation: "Ping", limit: .milliseconds(300)))
        }
    }

    func testCancellationStopsTheRequestInFlightAndDoesNotRetry() async throws {
        let server = try LoopbackHTTPServer(replies: [.delayed(.seconds(3), .status(200, "{}")), .status(200, "{}")])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL)
        let task = Task { try await TestService.ping(runtime) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError || (error as? HTTPClientError) == .cancelled, "\(error)")
        }
        XCTAssertLessThan(clock.now - started, .seconds(2))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testRequestCarriesProtocolHeadersAndUserAgent() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, "{}")])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.target, "/")
        XCTAssertEqual(request.headers["X-Amz-Target"], "TestService_20240101.Ping")
        XCTAssertEqual(request.headers["Content-Type"], "application/x-amz-json-1.1")
        XCTAssertEqual(request.headers["Content-Length"], String(request.body.count))
        XCTAssertTrue(request.headers["User-Agent"]?.hasPrefix("swift-aws-codegen/") ?? false)
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self), #"{"name":"hi"}"#)
        XCTAssertTrue(request.headers["Authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") ?? false)
    }

    func testHooksSeeEveryResponseWithItsRequestIDButNeverTheSignature() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, "{}", headers: ["x-amzn-RequestId": "seen-1"])])
        defer { server.stop() }
        let lines = LineCollector()
        let runtime = TestService.runtime(url: server.baseURL) { $0.hooks = [RequestLogger(write: lines.append)] }
        _ = try await TestService.ping(runtime)
        XCTAssertEqual(lines.lines.count, 2)
        XCTAssertTrue(lines.lines[1].contains("request id seen-1"), lines.lines[1])
        XCTAssertFalse(lines.lines.joined().contains("wJalrXUtnFEMI"))
        XCTAssertFalse(lines.lines.joined().contains("Signature="))
    }

    func testEndpointFromTheServiceSpecificEnvironmentVariable() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, "{}")])
        defer { server.stop() }
        let runtime = TestService.runtime(url: URL(string: "http://unused.invalid")!) {
            $0.endpointURL = nil
            $0.environment = ["AWS_ENDPOINT_URL_TEST_SERVICE": server.baseURL.absoluteString,
                              "AWS_ENDPOINT_URL": "http://127.0.0.1:1"]
        }
        _ = try await TestService.ping(runtime)
        XCTAssertEqual(server.requests.count, 1)
    }

    func testInvalidInputIsRejectedBeforeAnyRequest() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, "{}")])
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL), name: "")
            XCTFail("expected a ValidationError")
        } catch let error as ValidationError {
            XCTAssertEqual(error.description, "invalid Ping input (1 violation):\n  - name: length 0 is less than the minimum 1")
        }
        XCTAssertEqual(server.requests.count, 0)
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    var append: @Sendable (String) -> Void {
        { [self] line in lock.withLock { collected.append(line) } }
    }

    var lines: [String] { lock.withLock { collected } }
}

extension ResponseHandlingTests {
    /// A response that keeps trickling bytes never goes idle, yet the attempt still ends at its timeout.
    func testTheAttemptTimeoutLimitsTheWholeAttemptNotJustIdleTime() async throws {
        let client = URLSessionHTTPClient()
        let server = try LoopbackHTTPServer(replies: [.trickle(bodyBytes: 50, interval: .milliseconds(100))])
        defer { server.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .milliseconds(800))
            XCTFail("expected a timeout")
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .timedOut)
        }
        XCTAssertLessThan(clock.now - started, .seconds(3))
    }
}
