import Foundation
import XCTest

@testable import AWSRuntime

/// A connection that ends at any point of the response, with an orderly close or a reset, is a typed
/// connection failure of the default transport: never a crash, never a hang.
///
/// On Linux, FoundationNetworking stops the process when the close comes in the middle of the headers
/// (`Fatal error: Transfer completed, but there's no response.`, swift-corelibs-foundation #5285); this suite
/// would crash the test run with URLSessionHTTPClient, which is why the Linux default is libcurl.
final class ConnectionCutTests: XCTestCase {
    /// What the server sends before the connection ends.
    private let stages: [(name: String, bytes: String)] = [
        ("nothing", ""),
        ("half a status line", "HTTP/1.1 20"),
        ("a status line", "HTTP/1.1 200 OK\r\n"),
        ("half a header", "HTTP/1.1 200 OK\r\nContent-Ty"),
        ("a header line", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"),
        ("the head, no body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"),
        ("part of the body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\""),
        ("part of a chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"a\""),
    ]

    private func assertConnectionFailure(_ reply: LoopbackHTTPServer.Reply, _ stage: String) async throws {
        let server = try LoopbackHTTPServer(replies: [reply])
        defer { server.stop() }
        do {
            let response = try await DefaultHTTPClient().send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(5))
            XCTFail("\(stage): expected a connection failure, got HTTP \(response.statusCode)")
        } catch let error as HTTPClientError {
            guard case .connectionFailed = error else { return XCTFail("\(stage): \(error)") }
        }
    }

    func testAnOrderlyCloseAtEveryStageIsAConnectionFailure() async throws {
        for (name, bytes) in stages {
            try await assertConnectionFailure(.raw(Data(bytes.utf8)), "close after \(name)")
        }
    }

    func testAResetAtEveryStageIsAConnectionFailure() async throws {
        for (name, bytes) in stages {
            try await assertConnectionFailure(.reset(after: Data(bytes.utf8)), "reset after \(name)")
        }
    }

    func testACloseMidHeadersFailsWithAReadableReason() async throws {
        let server = try LoopbackHTTPServer(replies: [.raw(Data("HTTP/1.1 200 OK\r\nContent-Ty".utf8))])
        defer { server.stop() }
        do {
            _ = try await DefaultHTTPClient().send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(5))
            XCTFail("expected a connection failure")
        } catch let error as HTTPClientError {
            #if os(Linux)
                XCTAssertEqual(error, .connectionFailed("the connection closed before the response headers were complete"))
            #else
                guard case .connectionFailed = error else { return XCTFail("\(error)") }
            #endif
        }
    }
}
