import AWSRuntime
import Foundation
import XCTest

/// `ecr-public --profile` on an IAM Identity Center profile: the tool reads the token `aws sso login` cached,
/// gets the role's credentials from a fake SSO portal on loopback (the test server's
/// `/federation/credentials`), and calls ECR Public with them, printing nothing secret even with `--debug`.
final class SSOProfileTests: XCTestCase {
    static let accessToken = "sso-access-token-7d1e4b9c"
    static let sessionToken = "sso-role-session-token-c0ffee42"

    /// A home folder with an `sso-session` profile and a cached token expiring at `expiresAt`.
    private func home(tokenExpiresAt expiresAt: Date) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sso-home-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: home) }
        let settings = ProfileChain.SSOSettings(
            profile: "dev", session: "corp", region: "us-east-1", startURL: "https://corp.awsapps.com/start")
        let cache = home.appendingPathComponent(".aws/sso/cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Data("""
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Pusher
            region = us-east-1

            [sso-session corp]
            sso_region = us-east-1
            sso_start_url = https://corp.awsapps.com/start
            """.utf8).write(to: home.appendingPathComponent(".aws/config"))
        let token = #"{"accessToken": "\#(Self.accessToken)", "expiresAt": "\#(ISO8601DateFormatter().string(from: expiresAt))"}"#
        try Data(token.utf8).write(to: cache.appendingPathComponent(settings.tokenCacheKey + ".json"))
        return home
    }

    private func runTool(home: URL, server: String, _ arguments: [String]) async throws -> ToolResult {
        try ToolRunner.requireBinary()
        return try await ToolRunner(environment: [
            "HOME": home.path, "AWS_CONFIG_FILE": home.appendingPathComponent(".aws/config").path,
            "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent(".aws/credentials").path,
            // The portal of the profile's region, on loopback.
            "AWS_ENDPOINT_URL_SSO": server,
        ]).run(arguments + ["--profile", "dev", "--endpoint-url", server])
    }

    func testSSOProfileCallsECRPublicWithThePortalsCredentialsAndPrintsNoSecret() async throws {
        let service = try await ECRPublicTestService.start(
            for: self, extraArguments: ["--session-token", Self.sessionToken, "--sso-access-token", Self.accessToken])
        let home = try home(tokenExpiresAt: Date().addingTimeInterval(3600))
        let result = try await runTool(home: home, server: service.server.endpointURL, ["describe-registries", "--debug"])
        XCTAssertEqual(result.status, 0, result.description)
        XCTAssertNotNil(result.json?["registries"], result.description)
        for secret in [Self.accessToken, Self.sessionToken, ECRPublicTestService.secretAccessKey] {
            XCTAssertFalse(result.stdout.contains(secret) || result.stderr.contains(secret), "printed a secret: \(result)")
        }
    }

    func testAnExpiredTokenSaysToSignInAgain() async throws {
        let service = try await ECRPublicTestService.start(
            for: self, extraArguments: ["--session-token", Self.sessionToken, "--sso-access-token", Self.accessToken])
        let home = try home(tokenExpiresAt: Date().addingTimeInterval(-60))
        let result = try await runTool(home: home, server: service.server.endpointURL, ["describe-registries"])
        XCTAssertNotEqual(result.status, 0, result.description)
        XCTAssertTrue(result.stderr.contains("aws sso login --profile dev"), result.description)
        XCTAssertFalse(result.stderr.contains(Self.accessToken), result.description)
    }

    func testARevokedTokenSaysToSignInAgain() async throws {
        let service = try await ECRPublicTestService.start(
            for: self, extraArguments: ["--session-token", Self.sessionToken, "--sso-access-token", "another-token"])
        let home = try home(tokenExpiresAt: Date().addingTimeInterval(3600))
        let result = try await runTool(home: home, server: service.server.endpointURL, ["describe-registries"])
        XCTAssertNotEqual(result.status, 0, result.description)
        XCTAssertTrue(result.stderr.contains("expired or was revoked"), result.description)
        XCTAssertTrue(result.stderr.contains("aws sso login --profile dev"), result.description)
    }
}
