import CodeGenerator
import Foundation
import SmithyModel
import XCTest

/// What regenerating over an existing client (and `--check` on a stale one) reports: the change users see,
/// read from the generated Swift before and after, since the old model is usually gone by then.
final class GeneratedAPISurfaceTests: XCTestCase {
    /// A small service: `Get` with `input` members, `extra` operations, an enum `Color` and `errors`.
    private func surface(input: String, extraOperations: [String] = [], colors: [String] = ["red", "blue"],
                         errors: [String] = ["NotFound"]) throws -> GeneratedAPISurface {
        let operations = (["Get"] + extraOperations).map { #"{"target": "t.s#\#($0)"}"# }.joined(separator: ", ")
        var text = #"{"smithy": "2.0", "shapes": {"t.s#Svc": {"type": "service", "version": "1", "operations": [\#(operations)], "traits": {"aws.protocols#awsJson1_1": {}}}"#
        let errorList = errors.map { #"{"target": "t.s#\#($0)"}"# }.joined(separator: ", ")
        text += #", "t.s#Get": {"type": "operation", "input": {"target": "t.s#GetInput"}, "output": {"target": "t.s#GetOutput"}, "errors": [\#(errorList)]}"#
        for name in extraOperations { text += #", "t.s#\#(name)": {"type": "operation"}"# }
        text += #", "t.s#GetInput": {"type": "structure", "members": {\#(input)}}"#
        text += #", "t.s#GetOutput": {"type": "structure", "members": {"color": {"target": "t.s#Color"}}}"#
        let values = colors.map { #""\#($0.uppercased())": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "\#($0)"}}"# }
        text += #", "t.s#Color": {"type": "enum", "members": {\#(values.joined(separator: ", "))}}"#
        for error in errors { text += #", "t.s#\#(error)": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}}"# }
        text += "}}"
        let files = try GeneratorFixture.generator().generate(model: try GeneratorFixture.model(text))
        return GeneratedAPISurface(files: files.map { (name: $0.path, contents: $0.contents) })
    }

    private let plainName = #""name": {"target": "smithy.api#String"}"#
    private let requiredName = #""name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}"#
    private let size = #""size": {"target": "smithy.api#Integer"}"#

    private func report(_ old: GeneratedAPISurface, _ new: GeneratedAPISurface) -> [String] {
        APIChangeReport.between(old: old, new: new).changes.map(\.description)
    }

    func testTheSurfaceOfAGeneratedClient() throws {
        let surface = try surface(input: plainName, extraOperations: ["Ping"])
        XCTAssertEqual(surface.operations, ["get", "ping"])
        XCTAssertEqual(surface.structures["GetRequest"] ?? surface.structures["GetInput"], ["name": "String?"])
        XCTAssertEqual(surface.enums["Color"], ["red", "blue"])
        XCTAssertEqual(surface.errorCodes, ["NotFound"])
    }

    func testNothingChangedIsAnEmptyReport() throws {
        XCTAssertEqual(report(try surface(input: plainName), try surface(input: plainName)), [])
    }

    func testOperationsMembersOptionalityEnumsAndErrors() throws {
        let old = try surface(input: plainName + ", " + size, extraOperations: ["Ping"], colors: ["red", "blue"], errors: ["NotFound"])
        let new = try surface(input: requiredName + #", "tags": {"target": "smithy.api#String"}"#, extraOperations: ["Pong"],
                              colors: ["red", "green"], errors: ["NotFound", "Throttled"])
        let changes = report(old, new)
        let input = old.structures["GetRequest"] != nil ? "GetRequest" : "GetInput"
        XCTAssertEqual(Set(changes), [
            "compatible: operation added: pong",
            "BREAKING: operation removed: ping",
            "compatible: member added: \(input).tags (String?)",
            "BREAKING: member removed: \(input).size",
            "BREAKING: member became required: \(input).name (String? → String)",
            "compatible: enum value added: Color.green",
            "BREAKING: enum value removed: Color.blue (its case is gone)",
            "compatible: error added: Throttled",
        ])
    }
}
