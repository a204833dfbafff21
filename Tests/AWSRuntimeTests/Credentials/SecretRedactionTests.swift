import Foundation
import XCTest

@testable import AWSRuntime

/// Secrets (secret key, session token, container token) never show in descriptions, dumps or errors.
final class SecretRedactionTests: XCTestCase {
    private let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    private let token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN"
    private let containerToken = "CONTAINER-AUTH-TOKEN-123"

    private func assertNoSecrets(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in [secret, token, containerToken] {
            XCTAssertFalse(text.contains(needle), "leaked \(needle) in: \(text)", file: file, line: line)
        }
    }

    func testCredentialsDescriptionsAndDumpAreRedacted() {
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: token)
        assertNoSecrets(credentials.description)
        assertNoSecrets(credentials.debugDescription)
        assertNoSecrets(String(describing: credentials))
        assertNoSecrets(String(reflecting: credentials))
        var dumped = ""
        dump(credentials, to: &dumped)
        assertNoSecrets(dumped)
        XCTAssertTrue(credentials.description.contains("AKIDEXAMPLE"))
        XCTAssertTrue(credentials.description.contains("<redacted>"))
    }

    func testSignedRequestsPrintWithoutTheSignatureOrSessionToken() throws {
        var request = HTTPRequest(method: "POST", url: URL(string: "https://example.com/")!, body: Data("{}".utf8))
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: token)
        let signature = try SigV4Signer().sign(&request, credentials: credentials, region: "us-east-1", signingName: "svc")
        let authorization = try XCTUnwrap(request.headers["Authorization"])
        for text in [String(describing: request), String(reflecting: request), String(describing: signature),
                     String(reflecting: signature)] {
            assertNoSecrets(text)
            XCTAssertFalse(text.contains(authorization), text)
        }
        var dumped = ""
        dump(request, to: &dumped)
        assertNoSecrets(dumped)
        XCTAssertFalse(dumped.contains(authorization), dumped)
        XCTAssertTrue(String(describing: request).contains("Authorization: <redacted>"))
    }

    func testProfileSettingsDescriptionsAreRedacted() throws {
        let config = try SharedConfig(
            configText: "",
            credentialsText: "[default]\naws_access_key_id = AKID\naws_secret_access_key = \(secret)\naws_session_token = \(token)\n",
            locations: SharedConfigLocations(configFile: "c", credentialsFile: "k"))
        let profile = try config.profile(named: "default")
        assertNoSecrets(profile.description)
        assertNoSecrets(String(reflecting: profile))
        var dumped = ""
        dump(profile, to: &dumped)
        assertNoSecrets(dumped)
    }

    func testErrorsFromBadSourcesCarryNoSecrets() async throws {
        let directory = try TemporaryDirectory()
        let tokenFile = try directory.write("token", containerToken)
        let server = try LoopbackHTTPServer(replies: [
            .status(500, "{\"SecretAccessKey\": \"\(secret)\"}"),
            .status(200, "{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"\(secret)\", \"Token\": \"\(token)\", \"Expiration\": \"soon\"}"),
        ])
        defer { server.stop() }
        let container = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:\(server.port)/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            ], httpClient: TestURLSessionHTTPClient())
        for _ in 0..<2 {
            await assertThrows(container) { error in
                self.assertNoSecrets("\(error)")
                self.assertNoSecrets(String(reflecting: error))
            }
        }
        let process = ProcessCredentialProvider(
            command: "echo '{\"Version\": 1, \"SecretAccessKey\": \"\(secret)\", \"SessionToken\": \"\(token)\"}'",
            environment: [:])
        await assertThrows(process) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.hasSuffix("returned no AccessKeyId"), reason)
        }
        let badFile = try directory.write("credentials", "[default]\naws_access_key_id = A\n\(secret)\n")
        await assertThrows(ProfileCredentialProvider(environment: ["HOME": directory.path, "AWS_SHARED_CREDENTIALS_FILE": badFile])) {
            self.assertNoSecrets("\($0)")
        }
    }
}
