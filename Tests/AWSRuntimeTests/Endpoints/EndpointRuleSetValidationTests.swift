import Foundation
import XCTest

@testable import AWSRuntime

/// A malformed rule set is rejected when it loads, with the JSON path of the problem.
final class EndpointRuleSetValidationTests: XCTestCase {
    private func loadError(rules: String, parameters: String = #"{"Region": {"type": "string"}}"#) -> EndpointError? {
        let json = #"{"version": "1.0", "parameters": \#(parameters), "rules": \#(rules)}"#
        do {
            _ = try EndpointRuleSet(jsonString: json)
            return nil
        } catch {
            return error as? EndpointError
        }
    }

    func testNonJSONInputIsInvalidJSON() {
        XCTAssertThrowsError(try EndpointRuleSet(jsonString: "{not json")) { error in
            guard case .invalidJSON = error as? EndpointError else { return XCTFail("got \(error)") }
        }
    }

    func testUnknownFunctionNamesItsPath() {
        let rules = #"[{"conditions": [{"fn": "aws.frobnicate", "argv": []}], "error": "x", "type": "error"}]"#
        XCTAssertEqual(
            loadError(rules: rules),
            .invalidRuleSet(path: "$.rules[0].conditions[0].fn", reason: "unknown function 'aws.frobnicate'"))
    }

    func testWrongArgumentCountIsRejected() {
        let rules = #"[{"conditions": [{"fn": "not", "argv": [true, false]}], "error": "x", "type": "error"}]"#
        XCTAssertEqual(
            loadError(rules: rules),
            .invalidRuleSet(path: "$.rules[0].conditions[0].argv", reason: "not takes 1 argument(s), got 2"))
    }

    func testReferenceToUndefinedNameIsRejected() {
        let rules = #"[{"conditions": [], "endpoint": {"url": "https://{Bucket}.x"}, "type": "endpoint"}]"#
        XCTAssertEqual(
            loadError(rules: rules),
            .invalidRuleSet(
                path: "$.rules[0].endpoint.url",
                reason: "'Bucket' is not a parameter or a name assigned earlier on this rule's path"))
    }

    func testAssignedNameIsNotVisibleToSiblingRules() {
        let rules = #"""
            [
              {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
                              {"fn": "isSet", "argv": [{"ref": "p"}]}],
               "error": "{p#name}", "type": "error"},
              {"conditions": [], "error": "{p#name}", "type": "error"}
            ]
            """#
        XCTAssertEqual(
            loadError(rules: rules),
            .invalidRuleSet(
                path: "$.rules[1].error",
                reason: "'p' is not a parameter or a name assigned earlier on this rule's path"))
    }

    func testReassigningANameIsRejected() {
        let rules = #"""
            [{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}], "assign": "Region"}],
              "error": "x", "type": "error"}]
            """#
        XCTAssertEqual(
            loadError(rules: rules),
            .invalidRuleSet(
                path: "$.rules[0].conditions[0].assign",
                reason: "'Region' is already defined and cannot be reassigned"))
    }

    func testUnknownRuleTypeIsRejected() {
        XCTAssertEqual(
            loadError(rules: #"[{"conditions": [], "type": "redirect"}]"#),
            .invalidRuleSet(path: "$.rules[0].type", reason: "unknown rule type 'redirect'"))
    }

    func testUnknownParameterTypeIsRejected() {
        XCTAssertEqual(
            loadError(rules: "[]", parameters: #"{"Count": {"type": "integer"}}"#),
            .invalidRuleSet(path: "$.parameters.Count.type", reason: "unknown parameter type 'integer'"))
    }

    func testDefaultOfWrongTypeIsRejected() {
        XCTAssertEqual(
            loadError(rules: "[]", parameters: #"{"UseFIPS": {"type": "boolean", "default": "no"}}"#),
            .invalidRuleSet(path: "$.parameters.UseFIPS.default", reason: #"default "no" is not a boolean"#))
    }

    func testUnclosedTemplatePlaceholderIsRejected() {
        XCTAssertEqual(
            loadError(rules: #"[{"conditions": [], "endpoint": {"url": "https://{Region"}, "type": "endpoint"}]"#),
            .invalidRuleSet(
                path: "$.rules[0].endpoint.url", reason: "template 'https://{Region' has an unclosed '{'"))
    }

    func testInvalidGetAttrPathIsRejected() {
        let rules = #"""
            [{"conditions": [{"fn": "getAttr", "argv": [{"ref": "Region"}, "a[x]"]}], "error": "x", "type": "error"}]
            """#
        XCTAssertEqual(
            loadError(rules: rules),
            .invalidRuleSet(path: "$.rules[0].conditions[0].argv[1]", reason: "'a[x]' is not a valid getAttr path"))
    }

    func testErrorDescriptionsNameThePath() {
        XCTAssertEqual(
            EndpointError.invalidRuleSet(path: "$.rules[3]", reason: "bad").description,
            "Invalid endpoint rule set at $.rules[3]: bad")
        XCTAssertEqual(
            EndpointError.ruleSetError(message: "Invalid Configuration: Missing Region").description,
            "Invalid Configuration: Missing Region")
    }
}
