import AWSRuntime
import Foundation
import TestSupport
import XCTest

/// Our own small endpoint rule sets for STS, the SSO portal and SSO OIDC (in `models/identity-*.json`) against the
/// official models' rule sets in `../shared/models`: on every input of the official endpoint tests, both are
/// evaluated by the same evaluator and partition table and must give the same URL (or both fail). Comparing with
/// the recorded expectations instead would test the partition data of the day they were written (they expect
/// no dual-stack in the ISO partitions, which have it now).
final class IdentityEndpointRulesTests: XCTestCase {
    func testOurRuleSetsAgreeWithTheOfficialEndpointTests() throws {
        for (ours, official) in [("identity-sts", "sts"), ("identity-sso", "sso"), ("identity-sso-oidc", "sso-oidc")] {
            guard let officialURL = RepositoryPaths.sharedFile("models/\(official).json") else {
                throw XCTSkip("../shared/models/\(official).json is missing")
            }
            let ruleSet = try Self.service(in: RepositoryPaths.repository("models/\(ours).json"))["smithy.rules#endpointRuleSet"]
            let evaluator = EndpointRuleEvaluator(ruleSet: try EndpointRuleSet(document: try XCTUnwrap(ruleSet)))
            let known = Set(try XCTUnwrap(ruleSet?["parameters"]?.objectValue).keys)
            let officialService = try Self.service(in: officialURL)
            let officialEvaluator = EndpointRuleEvaluator(
                ruleSet: try EndpointRuleSet(document: try XCTUnwrap(officialService["smithy.rules#endpointRuleSet"])))
            let cases = officialService["smithy.rules#endpointTests"]?["testCases"]?.arrayValue ?? []
            var ran = 0
            var skipped = 0
            var failures: [String] = []
            for testCase in cases {
                let parameters = testCase["params"]?.objectValue ?? [:]
                // Cases with parameters our rule set does not have (other partitions' quirks, S3-style knobs) are out.
                guard Set(parameters.keys).isSubset(of: known) else {
                    skipped += 1
                    continue
                }
                ran += 1
                let name = testCase["documentation"]?.stringValue ?? "?"
                let expected = try? officialEvaluator.resolve(EndpointParameters(parameters)).url
                do {
                    let endpoint = try evaluator.resolve(EndpointParameters(parameters))
                    if endpoint.url != expected { failures.append("\(name): \(endpoint.url), official \(expected ?? "an error")") }
                } catch {
                    if expected != nil { failures.append("\(name): \(error), official \(expected ?? "")") }
                }
            }
            print("IDENTITY ENDPOINT RULES \(ours) vs official \(official): ran \(ran), passed \(ran - failures.count), "
                  + "failed \(failures.count), skipped \(skipped) (parameters our rule set does not have)")
            XCTAssertGreaterThan(ran, 0)
            for failure in failures { XCTFail("\(ours): \(failure)") }
        }
    }

    /// The traits of the model's service shape.
    static func service(in url: URL) throws -> JSONValue {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let shapes = document["shapes"] as? [String: [String: Any]] ?? [:]
        let service = try XCTUnwrap(shapes.values.first { $0["type"] as? String == "service" })
        let traits = try JSONSerialization.data(withJSONObject: service["traits"] ?? [:])
        return try JSONDecoder().decode(JSONValue.self, from: traits)
    }
}
