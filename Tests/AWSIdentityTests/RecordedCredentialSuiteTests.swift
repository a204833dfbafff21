import AWSRuntime
import CrossSDKSupport
import Foundation
import TestSupport
import XCTest

@testable import AWSIdentity

/// The cross-SDK suites with a fake home folder and recorded HTTP traffic: `default-credential-provider-chain`
/// (the whole chain), `profile-provider` (the profile provider alone) and `default-token-provider-chain`.
final class RecordedCredentialSuiteTests: XCTestCase {
    /// Where our error text differs from the recording SDK's, the fragment ours must contain instead, and why.
    /// Every other error case must contain the suite's own text.
    static let errorFragments: [String: (fragment: String, reason: String)] = [
        "eks_pod_identity_no_token_file": ("No such file or directory", "without the Rust `(os error 2)` suffix"),
        "imds_default_chain_error": ("no AWS credentials found", "our chain's own words for 'no provider was enabled'"),
        "imds_disabled": ("disabled by AWS_EC2_METADATA_DISABLED", "names the setting that turned IMDS off"),
        "imds_no_iam_role": ("no IAM role is attached", "says why IMDS had no credentials"),
        "imds_token_fail": ("answered 403", "names the status the token request got"),
        "profile_overrides_web_identity": ("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set",
                                           "names the variables credential_source = Environment needed"),
        "sso_no_token_file": ("/home/.aws/sso/cache/dace00cba5f8355ec9d274ceb2bcebdfbeed0e12.json`: No such file or directory",
                              "the fake home is a temporary folder, and no `(os error 2)` suffix"),
        "web_identity_token_invalid_jwt": ("No OpenIDConnect provider found in your account",
                                           "the service's message; the code is STS's wire code InvalidIdentityToken"),
        "credential_process_failure": ("exited with status 1", "our wording of the exit status"),
        "credential_process_invalid": ("did not return a JSON credentials object", "our wording of the parse failure"),
        "empty_config": ("No profiles were defined", "the profile provider alone reports why it is not configured"),
        "invalid_config": ("Property did not have a name", "the parser's own message, with file and line"),
    ]

    /// Recordings whose request values were edited after recording, so that they contradict their own case:
    /// the role ARN sent is of another account than the one configured. Their forms are compared by action,
    /// version and parameter names.
    static let editedRecordings: [String: String] = [
        "web_identity_token_env": "RoleArn account 123456789123, AWS_ROLE_ARN 123456789012",
        "web_identity_token_profile": "RoleArn 134095065856:role/s3-reader, profile role 1234567890123:role/RoleA",
        "web_identity_token_source_profile": "RoleArn account 134095065856, profile B's 123456789012",
    ]

    func testDefaultCredentialProviderChainSuite() async throws {
        try await runSuite("default-credential-provider-chain") { context in
            DefaultCredentialChain(profile: nil, context: context)
        }
    }

    func testProfileProviderSuite() async throws {
        try await runSuite("profile-provider") { context in
            ProfileChainCredentialProvider(profile: nil, context: context)
        }
    }

    func testDefaultTokenProviderChainSuite() async throws {
        let root = try CrossSDKSuite.url("default-token-provider-chain")
        var failures: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        for name in names {
            let recorded = try RecordedCase(folder: root.appendingPathComponent(name))
            defer { recorded.cleanUp() }
            let replay = recorded.replay()
            let chain = DefaultTokenChain(profile: nil, context: recorded.context(replay))
            do {
                let token = try await chain.token()
                guard let expected = recorded.expected["Ok"] as? [String: Any] else {
                    failures.append("\(name): got a token, expected \(recorded.expected)")
                    continue
                }
                let expiration = (expected["expiration"] as? String).flatMap(SSOTokenCache.date)
                if token.token != expected["token"] as? String || token.expiration != expiration {
                    failures.append("\(name): token or expiration differs from the expected")
                }
            } catch {
                failures.append("\(name): \(error)")
            }
            failures += replay.mismatches.map { "\(name): \($0)" }
        }
        CrossSDKSuite.report("default-token-provider-chain", ran: names.count, failures: failures)
    }

    private func runSuite(_ suite: String, provider: (IdentityContext) -> any CredentialProvider) async throws {
        let root = try CrossSDKSuite.url(suite)
        var failures: [String] = []
        var translated = 0
        var repeats = 0
        var headerless = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        for name in names {
            let recorded = try RecordedCase(folder: root.appendingPathComponent(name))
            defer { recorded.cleanUp() }
            let replay = recorded.replay(formValuesEdited: Self.editedRecordings[name] != nil)
            let outcome: Result<AWSCredentials, any Error>
            do {
                outcome = .success(try await provider(recorded.context(replay)).credentials())
            } catch {
                outcome = .failure(error)
            }
            switch (outcome, recorded.expected["Ok"] as? [String: Any], recorded.expected["ErrorContains"] as? String) {
            case (.success(let credentials), let expected?, _):
                failures += Self.differences(credentials, expected).map { "\(name): \($0)" }
                if replay.unusedExchanges > 0 {
                    failures.append("\(name): \(replay.unusedExchanges) recorded request(s) were never sent")
                }
            case (.failure(let error), _, let text?):
                let fragment = Self.errorFragments[name]?.fragment ?? text
                if Self.errorFragments[name] != nil { translated += 1 }
                if !"\(error)".contains(fragment) { failures.append("\(name): error '\(error)' lacks '\(fragment)'") }
            case (.success, _, let text):
                failures.append("\(name): got credentials, expected an error containing '\(text ?? "?")'")
            case (.failure(let error), _, _):
                failures.append("\(name): unexpected error \(error)")
            }
            failures += replay.mismatches.map { "\(name): \($0)" }
            repeats += replay.repeats
            headerless += replay.headerlessRequests
        }
        CrossSDKSuite.report(suite, ran: names.count, failures: failures)
        for name in names where Self.editedRecordings[name] != nil {
            print("  \(name): form compared by action, version and parameter names (recording edited: \(Self.editedRecordings[name] ?? ""))")
        }
        print("  \(translated) error case(s) checked against our own wording (see errorFragments); "
              + "\(repeats) retried request(s) answered with the recording's last response; "
              + "\(headerless) recorded request(s) kept no headers, so only their method, URL and body were compared")
    }

    /// How credentials differ from the suite's expected fields (`expiry` in epoch seconds).
    static func differences(_ credentials: AWSCredentials, _ expected: [String: Any]) -> [String] {
        var differences: [String] = []
        func check(_ field: String, _ actual: String?) {
            if actual != expected[field] as? String { differences.append("\(field) is \(actual == nil ? "missing" : "different")") }
        }
        check("access_key_id", credentials.accessKeyId)
        check("secret_access_key", credentials.secretAccessKey)
        check("session_token", credentials.sessionToken)
        check("account_id", credentials.accountId)
        let expiry = (expected["expiry"] as? Int).map(TimeInterval.init)
        if credentials.expiration?.timeIntervalSince1970 != expiry {
            differences.append("expiry \(credentials.expiration.map { "\($0.timeIntervalSince1970)" } ?? "nil"), expected \(expiry.map { "\($0)" } ?? "nil")")
        }
        return differences
    }
}

/// One case folder: its environment, its fake home copied to a temporary folder, the recording and the
/// expected result.
struct RecordedCase {
    let root: URL
    let environment: [String: String]
    let traffic: RecordedTraffic
    let expected: [String: Any]
    /// Whether the configuration names a role session (else ours is generated; see ``ReplayHTTPClient``).
    let configuresSessionName: Bool

    init(folder: URL) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cross-sdk-\(UUID().uuidString)")
        let fileSystem = folder.appendingPathComponent("fs")
        if FileManager.default.fileExists(atPath: fileSystem.path) {
            try FileManager.default.copyItem(at: fileSystem, to: root)
        } else {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        let rawEnvironment = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("env.json"))) as? [String: String] ?? [:]
        // Paths in the case are absolute inside its fake file system, which now lives under `root`.
        let rootPath = root.path
        environment = rawEnvironment.reduce(into: [:]) { result, pair in
            let isPath = pair.key == "HOME" || pair.key.hasSuffix("_FILE")
            result[pair.key] = isPath && pair.value.hasPrefix("/") ? rootPath + pair.value : pair.value
        }
        var sessionNamed = rawEnvironment["AWS_ROLE_SESSION_NAME"] != nil
        for file in ["home/.aws/config", "home/.aws/credentials"] {
            let url = root.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            sessionNamed = sessionNamed || text.contains("role_session_name")
            let rewritten = text.replacingOccurrences(of: "web_identity_token_file = /", with: "web_identity_token_file = \(rootPath)/")
            try rewritten.write(to: url, atomically: true, encoding: .utf8)
        }
        configuresSessionName = sessionNamed
        traffic = try RecordedTraffic(contentsOf: folder.appendingPathComponent("http-traffic.json"))
        let testCase = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("test-case.json"))) as? [String: Any] ?? [:]
        expected = testCase["result"] as? [String: Any] ?? [:]
    }

    /// A replay of the case's recording, comparing tokens with the case's own files.
    func replay(formValuesEdited: Bool = false) -> ReplayHTTPClient {
        func file(_ variable: String) -> String? {
            environment[variable].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        }
        let webToken = file("AWS_WEB_IDENTITY_TOKEN_FILE")
            ?? (try? String(contentsOf: root.appendingPathComponent("token.jwt"), encoding: .utf8))
        let containerToken = file("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        return ReplayHTTPClient(traffic, sessionNameIsConfigured: configuresSessionName, webIdentityToken: webToken,
                                containerAuthorization: containerToken, formValuesEdited: formValuesEdited)
    }

    /// The identity context of the case: its environment, the replay transport, and no real sleeping.
    func context(_ replay: ReplayHTTPClient) -> IdentityContext {
        var context = IdentityContext(environment: environment, region: nil, httpClient: replay)
        context.sleep = { _ in }
        return context
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// `login-provider-test-cases.json` is the newer `aws login` provider (`login_session` profiles: console sign-in
/// credentials refreshed with DPoP-bound tokens), which issue 13 does not cover. The test counts its cases and
/// reports them as skipped with that reason, so the gap shows in every run.
final class LoginProviderSuiteTests: XCTestCase {
    func testLoginProviderSuiteIsReportedAsNotCovered() throws {
        let cases = try CrossSDKSuite.cases("login-provider-test-cases.json")
        XCTAssertFalse(cases.isEmpty)
        print("CROSS-SDK SUITE login-provider-test-cases: ran 0, skipped \(cases.count): the `aws login` (login_session) provider is not implemented")
        throw XCTSkip("login-provider-test-cases: \(cases.count) cases of the `aws login` provider, which is not implemented yet")
    }
}
