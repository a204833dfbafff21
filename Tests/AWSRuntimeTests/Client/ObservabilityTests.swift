import AWSRuntime
import Foundation
import XCTest

/// Hooks see every step of a call (endpoint, request, signed request, response or transport error, retry
/// decision), never a secret; the logger writes them at a chosen level; the user agent follows the SDKs' format.
final class ObservabilityTests: XCTestCase {
    private let ok = LoopbackHTTPServer.Reply.status(200, #"{"greeting": "hello"}"#)
    private let unavailable = LoopbackHTTPServer.Reply.status(503, #"{"__type": "ServiceUnavailable"}"#)

    /// Records every hook call as a line.
    final class Recorder: RequestHook, @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        var lines: [String] { lock.withLock { entries } }
        private func add(_ line: String) { lock.withLock { entries.append(line) } }

        func didResolveEndpoint(_ endpoint: URL, region: String, context: RequestHookContext) async {
            add("endpoint \(context.operation) \(region)")
        }
        func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
            add("send \(context.attempt) authorization=\(request.headers["Authorization"] ?? "none")")
        }
        func didSign(_ request: HTTPRequest, context: RequestHookContext) async {
            add("signed \(context.attempt) authorization=\(request.headers["Authorization"] ?? "none") date=\(request.headers["X-Amz-Date"] != nil)")
        }
        func didReceive(_ response: HTTPResponse, context: RequestHookContext) async {
            add("received \(context.attempt) \(response.statusCode)")
        }
        func didFail(_ error: any Error, context: RequestHookContext) async { add("failed \(context.attempt)") }
        func willRetry(after delay: Duration, error: any Error, context: RequestHookContext) async {
            add("retry after \(context.attempt)")
        }
    }

    func testHooksSeeEveryStepOfARetriedCallAndNoSecret() async throws {
        let server = try LoopbackHTTPServer(replies: [unavailable, ok])
        defer { server.stop() }
        let recorder = Recorder()
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL) { $0.hooks = [recorder] })
        XCTAssertEqual(recorder.lines, [
            "endpoint Ping us-east-1",
            "send 1 authorization=none", "signed 1 authorization=<redacted> date=true", "received 1 503",
            "retry after 1",
            "send 2 authorization=none", "signed 2 authorization=<redacted> date=true", "received 2 200",
        ])
    }

    func testATransportFailureReachesTheHooks() async throws {
        let server = try LoopbackHTTPServer(replies: [.close, ok])
        defer { server.stop() }
        let recorder = Recorder()
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL) { $0.hooks = [recorder] })
        XCTAssertTrue(recorder.lines.contains("failed 1"), "\(recorder.lines)")
        XCTAssertTrue(recorder.lines.contains("retry after 1"))
    }

    func testTheLoggerWritesAtItsLevel() async throws {
        for (level, expectsDebugLines) in [(RequestLogger.Level.info, false), (.debug, true)] {
            let server = try LoopbackHTTPServer(replies: [unavailable, ok])
            defer { server.stop() }
            let lines = LineCollector()
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL) {
                $0.hooks = [RequestLogger(level: level, write: lines.append)]
            })
            let text = lines.lines.joined(separator: "\n")
            XCTAssertTrue(text.contains("← Ping attempt 1: HTTP 503"), text)
            XCTAssertTrue(text.contains("↻ Ping: retrying after attempt 1"), text)
            XCTAssertEqual(text.contains("· Ping: endpoint"), expectsDebugLines, text)
            XCTAssertEqual(text.contains("signed headers:"), expectsDebugLines, text)
            XCTAssertFalse(text.contains("Signature="), "the signature never reaches a log: \(text)")
        }
    }

    func testTheUserAgentFollowsTheSDKFormat() async throws {
        let server = try LoopbackHTTPServer(replies: [ok, ok])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL) {
            $0.environment = ["AWS_SDK_UA_APP_ID": "billing app/2"]
        })
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL) { $0.retryMode = .adaptive })
        let agents = server.requests.map { $0.headers["User-Agent"] ?? "" }
        for token in ["swift-aws-codegen/", "ua/2.1", "api/test_service#", "lang/swift#6", "os/"] {
            XCTAssertTrue(agents.allSatisfy { $0.contains(token) }, "\(token) in \(agents)")
        }
        XCTAssertTrue(agents[0].hasSuffix("cfg/retry-mode#standard app/billing-app-2"), agents[0])
        XCTAssertTrue(agents[1].hasSuffix("cfg/retry-mode#adaptive"), agents[1])
    }
}

/// A header that would split into two on the wire is refused before anything is signed or sent.
final class HeaderInjectionTests: XCTestCase {
    struct AddHeader: RequestHook {
        let name: String
        let value: String
        func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
            request.headers.add(name: name, value: value)
        }
    }

    func testALineBreakInAHeaderIsRefusedAndNothingIsSent() async throws {
        for (name, value) in [("X-Note", "a\r\nX-Injected: b"), ("X-Note", "a\nb"), ("X-Note", "nul\u{0}"), ("X Bad", "v")] {
            let server = try LoopbackHTTPServer(replies: [.status(200, "{}")])
            defer { server.stop() }
            do {
                _ = try await TestService.ping(TestService.runtime(url: server.baseURL) { $0.hooks = [AddHeader(name: name, value: value)] })
                XCTFail("expected the request to be refused: \(name)")
            } catch let error as ClientRuntimeError {
                guard case .invalidRequest(_, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("cannot carry"), reason)
                XCTAssertFalse(reason.contains("\r") || reason.contains("\n"), reason)
            }
            XCTAssertEqual(server.requests.count, 0)
        }
    }

    func testOrdinaryHeadersWithTabsAndUnicodeGoThrough() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, "{}")])
        defer { server.stop() }
        _ = try await TestService.ping(TestService.runtime(url: server.baseURL) {
            $0.hooks = [AddHeader(name: "X-Note", value: "tab\there, café")]
        })
        XCTAssertEqual(server.requests.count, 1)
    }
}
