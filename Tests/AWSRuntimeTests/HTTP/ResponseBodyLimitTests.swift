import Foundation
import XCTest

@testable import AWSRuntime

/// A response body is read into memory only up to the transport's limit, counted after content decoding, and
/// the transfer stops as soon as the limit is passed.
final class ResponseBodyLimitTests: XCTestCase {
    private let limit = 1 << 20

    private func send(_ reply: LoopbackHTTPServer.Reply, with client: any HTTPClient) async throws -> HTTPResponse {
        let server = try LoopbackHTTPServer(replies: [reply])
        defer { server.stop() }
        return try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(20))
    }

    private func assertTooLarge(
        _ reply: LoopbackHTTPServer.Reply, transports: [(name: String, client: any HTTPClient)]? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        for (name, client) in transports ?? Transports.all(maximumResponseBodySize: limit) {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                let response = try await send(reply, with: client)
                XCTFail("\(name): expected the body to be refused, got \(response.body.count) bytes", file: file, line: line)
            } catch let error as HTTPClientError {
                XCTAssertEqual(error, .responseTooLarge(limit: limit), name, file: file, line: line)
            }
            XCTAssertLessThan(clock.now - started, .seconds(10), "\(name): stopped at the limit, not at the timeout",
                              file: file, line: line)
        }
    }

    func testTheDefaultLimitIs64MiB() {
        XCTAssertEqual(URLSessionHTTPClient.defaultMaximumResponseBodySize, 67_108_864)
        XCTAssertEqual(URLSessionHTTPClient().maximumResponseBodySize, 67_108_864)
        XCTAssertEqual(DefaultHTTPClient().maximumResponseBodySize, 67_108_864)
        XCTAssertEqual(ClientConfiguration().maximumResponseBodySize, 67_108_864)
    }

    func testABodyOfExactlyTheLimitIsRead() async throws {
        for (name, client) in Transports.all(maximumResponseBodySize: limit) {
            let response = try await send(.status(200, String(repeating: "x", count: limit)), with: client)
            XCTAssertEqual(response.body.count, limit, name)
        }
    }

    func testABodyOneByteOverTheLimitFails() async throws {
        try await assertTooLarge(.status(200, String(repeating: "x", count: limit + 1)))
    }

    /// The default transport only: FoundationNetworking on Linux queues what it reads ahead of its delegate, so
    /// there a cancel can land long after the limit when the server sends as fast as loopback allows.
    private var defaultTransport: [(name: String, client: any HTTPClient)] {
        [("default", DefaultHTTPClient(maximumResponseBodySize: limit))]
    }

    func testAnEndlessBodyUntilCloseStopsAtTheLimit() async throws {
        try await assertTooLarge(
            .endless(head: "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", chunk: Data(repeating: 0x78, count: 16_384)),
            transports: defaultTransport)
    }

    func testAnEndlessChunkedBodyStopsAtTheLimit() async throws {
        let chunk = Data("4000\r\n".utf8) + Data(repeating: 0x78, count: 0x4000) + Data("\r\n".utf8)
        try await assertTooLarge(
            .endless(head: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunk: chunk),
            transports: defaultTransport)
    }

    func testAGzipBodyUnderTheLimitIsDecoded() async throws {
        for (name, client) in Transports.all(maximumResponseBodySize: limit) {
            let response = try await send(.response(HTTPResponse(
                statusCode: 200, headers: ["Content-Encoding": "gzip"], body: GzipBomb.make(inflatingTo: 100_000))), with: client)
            XCTAssertEqual(response.body, Data(count: 100_000), name)
        }
    }

    /// 6.6 MB on the wire that would inflate to 1 GiB: stopped at 1 MiB of decoded bytes, without the process
    /// growing by anything like the inflated size. (FoundationNetworking inflates ahead of its delegate, which
    /// is one reason the default transport on Linux is libcurl.)
    func testAGzipBombStopsAtTheLimitOfDecodedBytesWithoutGrowingMemory() async throws {
        let bomb = GzipBomb.make(inflatingTo: 1 << 30)
        let measured = ProcessMemory.resetPeak()
        let before = ProcessMemory.residentBytes ?? 0
        try await assertTooLarge(
            .response(HTTPResponse(statusCode: 200, headers: ["Content-Encoding": "gzip"], body: bomb)),
            transports: defaultTransport)
        if measured, let peak = ProcessMemory.peakResidentBytes {
            XCTAssertLessThan(peak - before, 64 << 20, "peak resident memory grew by \(peak - before) bytes")
        }
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
