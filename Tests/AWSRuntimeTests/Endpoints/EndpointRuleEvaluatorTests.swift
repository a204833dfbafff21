import Foundation
import XCTest

@testable import AWSRuntime

/// Evaluation behaviours of the rules engine beyond the shared suites.
final class EndpointRuleEvaluatorTests: XCTestCase {
    private func evaluator(parameters: String = #"{"Region": {"type": "string"}}"#, rules: String) throws
        -> EndpointRuleEvaluator
    {
        let json = #"{"version": "1.0", "parameters": \#(parameters), "rules": \#(rules)}"#
        return EndpointRuleEvaluator(ruleSet: try EndpointRuleSet(jsonString: json))
    }

    func testDoubledBracesAreLiteralBraces() throws {
        let rules = #"""
            [{"conditions": [], "endpoint": {"url": "https://{Region}.example.com/{{literal}}"}, "type": "endpoint"}]
            """#
        let endpoint = try evaluator(rules: rules).resolve(["Region": "us-east-1"])
        XCTAssertEqual(endpoint.url, "https://us-east-1.example.com/{literal}")
    }

    func testTemplatePathReadsAssignedObject() throws {
        let rules = #"""
            [{"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
              "endpoint": {"url": "https://svc.{Region}.{p#dualStackDnsSuffix}",
                           "properties": {"authSchemes": [{"name": "sigv4", "signingRegion": "{Region}"}],
                                          "partition": "{p#name}", "fips": true}},
              "type": "endpoint"}]
            """#
        let endpoint = try evaluator(rules: rules).resolve(["Region": "cn-north-1"])
        XCTAssertEqual(
            endpoint,
            ResolvedEndpoint(
                url: "https://svc.cn-north-1.api.amazonwebservices.com.cn",
                properties: [
                    "authSchemes": [["name": "sigv4", "signingRegion": "cn-north-1"]],
                    "partition": "aws-cn",
                    "fips": true,
                ]))
    }

    func testErrorRuleThrowsItsTemplatedMessage() throws {
        let rules = #"[{"conditions": [], "error": "Region {Region} is not supported", "type": "error"}]"#
        XCTAssertThrowsError(try evaluator(rules: rules).resolve(["Region": "moon-1"])) { error in
            XCTAssertEqual(error as? EndpointError, .ruleSetError(message: "Region moon-1 is not supported"))
        }
    }

    func testTreeWithoutMatchingChildIsTerminal() throws {
        let rules = #"""
            [{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "type": "tree",
              "rules": [{"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "x"]}],
                         "endpoint": {"url": "https://x"}, "type": "endpoint"}]},
             {"conditions": [], "endpoint": {"url": "https://fallback"}, "type": "endpoint"}]
            """#
        XCTAssertThrowsError(try evaluator(rules: rules).resolve(["Region": "y"])) { error in
            XCTAssertEqual(error as? EndpointError, .noMatchingRule(path: "$.rules[0].rules"))
        }
        XCTAssertEqual(try evaluator(rules: rules).resolve([:]).url, "https://fallback")
    }

    func testNoMatchingRuleAtTopLevelIsReported() throws {
        let rules = #"""
            [{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "endpoint": {"url": "https://x"},
              "type": "endpoint"}]
            """#
        XCTAssertThrowsError(try evaluator(rules: rules).resolve([:])) { error in
            XCTAssertEqual(error as? EndpointError, .noMatchingRule(path: "$.rules"))
        }
    }

    func testUnsetValueInEndpointURLIsAnEvaluationError() throws {
        let rules = #"[{"conditions": [], "endpoint": {"url": "https://{Region}.example.com"}, "type": "endpoint"}]"#
        XCTAssertThrowsError(try evaluator(rules: rules).resolve([:])) { error in
            XCTAssertEqual(
                error as? EndpointError,
                .evaluationFailed(path: "$.rules[0].endpoint.url", reason: "a value used here is unset"))
        }
    }

    func testFailedConditionDoesNotLeakItsAssignmentIntoLaterRules() throws {
        // The first rule assigns `arn` and then fails; the second rule assigns it again from a different input.
        let parameters = #"{"A": {"type": "string"}, "B": {"type": "string"}}"#
        let rules = #"""
            [{"conditions": [{"fn": "aws.parseArn", "argv": [{"ref": "A"}], "assign": "arn"},
                             {"fn": "stringEquals",
                              "argv": [{"fn": "getAttr", "argv": [{"ref": "arn"}, "service"]}, "s3"]}],
              "endpoint": {"url": "https://s3.{arn#region}"}, "type": "endpoint"},
             {"conditions": [{"fn": "aws.parseArn", "argv": [{"ref": "B"}], "assign": "arn"}],
              "endpoint": {"url": "https://{arn#service}.{arn#region}"}, "type": "endpoint"}]
            """#
        let endpoint = try evaluator(parameters: parameters, rules: rules).resolve([
            "A": "arn:aws:sqs:eu-west-1:123:queue", "B": "arn:aws:sns:us-west-2:123:topic",
        ])
        XCTAssertEqual(endpoint.url, "https://sns.us-west-2")
    }

    func testHeadersKeepValueOrder() throws {
        let rules = #"""
            [{"conditions": [], "endpoint": {"url": "https://x", "headers": {"x-multi": ["a", "{Region}", "c"]}},
              "type": "endpoint"}]
            """#
        XCTAssertEqual(try evaluator(rules: rules).resolve(["Region": "b"]).headers, ["x-multi": ["a", "b", "c"]])
    }

    func testEvaluatorIsReusableAcrossResolutions() throws {
        let rules = #"[{"conditions": [], "endpoint": {"url": "https://{Region}.example.com"}, "type": "endpoint"}]"#
        let evaluator = try evaluator(rules: rules)
        XCTAssertEqual(try evaluator.resolve(["Region": "a"]).url, "https://a.example.com")
        XCTAssertEqual(try evaluator.resolve(["Region": "b"]).url, "https://b.example.com")
    }
}
