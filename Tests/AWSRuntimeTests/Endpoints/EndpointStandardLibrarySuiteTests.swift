import Foundation
import XCTest

@testable import AWSRuntime

/// Runs the rules-engine standard-library suite in `../shared/testdata/endpoints/stdlib`: every rule set in
/// `valid-rules/` must load, and every case in `test-cases/` for it must resolve exactly as expected.
final class EndpointStandardLibrarySuiteTests: XCTestCase {
    func testEveryStandardLibraryCaseResolvesAsExpected() throws {
        let suite = try EndpointSharedTestData.existingURL("testdata/endpoints/stdlib")
        let ruleSetFiles = try FileManager.default
            .contentsOfDirectory(at: suite.appendingPathComponent("valid-rules"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertFalse(ruleSetFiles.isEmpty, "no rule sets found in \(suite.path)/valid-rules")

        var total = 0
        var failures: [String] = []
        for ruleSetFile in ruleSetFiles {
            let name = ruleSetFile.lastPathComponent
            let ruleSet: EndpointRuleSet
            do {
                ruleSet = try EndpointRuleSet(json: Data(contentsOf: ruleSetFile))
            } catch {
                failures.append("\(name): rule set failed to load: \(error)")
                continue
            }
            // Some rule sets exist only to be loaded (parameter deprecation, type inference): no cases file.
            let casesFile = suite.appendingPathComponent("test-cases").appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: casesFile.path) else { continue }
            let cases = try JSONValue(json: Data(contentsOf: casesFile))["testCases"]?.arrayValue ?? []
            let runner = EndpointTestCaseRunner(ruleSet: ruleSet)
            for testCase in cases {
                total += 1
                if let failure = runner.run(testCase) { failures.append("\(name): \(failure)") }
            }
        }
        print("endpoint stdlib: \(total - failures.count) passed / \(total) cases")
        XCTAssertGreaterThan(total, 0, "no test cases found in \(suite.path)/test-cases")
        XCTAssert(failures.isEmpty, "\(failures.count) failure(s):\n" + failures.joined(separator: "\n"))
    }
}
