import CodeGenerator
import Foundation
import SmithyModel
import XCTest

/// Which shapes get generated JSON readers, and what they replace.
final class JSONReaderGenerationTests: XCTestCase {
    private static func model(protocolTrait: String) -> String {
        #"""
        {"smithy": "2.0", "shapes": {
          "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}],
                      "traits": {"\#(protocolTrait)": {}, "aws.api#service": {"sdkId": "Test"}}},
          "t.s#Op": {"type": "operation", "input": {"target": "t.s#OpInput"}, "output": {"target": "t.s#OpOutput"},
                     "traits": {"smithy.api#http": {"method": "POST", "uri": "/op"}}},
          "t.s#OpInput": {"type": "structure", "members": {"name": {"target": "smithy.api#String"}}},
          "t.s#OpOutput": {"type": "structure", "members": {
              "action": {"target": "t.s#Action"}, "choice": {"target": "t.s#Choice"},
              "when": {"target": "smithy.api#Timestamp"}, "count": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}}}}},
          "t.s#Action": {"type": "union", "members": {"quit": {"target": "smithy.api#Unit"}, "pause": {"target": "smithy.api#Unit"}}},
          "t.s#Choice": {"type": "union", "members": {"quit": {"target": "smithy.api#Unit"}, "label": {"target": "smithy.api#String"}}}
        }}
        """#
    }

    private func generate(_ text: String, options: GeneratorOptions = GeneratorOptions()) throws -> String {
        try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text), options: options)
            .map(\.contents).joined(separator: "\n")
    }

    func testOutputShapesOfJSONProtocolsAreReadWithoutCodableDecoding() throws {
        for protocolTrait in ["aws.protocols#awsJson1_0", "aws.protocols#restJson1"] {
            let source = try generate(Self.model(protocolTrait: protocolTrait))
            for expected in ["extension OpOutput: JSONShapeDecodable", "extension Action: JSONShapeDecodable",
                             "self.count = try json.int(\"count\") ?? 0", "self.when = try json.timestamp(\"when\")",
                             // Every member of `Action` targets Unit: there is no value to bind.
                             "let (name, _) = try json.unionMember(of: \"Action\")", "case \"quit\": self = .quit(EmptyOutput())",
                             "let (name, value) = try json.unionMember(of: \"Choice\")", "case \"label\": self = .label(try value.string())"] {
                XCTAssertTrue(source.contains(expected), "\(protocolTrait): generated code lacks \(expected)")
            }
            // The input keeps its `Codable` decoding; the output has none of its own.
            XCTAssertFalse(source.contains("extension OpInput: JSONShapeDecodable"), protocolTrait)
            XCTAssertEqual(source.components(separatedBy: "init(from decoder: any Decoder)").count - 1, 1, protocolTrait)
        }
    }

    func testCodableDecodingCanBeAskedForAndOtherProtocolsHaveNoReaders() throws {
        var options = GeneratorOptions()
        options.generatesJSONReaders = false
        let codable = try generate(Self.model(protocolTrait: "aws.protocols#awsJson1_1"), options: options)
        XCTAssertFalse(codable.contains("JSONShapeDecodable"))
        XCTAssertEqual(codable.components(separatedBy: "init(from decoder: any Decoder)").count - 1, 4)
        let xml = try generate(Self.model(protocolTrait: "aws.protocols#restXml"))
        XCTAssertFalse(xml.contains("JSONShapeDecodable"))
    }
}
