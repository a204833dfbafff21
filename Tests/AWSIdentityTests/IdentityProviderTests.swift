import AWSRuntime
import Foundation
import XCTest

@testable import AWSIdentity

/// A transport that answers every request with `handler` and keeps what was sent.
final class ScriptedHTTPClient: HTTPClient, @unchecked Sendable {
    private let lock = NSLock()
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private var sent: [HTTPRequest] = []

    init(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.handler = handler
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        lock.withLock { sent.append(request) }
        return handler(request)
    }
}

/// An STS AssumeRole answer with the given keys.
func assumeRoleResponse(accessKeyId: String, action: String = "AssumeRole") -> HTTPResponse {
    HTTPResponse(statusCode: 200, body: Data("""
        <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><\(action)Result>
        <Credentials><AccessKeyId>\(accessKeyId)</AccessKeyId><SecretAccessKey>secret-\(accessKeyId)</SecretAccessKey>
        <SessionToken>token-\(accessKeyId)</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>
        <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/r/s</Arn></AssumedRoleUser>
        </\(action)Result></\(action)Response>
        """.utf8))
}

final class IdentityProviderTests: XCTestCase {
    private func temporaryHome(config: String) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws/sso/cache"), withIntermediateDirectories: true)
        try Data(config.utf8).write(to: home.appendingPathComponent(".aws/config"))
        return home
    }

    private func context(home: URL, _ client: ScriptedHTTPClient, extra: [String: String] = [:]) -> IdentityContext {
        var context = IdentityContext(
            environment: ["HOME": home.path, "AWS_REGION": "us-east-1"].merging(extra) { $1 }, region: nil, httpClient: client)
        context.sleep = { _ in }
        return context
    }

    func testRolesChainEachSignedWithTheCredentialsBeforeIt() async throws {
        let home = try temporaryHome(config: """
            [profile top]
            role_arn = arn:aws:iam::111122223333:role/Top
            source_profile = middle
            [profile middle]
            role_arn = arn:aws:iam::111122223333:role/Middle
            source_profile = base
            [profile base]
            aws_access_key_id = AKIDBASE
            aws_secret_access_key = base-secret
            """)
        let client = ScriptedHTTPClient { request in
            let body = String(decoding: request.body, as: UTF8.self)
            return assumeRoleResponse(accessKeyId: body.contains("role%2FMiddle") ? "ASIAMIDDLE" : "ASIATOP")
        }
        let credentials = try await ProfileChainCredentialProvider(profile: "top", context: context(home: home, client)).credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIATOP")
        XCTAssertEqual(credentials.accountId, "111122223333", "taken from the assumed role's ARN")
        let signers = client.requests.map { $0.headers["Authorization"]?.components(separatedBy: "Credential=").last?.prefix(10) }
        XCTAssertEqual(signers, ["AKIDBASE/2", "ASIAMIDDLE"], "the middle role's credentials sign the top role's AssumeRole")
        XCTAssertEqual(client.requests.last?.headers["X-Amz-Security-Token"], "token-ASIAMIDDLE")
    }

    func testALoopIsReportedWithItsChain() async throws {
        let home = try temporaryHome(config: """
            [profile a]
            role_arn = arn:aws:iam::111122223333:role/A
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::111122223333:role/B
            source_profile = a
            """)
        let client = ScriptedHTTPClient { _ in HTTPResponse(statusCode: 500) }
        do {
            _ = try await ProfileChainCredentialProvider(profile: "a", context: context(home: home, client)).credentials()
            XCTFail("a loop must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("a -> b -> a"), "\(error)")
        }
        XCTAssertTrue(client.requests.isEmpty, "nothing is sent for a broken profile")
    }

    func testMFARolesAskTheApplicationForTheCode() async throws {
        let home = try temporaryHome(config: """
            [profile admin]
            role_arn = arn:aws:iam::111122223333:role/Admin
            source_profile = base
            mfa_serial = arn:aws:iam::111122223333:mfa/me
            [profile base]
            aws_access_key_id = AKIDBASE
            aws_secret_access_key = base-secret
            """)
        let client = ScriptedHTTPClient { _ in assumeRoleResponse(accessKeyId: "ASIAADMIN") }
        var withCallback = context(home: home, client)
        withCallback.mfaTokenCode = { serial in serial == "arn:aws:iam::111122223333:mfa/me" ? "123456" : "000000" }
        _ = try await ProfileChainCredentialProvider(profile: "admin", context: withCallback).credentials()
        let form = String(decoding: client.requests.first?.body ?? Data(), as: UTF8.self)
        XCTAssertTrue(form.contains("TokenCode=123456"), form)
        XCTAssertTrue(form.contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A111122223333%3Amfa%2Fme"), form)

        do {
            _ = try await ProfileChainCredentialProvider(profile: "admin", context: context(home: home, client)).credentials()
            XCTFail("an MFA role without a callback must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("mfaTokenCode"), "\(error)")
        }
    }

    func testTheWebIdentityTokenFileIsReadAgainOnEveryFetch() async throws {
        let home = try temporaryHome(config: "")
        let tokenFile = home.appendingPathComponent("token")
        try Data("first-token".utf8).write(to: tokenFile)
        let client = ScriptedHTTPClient { _ in assumeRoleResponse(accessKeyId: "ASIAWEB", action: "AssumeRoleWithWebIdentity") }
        let provider = WebIdentityCredentialProvider(environmentVariablesIn: context(home: home, client, extra: [
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path, "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/Web",
        ]))
        _ = try await provider.credentials()
        try Data("second-token".utf8).write(to: tokenFile)
        _ = try await provider.credentials()
        let tokens = client.requests.map { ReplayHTTPClient.form(String(decoding: $0.body, as: UTF8.self))["WebIdentityToken"] }
        XCTAssertEqual(tokens, ["first-token", "second-token"])
        XCTAssertTrue(client.requests.allSatisfy { $0.headers["Authorization"] == nil }, "AssumeRoleWithWebIdentity is not signed")
    }

    func testAnExpiringSSOTokenIsRefreshedAndWrittenBackAtomically() async throws {
        let home = try temporaryHome(config: """
            [profile dev]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Dev
            [sso-session corp]
            sso_region = eu-west-1
            sso_start_url = https://corp.awsapps.com/start
            """)
        let settings = ProfileChain.SSOSettings(profile: "dev", session: "corp", region: "eu-west-1",
                                                startURL: "https://corp.awsapps.com/start")
        let cacheFile = home.appendingPathComponent(".aws/sso/cache/\(settings.tokenCacheKey).json")
        let soon = ISO8601DateFormatter().string(from: Date().addingTimeInterval(60))
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))
        try Data("""
            {"accessToken": "old-access", "expiresAt": "\(soon)", "refreshToken": "old-refresh", "clientId": "client",
             "clientSecret": "client-secret", "registrationExpiresAt": "\(later)", "region": "eu-west-1",
             "startUrl": "https://corp.awsapps.com/start"}
            """.utf8).write(to: cacheFile)
        let client = ScriptedHTTPClient { request in
            if request.url.path == "/token" {
                return HTTPResponse(statusCode: 200, body: Data(
                    #"{"accessToken": "new-access", "expiresIn": 28800, "refreshToken": "new-refresh", "tokenType": "Bearer"}"#.utf8))
            }
            return HTTPResponse(statusCode: 200, body: Data(
                #"{"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "s", "sessionToken": "t", "expiration": 1900000000000}}"#.utf8))
        }
        let credentials = try await ProfileChainCredentialProvider(profile: "dev", context: context(home: home, client)).credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIASSO")
        XCTAssertEqual(credentials.accountId, "111122223333")
        XCTAssertEqual(client.requests.map(\.url.host), ["oidc.eu-west-1.amazonaws.com", "portal.sso.eu-west-1.amazonaws.com"])
        let refresh = try JSONSerialization.jsonObject(with: client.requests[0].body) as? [String: Any]
        XCTAssertEqual(refresh?["grantType"] as? String, "refresh_token")
        XCTAssertEqual(refresh?["refreshToken"] as? String, "old-refresh")
        XCTAssertEqual(client.requests[1].headers["x-amz-sso_bearer_token"], "new-access")
        let cached = try JSONSerialization.jsonObject(with: Data(contentsOf: cacheFile)) as? [String: Any]
        XCTAssertEqual(cached?["accessToken"] as? String, "new-access")
        XCTAssertEqual(cached?["refreshToken"] as? String, "new-refresh")
        XCTAssertEqual(cached?["clientSecret"] as? String, "client-secret", "the registration is kept")
        let permissions = try FileManager.default.attributesOfItem(atPath: cacheFile.path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cacheFile.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, [cacheFile.lastPathComponent], "no temporary file is left behind")
    }

    func testAFailedRefreshOfAnExpiredTokenSaysToSignIn() async throws {
        let home = try temporaryHome(config: """
            [profile dev]
            sso_session = corp
            [sso-session corp]
            sso_region = eu-west-1
            sso_start_url = https://corp.awsapps.com/start
            """)
        let settings = ProfileChain.SSOSettings(profile: "dev", session: "corp", region: "eu-west-1",
                                                startURL: "https://corp.awsapps.com/start")
        let expired = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60))
        try Data("""
            {"accessToken": "old-access", "expiresAt": "\(expired)", "refreshToken": "r", "clientId": "c", "clientSecret": "s"}
            """.utf8).write(to: home.appendingPathComponent(".aws/sso/cache/\(settings.tokenCacheKey).json"))
        let client = ScriptedHTTPClient { _ in
            HTTPResponse(statusCode: 400, headers: ["x-amzn-ErrorType": "InvalidGrantException"],
                         body: Data(#"{"error": "invalid_grant", "error_description": "refresh token revoked"}"#.utf8))
        }
        do {
            _ = try await DefaultTokenChain(profile: "dev", context: context(home: home, client)).token()
            XCTFail("an expired token that cannot be refreshed must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("aws sso login --profile dev"), "\(error)")
            XCTAssertFalse("\(error)".contains("old-access"), "the token is never printed")
        }
    }
}
