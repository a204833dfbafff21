import Foundation
import XCTest

@testable import AWSRuntime

/// A redirect would carry the signature, the session token and the body to whatever host `Location` names:
/// the default transport never follows one, for signed calls and credential endpoints alike.
final class RedirectRefusalTests: XCTestCase {
    /// Server B, where every redirect points; it must never receive a request.
    private func redirectTarget() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(replies: [.status(200, #"{"greeting": "stolen"}"#)])
    }

    private func redirect(_ status: Int, to target: LoopbackHTTPServer, path: String = "/") -> LoopbackHTTPServer.Reply {
        .status(status, "", headers: ["Location": "\(target.baseURL)\(path)"])
    }

    func testA307ToAnotherHostIsNotFollowedAndFailsWithTheStatusAndTarget() async throws {
        let target = try redirectTarget()
        defer { target.stop() }
        let server = try LoopbackHTTPServer(replies: [redirect(307, to: target), redirect(307, to: target)])
        defer { server.stop() }
        var request = HTTPRequest(method: "POST", url: server.baseURL, body: Data(#"{"secret": 1}"#.utf8))
        request.headers.add(name: "Authorization", value: "AWS4-HMAC-SHA256 Credential=AKID/…, Signature=abc")
        request.headers.add(name: "X-Amz-Security-Token", value: "session-token")
        for (name, client) in Transports.all() {
            do {
                let response = try await client.send(request, timeout: .seconds(5))
                XCTFail("\(name): expected the redirect to fail, got HTTP \(response.statusCode)")
            } catch let error as HTTPClientError {
                XCTAssertEqual(error, .redirectNotFollowed(statusCode: 307, location: "http://127.0.0.1:\(target.port)"), name)
            }
        }
        XCTAssertEqual(server.requests.count, Transports.all().count)
        XCTAssertEqual(target.requests, [])
    }

    func testA308IsNotFollowedEither() async throws {
        let target = try redirectTarget()
        defer { target.stop() }
        let reply = redirect(308, to: target, path: "/elsewhere?token=x")
        let server = try LoopbackHTTPServer(replies: [reply, reply])
        defer { server.stop() }
        for (name, client) in Transports.all() {
            do {
                _ = try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(5))
                XCTFail("\(name): expected the redirect to fail")
            } catch let error as HTTPClientError {
                // The target's path and query (which may hold a token) are not quoted.
                XCTAssertEqual(error, .redirectNotFollowed(statusCode: 308, location: "http://127.0.0.1:\(target.port)"), name)
            }
        }
        XCTAssertEqual(target.requests, [])
    }

    func testASignedCallAnsweredWithARedirectFailsOnceWithoutRetryingOrFollowing() async throws {
        let target = try redirectTarget()
        defer { target.stop() }
        let server = try LoopbackHTTPServer(replies: [redirect(307, to: target), redirect(307, to: target)])
        defer { server.stop() }
        do {
            _ = try await TestService.ping(TestService.runtime(url: server.baseURL))
            XCTFail("expected the redirect to fail the call")
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .redirectNotFollowed(statusCode: 307, location: "http://127.0.0.1:\(target.port)"))
        }
        XCTAssertEqual(server.requests.count, 1, "a redirect is not retried")
        XCTAssertEqual(target.requests, [])
    }

    func testTheContainerCredentialTokenDoesNotFollowARedirect() async throws {
        let target = try redirectTarget()
        defer { target.stop() }
        let server = try LoopbackHTTPServer(replies: [redirect(307, to: target, path: "/creds")])
        defer { server.stop() }
        let provider = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.baseURL)/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-token",
            ], httpClient: DefaultHTTPClient())
        do {
            _ = try await provider.credentials()
            XCTFail("expected the redirect to fail")
        } catch let error as CredentialProviderError {
            guard case .failed(provider: "container", let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("HTTP 307, a redirect to http://127.0.0.1:\(target.port)"), reason)
        }
        XCTAssertEqual(server.requests.first?.headers["Authorization"], "container-token")
        XCTAssertEqual(target.requests, [])
    }

    func testTheInstanceMetadataTokenRequestDoesNotFollowARedirect() async throws {
        let target = try redirectTarget()
        defer { target.stop() }
        let server = try LoopbackHTTPServer(replies: [redirect(307, to: target, path: "/latest/api/token")])
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL.absoluteString],
            httpClient: DefaultHTTPClient())
        do {
            _ = try await provider.credentials()
            XCTFail("expected the redirect to fail")
        } catch let error as CredentialProviderError {
            // A redirect is a wrong answer, not the absence of a metadata service: the chain stops here.
            guard case .failed(provider: IMDSCredentialProvider.name, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("HTTP 307, a redirect"), reason)
        }
        XCTAssertEqual(target.requests, [])
    }

    func testTheInstanceMetadataRoleRequestDoesNotSendItsTokenOnARedirect() async throws {
        let target = try redirectTarget()
        defer { target.stop() }
        let server = try LoopbackHTTPServer(replies: [
            .status(200, "imds-token"), redirect(307, to: target, path: "/latest/meta-data/iam/security-credentials/"),
        ])
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL.absoluteString],
            httpClient: DefaultHTTPClient())
        do {
            _ = try await provider.credentials()
            XCTFail("expected the redirect to fail")
        } catch let error as CredentialProviderError {
            guard case .failed = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(target.requests, [])
    }
}

/// FoundationNetworking reads `URLRequest.timeoutInterval` in whole seconds: a sub-second attempt timeout must
/// not turn into an immediate one.
final class SubSecondTimeoutTests: XCTestCase {
    func testAnAnswerWithinASubSecondAttemptTimeoutArrives() async throws {
        let reply = LoopbackHTTPServer.Reply.delayed(.milliseconds(300), .status(200, "late but in time"))
        let server = try LoopbackHTTPServer(replies: [reply, reply])
        defer { server.stop() }
        for (name, client) in Transports.all() {
            let response = try await client.send(HTTPRequest(method: "GET", url: server.baseURL), timeout: .milliseconds(900))
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "late but in time", name)
        }
    }
}
