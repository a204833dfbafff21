import Foundation
import XCTest

@testable import AWSRuntime

/// A response body is read into memory only up to the transport's limit, counted after content decoding, and
/// the transfer stops as soon as the limit is passed.
final class ResponseBodyLimitTests: XCTestCase {
    private let limit = 1 << 20

    private func send(_ reply: LoopbackHTTPServer.Reply, limit: Int? = nil, timeout: Duration = .seconds(20))
        async throws -> HTTPResponse
    {
        let server = try LoopbackHTTPServer(replies: [reply])
        defer { server.stop() }
        let client = URLSessionHTTPClient(maximumResponseBodySize: limit ?? self.limit)
        return try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: timeout)
    }

    private func assertTooLarge(_ reply: LoopbackHTTPServer.Reply, file: StaticString = #filePath, line: UInt = #line)
        async throws
    {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await send(reply)
            XCTFail("expected the body to be refused, got \(response.body.count) bytes", file: file, line: line)
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .responseTooLarge(limit: limit), file: file, line: line)
        }
        XCTAssertLessThan(clock.now - started, .seconds(10), "stopped at the limit, not at the timeout", file: file, line: line)
    }

    func testTheDefaultLimitIs64MiB() {
        XCTAssertEqual(URLSessionHTTPClient.defaultMaximumResponseBodySize, 67_108_864)
        XCTAssertEqual(URLSessionHTTPClient().maximumResponseBodySize, 67_108_864)
        XCTAssertEqual(ClientConfiguration().maximumResponseBodySize, 67_108_864)
    }

    func testABodyOfExactlyTheLimitIsRead() async throws {
        let response = try await send(.status(200, String(repeating: "x", count: limit)))
        XCTAssertEqual(response.body.count, limit)
    }

    func testABodyOneByteOverTheLimitFails() async throws {
        try await assertTooLarge(.status(200, String(repeating: "x", count: limit + 1)))
    }

    func testAnEndlessBodyUntilCloseStopsAtTheLimit() async throws {
        try await assertTooLarge(.endless(
            head: "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", chunk: Data(repeating: 0x78, count: 16_384)))
    }

    func testAnEndlessChunkedBodyStopsAtTheLimit() async throws {
        let chunk = Data("4000\r\n".utf8) + Data(repeating: 0x78, count: 0x4000) + Data("\r\n".utf8)
        try await assertTooLarge(.endless(
            head: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunk: chunk))
    }

    func testAGzipBodyUnderTheLimitIsDecoded() async throws {
        let response = try await send(.response(HTTPResponse(
            statusCode: 200, headers: ["Content-Encoding": "gzip"], body: GzipBomb.make(inflatingTo: 100_000))))
        XCTAssertEqual(response.body, Data(count: 100_000))
    }

    func testTheClientConfigurationLimitReachesTheDefaultTransportAndIsNotRetried() async throws {
        let server = try LoopbackHTTPServer(replies: [
            .status(200, #"{"greeting": "\#(String(repeating: "x", count: 2048))"}"#), .status(200, "{}"),
        ])
        defer { server.stop() }
        let runtime = TestService.runtime(url: server.baseURL) { $0.maximumResponseBodySize = 1024 }
        do {
            _ = try await TestService.ping(runtime)
            XCTFail("expected the body to be refused")
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .responseTooLarge(limit: 1024))
        }
        XCTAssertEqual(server.requests.count, 1)
    }
}
