import CrossSDKSupport
import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// `profile-parser-tests.json` and `file-location-tests.json`: how every AWS SDK reads the config and
/// credentials files and where it finds them.
final class ProfileFileSuiteTests: XCTestCase {
    func testProfileParserSuite() throws {
        let cases = try CrossSDKSuite.cases("profile-parser-tests.json")
        let locations = SharedConfigLocations(configFile: "config", credentialsFile: "credentials")
        var failures: [String] = []
        for testCase in cases {
            let name = testCase["name"] as? String ?? "?"
            let input = testCase["input"] as? [String: String] ?? [:]
            let output = testCase["output"] as? [String: Any] ?? [:]
            do {
                let config = try SharedConfig(
                    configText: input["configFile"] ?? "", credentialsText: input["credentialsFile"] ?? "",
                    locations: locations)
                guard let expected = output["config"] as? [String: Any] else {
                    failures.append("\(name): parsed, but expected an error containing '\(output["errorContaining"] ?? "")'")
                    continue
                }
                let profiles = config.profiles.mapValues(\.properties)
                if profiles != expected["profiles"] as? [String: [String: String]] {
                    failures.append("\(name): profiles \(profiles), expected \(expected["profiles"] ?? "")")
                }
                if let sessions = expected["sso_sessions"] as? [String: [String: String]], sessions != config.ssoSessions {
                    failures.append("\(name): sso sessions \(config.ssoSessions), expected \(sessions)")
                }
            } catch {
                guard let text = output["errorContaining"] as? String else {
                    failures.append("\(name): unexpected error \(error)")
                    continue
                }
                if !"\(error)".contains(text) { failures.append("\(name): error '\(error)' lacks '\(text)'") }
            }
        }
        CrossSDKSuite.report("profile-parser-tests", ran: cases.count, failures: failures)
    }

    func testFileLocationSuite() throws {
        let cases = try CrossSDKSuite.cases("file-location-tests.json")
        var failures: [String] = []
        for testCase in cases {
            let name = testCase["name"] as? String ?? "?"
            let platform: SharedConfigLocations.Platform = testCase["platform"] as? String == "windows" ? .windows : .posix
            let locations = SharedConfigLocations(
                environment: testCase["environment"] as? [String: String] ?? [:], profile: nil, platform: platform)
            if locations.configFile != testCase["configLocation"] as? String {
                failures.append("\(name): config \(locations.configFile), expected \(testCase["configLocation"] ?? "")")
            }
            if locations.credentialsFile != testCase["credentialsLocation"] as? String {
                failures.append("\(name): credentials \(locations.credentialsFile), expected \(testCase["credentialsLocation"] ?? "")")
            }
            if let profile = testCase["profile"] as? String, profile != locations.profileName {
                failures.append("\(name): profile \(locations.profileName), expected \(profile)")
            }
        }
        CrossSDKSuite.report("file-location-tests", ran: cases.count, failures: failures)
    }
}
