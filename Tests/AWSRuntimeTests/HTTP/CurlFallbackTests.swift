import Foundation
import XCTest

@testable import AWSRuntime

#if os(Linux)
    /// Where libcurl cannot be opened (a fully static binary), the Linux default still sends, through URLSession.
    final class CurlFallbackTests: XCTestCase {
        func testWithoutLibcurlRequestsGoThroughURLSessionWithTheSameLimit() async throws {
            let server = try LoopbackHTTPServer(replies: [.status(200, "via URLSession"), .status(200, String(repeating: "x", count: 2048))])
            defer { server.stop() }
            let client = CurlHTTPClient(maximumResponseBodySize: 1024, loadsLibcurl: { false })
            let response = try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(5))
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "via URLSession")
            do {
                _ = try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(5))
                XCTFail("expected the body to be refused")
            } catch let error as HTTPClientError {
                XCTAssertEqual(error, .responseTooLarge(limit: 1024))
            }
        }
    }
#endif
