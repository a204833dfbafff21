import XCTest

@testable import AWSRuntime

/// Container and EC2 instance metadata providers against a real HTTP server on 127.0.0.1.
final class MetadataCredentialProviderTests: XCTestCase {
    private let client = TestURLSessionHTTPClient()
    private let credentialsJSON = """
        {"Code": "Success", "AccessKeyId": "ASIAMETA", "SecretAccessKey": "META-SECRET", "Token": "META-TOKEN",
         "Expiration": "2030-01-02T03:04:05Z"}
        """

    func testContainerFullURIWithAuthorizationToken() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, credentialsJSON)])
        defer { server.stop() }
        let provider = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.baseURL)/v2/credentials/abc",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-token",
            ], httpClient: client)
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIAMETA")
        XCTAssertEqual(credentials.sessionToken, "META-TOKEN")
        XCTAssertEqual(credentials.expiration, Date(timeIntervalSince1970: 1_893_553_445))
        XCTAssertEqual(server.requests.map(\.target), ["/v2/credentials/abc"])
        XCTAssertEqual(server.requests.first?.headers["Authorization"], "container-token")
    }

    func testContainerTokenFileWinsOverTokenVariable() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", "file-token\n")
        let server = try LoopbackHTTPServer(replies: [.status(200, credentialsJSON)])
        defer { server.stop() }
        let provider = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.baseURL)/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "variable-token",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            ], httpClient: client)
        _ = try await provider.credentials()
        XCTAssertEqual(server.requests.first?.headers["Authorization"], "file-token")
    }

    /// `"\r\n"` is one Character in Swift, so a check of Characters for `"\r"` or `"\n"` would miss it.
    func testAContainerTokenWithACarriageReturnLineFeedIsRefused() async throws {
        let recorder = RecordingHTTPClient(response: HTTPResponse(statusCode: 200, body: Data(credentialsJSON.utf8)))
        let provider = ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/xyz",
                          "AWS_CONTAINER_AUTHORIZATION_TOKEN": "token\r\nX-Injected: 1"], httpClient: recorder)
        do {
            _ = try await provider.credentials()
            XCTFail("a token with CRLF must be refused")
        } catch {
            XCTAssertTrue("\(error)".contains("line break"), "\(error)")
        }
        XCTAssertTrue(recorder.requests.isEmpty)
    }

    func testContainerRelativeURIGoesToTheECSHost() async throws {
        let recorder = RecordingHTTPClient(response: HTTPResponse(statusCode: 200, body: Data(credentialsJSON.utf8)))
        let provider = ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/xyz"], httpClient: recorder)
        _ = try await provider.credentials()
        XCTAssertEqual(recorder.requests.map(\.url.absoluteString), ["http://169.254.170.2/v2/credentials/xyz"])
    }

    func testContainerServerErrorAndGarbageAreClearErrors() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(500, "oops"), .status(200, "<html>not json</html>")])
        defer { server.stop() }
        let provider = ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "\(server.baseURL)/creds"], httpClient: client)
        await assertThrows(provider) { error in
            XCTAssertEqual(error, .failed(provider: "container", reason: "\(self.urlString(server))/creds answered HTTP 500"))
        }
        await assertThrows(provider) { error in
            XCTAssertEqual(
                error,
                .failed(
                    provider: "container",
                    reason: "\(self.urlString(server))/creds did not return a JSON credentials object (21 bytes)"))
        }
    }

    func testContainerRefusesPlainHTTPToRemoteHosts() async {
        // A name that merely starts like a loopback address is still a remote host.
        for uri in ["http://example.com/creds", "http://127.attacker.example/creds", "http://127.0.0.1.nip.io/creds"] {
            let provider = ContainerCredentialProvider(
                environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], httpClient: client)
            await assertThrows(provider) { error in
                guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
                XCTAssertTrue(reason.contains("must use https"), "\(uri): \(reason)")
            }
        }
    }

    func testIMDSv2FetchesTokenThenRoleThenCredentials() async throws {
        let json = credentialsJSON
        let server = try LoopbackHTTPServer { request in
            switch (request.method, request.target) {
            case ("PUT", "/latest/api/token"): return .status(200, "imds-token")
            case ("GET", "/latest/meta-data/iam/security-credentials/"): return .status(200, "my-role\n")
            case ("GET", "/latest/meta-data/iam/security-credentials/my-role"): return .status(200, json)
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "\(server.baseURL)/"], httpClient: client)
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIAMETA")
        let requests = server.requests
        XCTAssertEqual(requests.map(\.method), ["PUT", "GET", "GET"])
        XCTAssertEqual(requests[0].headers["X-aws-ec2-metadata-token-ttl-seconds"], "21600")
        XCTAssertEqual(requests[1].headers["X-aws-ec2-metadata-token"], "imds-token")
        XCTAssertEqual(requests[2].headers["X-aws-ec2-metadata-token"], "imds-token")
    }

    func testIMDSServerErrorNamesTheRequest() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(500)])
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": urlString(server)], httpClient: client)
        await assertThrows(provider) { error in
            XCTAssertEqual(
                error,
                .failed(
                    provider: "EC2 instance metadata",
                    reason: "PUT \(self.urlString(server))/latest/api/token answered HTTP 500"))
        }
    }

    func testIMDSRefusingATokenIsNotConfiguredSoTheChainMovesOn() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(403)])
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": urlString(server)], httpClient: client)
        await assertThrows(provider) { error in
            guard case .notConfigured(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.contains("answered 403"), reason)
        }
    }

    func testIMDSGarbageCredentialsAreAClearError() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, "t"), .status(200, "role"), .status(200, "{{{")])
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": urlString(server)], httpClient: client)
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.hasSuffix("/security-credentials/role did not return a JSON credentials object (3 bytes)"), reason)
        }
    }

    func testIMDSNonHTTPAnswerIsAnErrorNotACrash() async throws {
        let server = try LoopbackHTTPServer(replies: [.raw(Data("garbage\r\n\r\n".utf8))])
        defer { server.stop() }
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": urlString(server)], httpClient: client)
        do {
            _ = try await provider.credentials()
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue(error is CredentialProviderError)
        }
    }

    func testIMDSDisabledByEnvironment() async {
        let recorder = RecordingHTTPClient(response: HTTPResponse(statusCode: 200))
        let provider = IMDSCredentialProvider(environment: ["AWS_EC2_METADATA_DISABLED": "true"], httpClient: recorder)
        await assertThrows(provider) { error in
            XCTAssertEqual(
                error, .notConfigured(provider: "EC2 instance metadata", reason: "disabled by AWS_EC2_METADATA_DISABLED=true"))
        }
        XCTAssertTrue(recorder.requests.isEmpty)
    }

    func testIMDSUnreachableIsNotConfigured() async throws {
        // A port nothing listens on: bind a server, note its port, stop it.
        let server = try LoopbackHTTPServer(replies: [])
        let endpoint = urlString(server)
        server.stop()
        let provider = IMDSCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": endpoint], httpClient: client)
        await assertThrows(provider) { error in
            guard case .notConfigured(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.hasPrefix("no instance metadata service at \(endpoint)"), reason)
        }
    }

    private func urlString(_ server: LoopbackHTTPServer) -> String {
        "http://127.0.0.1:\(server.port)"
    }
}

/// An `HTTPClient` that records requests and answers each with one fixed response.
final class RecordingHTTPClient: HTTPClient, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let response: HTTPResponse

    init(response: HTTPResponse) {
        self.response = response
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return response
    }
}
