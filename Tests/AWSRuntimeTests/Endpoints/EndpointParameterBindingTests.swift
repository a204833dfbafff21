import Foundation
import XCTest

@testable import AWSRuntime

/// How parameters get their values: by name, from built-ins, from defaults, and how bad input is reported.
final class EndpointParameterBindingTests: XCTestCase {
    private let ruleSetJSON = #"""
        {
          "version": "1.0",
          "parameters": {
            "Region": {"type": "String", "builtIn": "AWS::Region", "required": true},
            "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
            "Stage": {"type": "String"}
          },
          "rules": [
            {
              "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
              "endpoint": {"url": "https://fips.{Region}.example.com"},
              "type": "endpoint"
            },
            {
              "conditions": [{"fn": "isSet", "argv": [{"ref": "Stage"}]}],
              "endpoint": {"url": "https://{Region}.example.com/{Stage}"},
              "type": "endpoint"
            },
            {"conditions": [], "endpoint": {"url": "https://{Region}.example.com"}, "type": "endpoint"}
          ]
        }
        """#

    private func resolve(_ parameters: EndpointParameters) throws -> String {
        try EndpointRuleEvaluator(ruleSet: EndpointRuleSet(jsonString: ruleSetJSON)).resolve(parameters).url
    }

    func testBuiltInFillsParameterBoundToIt() throws {
        XCTAssertEqual(try resolve(EndpointParameters(region: "eu-west-1")), "https://eu-west-1.example.com")
    }

    func testSubscriptsBuildParametersStepByStep() throws {
        var parameters = EndpointParameters()
        parameters[.region] = "ap-south-1"
        parameters["UseFIPS"] = true
        XCTAssertEqual(try resolve(parameters), "https://fips.ap-south-1.example.com")
    }

    func testValueByNameWinsOverBuiltIn() throws {
        let parameters = EndpointParameters(region: "eu-west-1").setting("Region", to: "us-east-2")
        XCTAssertEqual(try resolve(parameters), "https://us-east-2.example.com")
    }

    func testDefaultAppliesWhenNothingSetsParameter() throws {
        XCTAssertEqual(try resolve(["Region": "us-east-1"]), "https://us-east-1.example.com")
        XCTAssertEqual(try resolve(["Region": "us-east-1", "UseFIPS": true]), "https://fips.us-east-1.example.com")
    }

    func testNullMeansUnset() throws {
        XCTAssertEqual(try resolve(["Region": "us-east-1", "Stage": nil]), "https://us-east-1.example.com")
        XCTAssertEqual(try resolve(["Region": "us-east-1", "Stage": "beta"]), "https://us-east-1.example.com/beta")
    }

    func testMissingRequiredParameterIsReported() {
        XCTAssertThrowsError(try resolve([:])) { error in
            XCTAssertEqual(error as? EndpointError, .missingRequiredParameter(name: "Region"))
        }
    }

    func testWrongParameterTypeIsReported() {
        XCTAssertThrowsError(try resolve(["Region": "us-east-1", "UseFIPS": "yes"])) { error in
            XCTAssertEqual(
                error as? EndpointError, .invalidParameterType(name: "UseFIPS", expected: "boolean", actual: "string"))
        }
    }

    func testUnknownParametersAreIgnored() throws {
        XCTAssertEqual(try resolve(["Region": "us-east-1", "Bucket": "b"]), "https://us-east-1.example.com")
    }

    func testParameterDefinitionsAreExposedSortedByName() throws {
        let ruleSet = try EndpointRuleSet(jsonString: ruleSetJSON)
        XCTAssertEqual(ruleSet.parameters.map(\.name), ["Region", "Stage", "UseFIPS"])
        XCTAssertEqual(
            ruleSet.parameter(named: "UseFIPS"),
            EndpointParameterDefinition(
                name: "UseFIPS", type: .boolean, builtIn: .useFIPS, isRequired: true, defaultValue: false))
        XCTAssertEqual(ruleSet.version, "1.0")
    }
}
