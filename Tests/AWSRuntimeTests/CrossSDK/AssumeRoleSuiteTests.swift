import CrossSDKSupport
import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// `assume-role-tests.json`: which credentials source and which roles a profile resolves to.
final class AssumeRoleSuiteTests: XCTestCase {
    func testAssumeRoleSuite() throws {
        let cases = try CrossSDKSuite.cases("assume-role-tests.json")
        var failures: [String] = []
        for testCase in cases {
            let name = testCase["docs"] as? String ?? "?"
            let input = testCase["input"] as? [String: Any] ?? [:]
            let output = testCase["output"] as? [String: Any] ?? [:]
            let profiles = (input["profiles"] as? [String: [String: String]] ?? [:])
                .reduce(into: [String: ProfileSettings]()) { $0[$1.key] = ProfileSettings(name: $1.key, properties: $1.value) }
            let resolver = ProfileChainResolver(
                profiles: profiles, ssoSessions: input["sso_sessions"] as? [String: [String: String]] ?? [:])
            do {
                let chain = try resolver.chain(for: input["selected_profile"] as? String ?? "default")
                guard let expected = output["ProfileChain"] as? [[String: Any]] else {
                    failures.append("\(name): resolved \(chain), expected error '\(output["Error"] ?? "")'")
                    continue
                }
                let actual = Self.suiteForm(chain)
                if !NSArray(array: actual).isEqual(to: expected) {
                    failures.append("\(name): \(actual), expected \(expected)")
                }
            } catch {
                guard let text = output["Error"] as? String else {
                    failures.append("\(name): unexpected error \(error)")
                    continue
                }
                if !"\(error)".contains(text) { failures.append("\(name): error '\(error)' lacks '\(text)'") }
            }
        }
        CrossSDKSuite.report("assume-role-tests", ran: cases.count, failures: failures)
    }

    /// The chain in the suite's JSON form: the source first, then one `AssumeRole` per role.
    static func suiteForm(_ chain: ProfileChain) -> [[String: Any]] {
        func fields(_ pairs: [(String, String?)]) -> [String: String] {
            pairs.reduce(into: [:]) { result, pair in if let value = pair.1 { result[pair.0] = value } }
        }
        let source: [String: Any]
        switch chain.source {
        case .accessKey(let keys, _):
            source = ["AccessKey": fields([("access_key_id", keys.accessKeyId), ("secret_access_key", keys.secretAccessKey),
                                           ("session_token", keys.sessionToken), ("account_id", keys.accountId)])]
        case .namedSource(let named, _):
            source = ["NamedSource": named.rawValue]
        case .webIdentityToken(let settings):
            source = ["WebIdentityToken": fields([("role_arn", settings.roleArn), ("web_identity_token_file", settings.tokenFile),
                                                  ("role_session_name", settings.sessionName)])]
        case .sso(let settings):
            source = ["Sso": fields([("sso_session", settings.session), ("sso_region", settings.region),
                                     ("sso_start_url", settings.startURL), ("sso_account_id", settings.accountId),
                                     ("sso_role_name", settings.roleName)])]
        case .credentialProcess(let command, _):
            source = ["CredentialProcess": command]
        }
        return [source] + chain.roles.map { role in
            ["AssumeRole": fields([("role_arn", role.roleArn), ("role_session_name", role.sessionName),
                                   ("external_id", role.externalId)])]
        }
    }
}
