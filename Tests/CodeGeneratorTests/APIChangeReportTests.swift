import CodeGenerator
import Foundation
import SmithyModel
import XCTest

/// Pairs of small models, one per kind of change, and the report users get: what changed and whether it
/// breaks them.
final class APIChangeReportTests: XCTestCase {
    /// A service with `operations` (name → input members JSON) and extra shapes.
    private func model(operations: [String: String], outputMembers: String = "", errors: [String] = [],
                       shapes: String = "") throws -> Model {
        var text = #"{"smithy": "2.0", "shapes": {"t.s#Svc": {"type": "service", "version": "1", "operations": ["#
        text += operations.keys.sorted().map { #"{"target": "t.s#\#($0)"}"# }.joined(separator: ", ")
        text += #"], "traits": {"aws.protocols#awsJson1_1": {}}}"#
        for (name, members) in operations {
            let errorList = errors.map { #"{"target": "t.s#\#($0)"}"# }.joined(separator: ", ")
            text += #", "t.s#\#(name)": {"type": "operation", "input": {"target": "t.s#\#(name)Input"}, "output": {"target": "t.s#\#(name)Output"}, "errors": [\#(errorList)]}"#
            text += #", "t.s#\#(name)Input": {"type": "structure", "members": {\#(members)}}"#
            text += #", "t.s#\#(name)Output": {"type": "structure", "members": {\#(outputMembers)}}"#
        }
        for error in errors {
            text += #", "t.s#\#(error)": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}}"#
        }
        if !shapes.isEmpty { text += ", " + shapes }
        text += "}}"
        return try GeneratorFixture.model(text)
    }

    private func report(_ old: Model, _ new: Model) -> [String] {
        APIChangeReport.between(old: old, new: new).changes.map(\.description)
    }

    private let plainName = #""name": {"target": "smithy.api#String"}"#
    private let requiredName = #""name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}"#

    func testOperationsAddedAndRemoved() throws {
        let old = try model(operations: ["Get": plainName, "Delete": plainName])
        let new = try model(operations: ["Get": plainName, "Put": plainName])
        XCTAssertEqual(report(old, new), ["compatible: operation added: Put", "BREAKING: operation removed: Delete"])
    }

    func testMembersAddedRemovedAndBecomingRequired() throws {
        let old = try model(operations: ["Get": plainName + #", "gone": {"target": "smithy.api#String"}"#])
        let new = try model(operations: ["Get": requiredName + #", "extra": {"target": "smithy.api#Integer"}, "must": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}"#])
        XCTAssertEqual(Set(report(old, new)), [
            "compatible: member added: GetInput.extra",
            "BREAKING: member added: GetInput.must (required)",
            "BREAKING: member removed: GetInput.gone",
            "BREAKING: member became required: GetInput.name (its Swift type is no longer optional)",
        ])
        XCTAssertEqual(report(new, old).filter { $0.contains("became optional") },
                       ["BREAKING: member became optional: GetInput.name (its Swift type becomes optional)"])
    }

    func testTypeChanges() throws {
        let old = try model(operations: ["Get": #""count": {"target": "smithy.api#Integer"}"#])
        let new = try model(operations: ["Get": #""count": {"target": "smithy.api#String"}"#])
        XCTAssertEqual(report(old, new), ["BREAKING: type changed: GetInput.count (Integer → String)"])
    }

    func testEnumValuesAddedAndRemoved() throws {
        let color = { (values: [String]) in
            #""t.s#Color": {"type": "enum", "members": {"# + values.map { #""\#($0)": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "\#($0.lowercased())"}}"# }
                .joined(separator: ", ") + "}}"
        }
        let member = #""color": {"target": "t.s#Color"}"#
        let old = try model(operations: ["Get": member], shapes: color(["RED", "GREEN"]))
        let new = try model(operations: ["Get": member], shapes: color(["RED", "BLUE"]))
        XCTAssertEqual(report(old, new), [
            "compatible: enum value added: Color.blue",
            "BREAKING: enum value removed: Color.green (its static case is gone)",
        ])
    }

    func testConstraintsTightenedInInputsLoosenedAndInOutputs() throws {
        let limited = { (max: Int) in #""name": {"target": "smithy.api#String", "traits": {"smithy.api#length": {"min": 1, "max": \#(max)}}}"# }
        let old = try model(operations: ["Get": limited(100)], outputMembers: limited(100))
        let new = try model(operations: ["Get": limited(50)], outputMembers: limited(50))
        XCTAssertEqual(report(old, new), [
            "BREAKING: constraint tightened: GetInput.name (length 1...100 → 1...50)",
            "compatible: constraint tightened: GetOutput.name (length 1...100 → 1...50)",
        ])
        XCTAssertEqual(report(new, old).first, "compatible: constraint loosened: GetInput.name (length 1...50 → 1...100)")
        let patterned = try model(operations: ["Get": #""name": {"target": "smithy.api#String", "traits": {"smithy.api#pattern": "^[a-z]+$"}}"#])
        XCTAssertEqual(report(try model(operations: ["Get": plainName]), patterned),
                       [#"BREAKING: constraint tightened: GetInput.name (pattern none → "^[a-z]+$")"#])
    }

    func testErrorsAddedAndRemoved() throws {
        let old = try model(operations: ["Get": plainName], errors: ["Throttled"])
        let new = try model(operations: ["Get": plainName], errors: ["NotFound"])
        XCTAssertEqual(report(old, new), [
            "compatible: error added: Get throws NotFound", "compatible: error removed: Get throws Throttled",
        ])
    }

    func testTheSameModelHasNoChangesAndTheReportLeadsWithBreakingOnes() throws {
        let base = try model(operations: ["Get": plainName, "Delete": plainName])
        XCTAssertEqual(APIChangeReport.between(old: base, new: base).lines, ["API changes: none"])
        let lines = APIChangeReport.between(old: base, new: try model(operations: ["Get": plainName, "Put": plainName])).lines
        XCTAssertEqual(lines, ["API changes: 2 (1 breaking)", "  BREAKING: operation removed: Delete", "  compatible: operation added: Put"])
    }
}
