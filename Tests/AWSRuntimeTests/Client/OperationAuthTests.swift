import Foundation
import XCTest

@testable import AWSRuntime

/// The three ways an operation authenticates: SigV4, a bearer token, or not at all.
final class OperationAuthTests: XCTestCase {
    /// Keeps every request and answers `{}`.
    final class Capture: HTTPClient, @unchecked Sendable {
        private let lock = NSLock()
        private var sent: [HTTPRequest] = []
        var requests: [HTTPRequest] { lock.withLock { sent } }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            lock.withLock { sent.append(request) }
            return HTTPResponse(statusCode: 200, body: Data("{}".utf8))
        }
    }

    struct FixedToken: TokenProvider {
        var value = "token-8f2a"
        func token() async throws -> BearerToken { BearerToken(token: value) }
    }

    /// Fails the test if asked: anonymous calls must not read credentials.
    struct NoCredentials: CredentialProvider {
        func credentials() async throws -> AWSCredentials {
            XCTFail("credentials were read for an anonymous call")
            throw CredentialProviderError.notConfigured(provider: "test", reason: "none")
        }
    }

    private func runtime(_ url: String, transport: Capture, tokens: (any TokenProvider)?,
                         credentials: (any CredentialProvider)? = nil) -> ServiceRuntime {
        ServiceRuntime(metadata: TestService.metadata, configuration: ClientConfiguration(
            region: "us-east-1",
            credentialProvider: credentials ?? StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret"),
            tokenProvider: tokens, endpointURL: url, maxAttempts: 1, httpClient: transport, environment: [:]))
    }

    private func ping(_ runtime: ServiceRuntime, auth: OperationAuth) async throws {
        _ = try await runtime.invoke(operation: "Ping", input: TestService.PingInput(name: "hi"),
                                     output: TestService.PingOutput.self, error: TestService.Failure.self, auth: auth)
    }

    func testBearerOperationsSendTheTokenAndNoSignature() async throws {
        let transport = Capture()
        try await ping(runtime("https://service.example.com", transport: transport, tokens: FixedToken()), auth: .bearerToken)
        XCTAssertEqual(transport.requests.first?.headers["Authorization"], "Bearer token-8f2a")
        XCTAssertNil(transport.requests.first?.headers["X-Amz-Date"], "not SigV4-signed")
    }

    func testABearerTokenNeverGoesOverPlainHTTPToAnotherHost() async throws {
        let transport = Capture()
        do {
            try await ping(runtime("http://service.example.com", transport: transport, tokens: FixedToken()), auth: .bearerToken)
            XCTFail("a token must not cross the network in clear")
        } catch {
            XCTAssertTrue("\(error)".contains("only sent over HTTPS"), "\(error)")
            XCTAssertFalse("\(error)".contains("token-8f2a"))
        }
        XCTAssertTrue(transport.requests.isEmpty)
        // Loopback (a local test server) is the exception.
        try await ping(runtime("http://127.0.0.1:9", transport: transport, tokens: FixedToken()), auth: .bearerToken)
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testABearerOperationWithoutATokenSourceFailsBeforeSending() async throws {
        let transport = Capture()
        do {
            try await ping(runtime("https://service.example.com", transport: transport, tokens: nil), auth: .bearerToken)
            XCTFail("no token source must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("tokenProvider"), "\(error)")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testALineBreakInATokenIsRefused() async throws {
        let transport = Capture()
        do {
            try await ping(runtime("https://service.example.com", transport: transport,
                                   tokens: FixedToken(value: "abc\r\nX-Injected: 1")), auth: .bearerToken)
            XCTFail("a token with a line break must be refused")
        } catch {
            XCTAssertTrue("\(error)".contains("line break"), "\(error)")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testAnonymousOperationsAreNeitherSignedNorReadCredentials() async throws {
        let transport = Capture()
        try await ping(runtime("https://service.example.com", transport: transport, tokens: nil, credentials: NoCredentials()),
                       auth: .anonymous)
        XCTAssertNil(transport.requests.first?.headers["Authorization"])
    }

    func testSigV4IsTheDefault() async throws {
        let transport = Capture()
        try await ping(runtime("https://service.example.com", transport: transport, tokens: FixedToken()), auth: .sigV4)
        XCTAssertTrue(transport.requests.first?.headers["Authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") ?? false)
    }
}
