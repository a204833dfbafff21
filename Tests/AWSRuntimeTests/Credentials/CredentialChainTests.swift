import XCTest

@testable import AWSRuntime

final class CredentialChainTests: XCTestCase {
    func testFirstConfiguredProviderWins() async throws {
        let chain = CredentialProviderChain([
            EnvironmentCredentialProvider(environment: [:]),
            StaticCredentialProvider(accessKeyId: "SECOND", secretAccessKey: "S"),
            StaticCredentialProvider(accessKeyId: "THIRD", secretAccessKey: "S"),
        ])
        let credentials = try await chain.credentials()
        XCTAssertEqual(credentials.accessKeyId, "SECOND")
    }

    func testProviderThatIsSetUpButBrokenStopsTheChain() async {
        let chain = CredentialProviderChain([
            EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKID"]),
            StaticCredentialProvider(accessKeyId: "NEVER", secretAccessKey: "S"),
        ])
        await assertThrows(chain) { error in
            guard case .failed(let provider, _) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(provider, "environment")
        }
    }

    func testDefaultChainWithNothingConfiguredListsEveryProviderAndWhy() async throws {
        let directory = try TemporaryDirectory()
        let chain = LocalCredentialChain(
            environment: ["HOME": directory.path, "AWS_EC2_METADATA_DISABLED": "true"],
            httpClient: RecordingHTTPClient(response: HTTPResponse(statusCode: 500)))
        await assertThrows(chain) { error in
            guard case .noCredentials(let attempts) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(
                attempts.map(\.provider), ["environment", "profile 'default'", "container", "EC2 instance metadata"])
            XCTAssertEqual(attempts[3].reason, "disabled by AWS_EC2_METADATA_DISABLED=true")
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("no AWS credentials found; tried:\n  - environment: "), message)
        }
    }

    func testDefaultChainPrefersEnvironmentOverProfile() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("credentials", "[default]\naws_access_key_id = FILE\naws_secret_access_key = S\n")
        let environment = [
            "HOME": directory.path, "AWS_SHARED_CREDENTIALS_FILE": directory.path + "/credentials",
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
        let http = RecordingHTTPClient(response: HTTPResponse(statusCode: 500))
        let fromFile = try await LocalCredentialChain(environment: environment, httpClient: http).credentials()
        XCTAssertEqual(fromFile.accessKeyId, "FILE")
        let fromEnvironment = try await LocalCredentialChain(
            environment: environment.merging(["AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "S"]) { $1 },
            httpClient: http
        ).credentials()
        XCTAssertEqual(fromEnvironment.accessKeyId, "ENV")
    }
}
