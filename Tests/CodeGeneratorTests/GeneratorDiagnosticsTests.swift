import CodeGenerator
import Foundation
import SmithyModel
import XCTest

final class GeneratorDiagnosticsTests: XCTestCase {
    private func diagnostics(_ text: String) throws -> [String] {
        try GeneratorFixture.diagnostics(text)
    }

    func testUnsupportedProtocolIsAnError() throws {
        let text = GeneratorFixture.serviceModel(protocolTrait: "aws.protocols#madeUpProtocol",
                                                 extraShapes: #""t.s#OpInput": {"type": "structure", "members": {}}"#)
        XCTAssertEqual(try diagnostics(text), [
            "error: unsupported protocol (found: aws.protocols#madeUpProtocol); supported: aws.protocols#awsJson1_0, aws.protocols#awsJson1_1, aws.protocols#restJson1, aws.protocols#awsQuery, aws.protocols#ec2Query, aws.protocols#restXml, smithy.protocols#rpcv2Cbor [shape t.s#Svc at $.shapes[\"t.s#Svc\"].traits]",
        ])
    }

    func testTwoShapesWithTheSameSwiftNameCollide() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: """
            "t.s#OpInput": {"type": "structure", "members": {"a": {"target": "t.s#Thing"}, "b": {"target": "u.v#Thing"}}},
            "t.s#Thing": {"type": "structure", "members": {}},
            "u.v#Thing": {"type": "structure", "members": {}}
            """)
        XCTAssertEqual(try diagnostics(text), [
            "error: shapes t.s#Thing and u.v#Thing both become the Swift type Thing; add a rename on the service [shape u.v#Thing at $.shapes[\"u.v#Thing\"]]",
        ])
    }

    func testEnumValuesWhoseSwiftNamesCollide() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: """
            "t.s#OpInput": {"type": "structure", "members": {"e": {"target": "t.s#E"}}},
            "t.s#E": {"type": "enum", "members": {"FOO_BAR": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a"}},
                                                  "FooBar": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "b"}}}}
            """)
        XCTAssertEqual(try diagnostics(text), [
            "error: enum values \"a\" and \"b\" both become the Swift case fooBar [shape t.s#E$FooBar at $.shapes[\"t.s#E\"]]",
        ])
    }

    func testPatternThatCannotCompileIsAWarningAndItsCheckIsLeftOut() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: """
            "t.s#OpInput": {"type": "structure", "members": {"s": {"target": "t.s#Bad"}}},
            "t.s#Bad": {"type": "string", "traits": {"smithy.api#pattern": "([a-z"}}
            """)
        XCTAssertEqual(try diagnostics(text), [
            "warning: pattern \"([a-z\" is left unchecked: unterminated character class [shape t.s#Bad at $.shapes[\"t.s#Bad\"].traits[\"smithy.api#pattern\"]]",
        ])
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        let validation = try XCTUnwrap(files.first { $0.path == "Validation.swift" }?.contents)
        XCTAssertFalse(validation.contains("ValidationPattern("), validation)
    }

    func testRenameResolvesACollision() throws {
        let text = """
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}],
                          "rename": {"u.v#Thing": "OtherThing"},
                          "traits": {"aws.protocols#awsJson1_1": {}, "aws.api#service": {"sdkId": "Test"}}},
              "t.s#Op": {"type": "operation", "input": {"target": "t.s#OpInput"}},
              "t.s#OpInput": {"type": "structure", "members": {"a": {"target": "t.s#Thing"}, "b": {"target": "u.v#Thing"}}},
              "t.s#Thing": {"type": "structure", "members": {}},
              "u.v#Thing": {"type": "structure", "members": {}}
            }}
            """
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        XCTAssertTrue(files.contains { $0.contents.contains("public struct OtherThing:") })
    }

    func testAModelWithoutAServiceIsAnError() throws {
        XCTAssertEqual(try diagnostics(#"{"smithy": "2.0", "shapes": {"a.b#S": {"type": "string"}}}"#), [
            "error: the model defines no service shape [at $.shapes]",
        ])
    }
}
