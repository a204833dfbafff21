import CrossSDKSupport
import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// `ecs-tests.json` (which URL the container credentials provider calls) and
/// `imds-config/imds-endpoint-tests.json` (where the instance metadata service is).
final class EndpointConfigurationSuiteTests: XCTestCase {
    /// Where our error text differs from the recording SDK's, the fragment ours contains instead.
    static let ecsErrorFragments = [
        "No environment variables were set to configure ECS provider":
            "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set",
    ]

    func testECSSuite() throws {
        let cases = try CrossSDKSuite.cases("ecs-tests.json")
        var failures: [String] = []
        for testCase in cases {
            let name = testCase["docs"] as? String ?? "?"
            let result = testCase["result"] as? [String: String] ?? [:]
            do {
                let url = try ContainerCredentialProvider.endpoint(testCase["env"] as? [String: String] ?? [:])
                if url.absoluteString != result["Ok"] { failures.append("\(name): \(url), expected \(result)") }
            } catch {
                guard let text = result["ErrorContains"] else {
                    failures.append("\(name): unexpected error \(error)")
                    continue
                }
                let fragment = Self.ecsErrorFragments[text] ?? text
                if !"\(error)".contains(fragment) { failures.append("\(name): '\(error)' lacks '\(fragment)'") }
            }
        }
        CrossSDKSuite.report("ecs-tests", ran: cases.count, failures: failures)
    }

    func testIMDSEndpointSuite() throws {
        let cases = try CrossSDKSuite.cases("imds-config/imds-endpoint-tests.json")
        var failures: [String] = []
        for testCase in cases {
            let name = testCase["docs"] as? String ?? "?"
            let result = testCase["result"] as? [String: String] ?? [:]
            let environment = testCase["env"] as? [String: String] ?? [:]
            // The case's files, parsed from memory (AWS_CONFIG_FILE names one of them).
            let files = testCase["fs"] as? [String: String] ?? [:]
            let locations = SharedConfigLocations(
                configFile: environment["AWS_CONFIG_FILE"] ?? "config", credentialsFile: "credentials")
            do {
                let config = try SharedConfig(
                    configText: files[locations.configFile] ?? "", credentialsText: "", locations: locations)
                let endpoint = try IMDSEndpoint.resolve(
                    environment: environment, profile: try? config.selectedProfile(),
                    endpointOverride: testCase["endpoint_override"] as? String,
                    modeOverride: (testCase["mode_override"] as? String).flatMap(IMDSEndpoint.Mode.init(setting:)))
                if endpoint.tokenURL != result["Ok"] { failures.append("\(name): \(endpoint.tokenURL), expected \(result)") }
            } catch {
                guard let text = result["Err"] else {
                    failures.append("\(name): unexpected error \(error)")
                    continue
                }
                if !"\(error)".contains(text) { failures.append("\(name): '\(error)' lacks '\(text)'") }
            }
        }
        CrossSDKSuite.report("imds-endpoint-tests", ran: cases.count, failures: failures)
    }
}
