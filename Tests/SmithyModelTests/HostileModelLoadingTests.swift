import Foundation
import SmithyModel
import XCTest

/// Models a consumer package may bring, crafted or just odd: each is loaded without a crash, a hang or a
/// silently altered name, or rejected with an error that names the shape and the JSON path.
final class HostileModelLoadingTests: XCTestCase {
    private func errors(_ text: String) -> [String] {
        errors(Data(text.utf8))
    }

    private func errors(_ data: Data) -> [String] {
        do {
            _ = try ModelLoader.load(data: data)
            return []
        } catch let error as ModelError {
            return error.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    private func shapes(_ body: String) -> String { #"{"smithy": "2.0", "shapes": {"# + body + "}}" }

    // MARK: - Identifiers

    func testShapeNamesMustFollowTheSmithyGrammar() {
        for name in [#"Op\"\n}"#, "_", "__", "9Lives", "Ca-fe", "Caf\\u00e9", "\\ud83d\\ude00", "A B", "A\\u2028B"] {
            let found = errors(shapes(#""ns#\#(name)": {"type": "structure", "members": {}}"#))
            XCTAssertEqual(found.count, 1, name)
            XCTAssertTrue(found.first?.contains("is not an absolute shape id") ?? false, "\(name): \(found)")
        }
        XCTAssertEqual(errors(shapes(#""na-me.space#Ok": {"type": "structure"}"#)).count, 1, "namespaces too")
        XCTAssertEqual(errors(shapes(#""_ok.__x9#_Name_2": {"type": "structure"}"#)), [], "underscores then a letter are fine")
    }

    func testMemberNamesMustFollowTheSmithyGrammar() {
        let found = errors(shapes(#""ns#S": {"type": "structure", "members": {"a\"b": {"target": "smithy.api#String"}}}"#))
        XCTAssertEqual(found, [
            #"error: member name "a\"b" is not a Smithy identifier (ASCII letters, digits and underscores, starting with a letter or underscores and a letter) [shape ns#S at $.shapes["ns#S"].members["a\"b"]]"#,
        ])
    }

    func testRenameValuesMustBeIdentifiers() {
        let found = errors(shapes(#"""
            "ns#Svc": {"type": "service", "version": "1", "rename": {"ns#S": "S\n; evil()"}},
            "ns#S": {"type": "structure"}
            """#))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].contains("must map a shape id to a Smithy identifier"), found[0])
        XCTAssertFalse(found[0].contains("\n"), "the message stays on one line")
    }

    /// A map key that is not a string (the model fuzzer found one retargeted to its own map, which recursed without
    /// end in the generator) is refused with its path.
    func testMapKeysMustTargetStrings() {
        let found = errors(shapes(#"""
            "ns#Loop": {"type": "map", "key": {"target": "ns#Loop"}, "value": {"target": "smithy.api#String"}},
            "ns#Numbers": {"type": "map", "key": {"target": "smithy.api#Integer"}, "value": {"target": "smithy.api#String"}},
            "ns#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a"}}}},
            "ns#ByKind": {"type": "map", "key": {"target": "ns#Kind"}, "value": {"target": "smithy.api#String"}}
            """#))
        XCTAssertEqual(found, [
            #"error: a map key must target a string, not the map ns#Loop [shape ns#Loop$key at $.shapes["ns#Loop"].key.target]"#,
            #"error: a map key must target a string, not the integer smithy.api#Integer [shape ns#Numbers$key at $.shapes["ns#Numbers"].key.target]"#,
        ])
    }

    func testMemberNamesThatDifferOnlyInCaseAreAnError() {
        let found = errors(shapes(#""ns#S": {"type": "structure", "members": {"name": {"target": "smithy.api#String"}, "Name": {"target": "smithy.api#String"}}}"#))
        XCTAssertEqual(found, [#"error: members name and Name differ only in case [shape ns#S$Name at $.shapes["ns#S"].members.Name]"#])
    }

    // MARK: - Encoding

    func testInvalidUTF8IsAnErrorWithItsByteOffset() {
        var bytes = Array(#"{"smithy": "2.0", "shapes": {"ns#S": {"type": "structure", "traits": {"smithy.api#documentation": "ab"#.utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28]  // a two-byte lead followed by a non-continuation byte
        bytes += Array(#""}}}}"#.utf8)
        let found = errors(Data(bytes))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].contains("invalid UTF-8 at byte offset \(offset) (byte 0xC3)"), found[0])
        for sequence: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            XCTAssertEqual(errors(Data(Array(#"{"smithy": "2.0", "x": ""#.utf8) + sequence + Array(#""}"#.utf8))).count, 1,
                           "\(sequence) is not UTF-8")
        }
    }

    // MARK: - Shapes that cannot become Swift types

    func testAListThatContainsItselfIsAnError() {
        let found = errors(shapes(#""ns#L": {"type": "list", "member": {"target": "ns#L"}}"#))
        XCTAssertEqual(found, [
            #"error: list ns#L contains itself through lists and maps alone (ns#L → ns#L); recursion must pass through a structure or union [shape ns#L at $.shapes["ns#L"]]"#,
        ])
        let mapCycle = errors(shapes(#"""
            "ns#M": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ns#L"}},
            "ns#L": {"type": "list", "member": {"target": "ns#M"}}
            """#))
        XCTAssertEqual(mapCycle.count, 1, "\(mapCycle)")
    }

    func testRecursionThroughAStructureIsFine() {
        XCTAssertEqual(errors(shapes(#"""
            "ns#L": {"type": "list", "member": {"target": "ns#S"}},
            "ns#S": {"type": "structure", "members": {"children": {"target": "ns#L"}}}
            """#)), [])
    }

    func testCollectionsNestedTooDeeplyAreAnError() {
        var body = #""ns#L0": {"type": "list", "member": {"target": "smithy.api#String"}}"#
        for level in 1...40 { body += #", "ns#L\#(level)": {"type": "list", "member": {"target": "ns#L\#(level - 1)"}}"# }
        let found = errors(shapes(body))
        XCTAssertFalse(found.isEmpty)
        XCTAssertTrue(found.allSatisfy { $0.contains("lists and maps nest more than 32 deep") }, "\(found)")
    }

    func testAMixinChainOfThousandsOfLinksLoads() throws {
        var body = #""ns#M0": {"type": "structure", "members": {"m0": {"target": "smithy.api#String"}}, "traits": {"smithy.api#mixin": {}}}"#
        for index in 1..<5_000 {
            body += #", "ns#M\#(index)": {"type": "structure", "mixins": [{"target": "ns#M\#(index - 1)"}], "traits": {"smithy.api#mixin": {}}}"#
        }
        body += #", "ns#Leaf": {"type": "structure", "mixins": [{"target": "ns#M4999"}], "members": {"own": {"target": "smithy.api#String"}}}"#
        let model = try ModelLoader.load(data: Data(shapes(body).utf8))
        let leaf = try XCTUnwrap(model.shape(XCTUnwrap(ShapeID("ns#Leaf"))))
        XCTAssertEqual(leaf.members.map(\.name), ["m0", "own"])
    }

    func testAMixinCycleIsAnError() {
        let found = errors(shapes(#"""
            "ns#A": {"type": "structure", "mixins": [{"target": "ns#B"}], "traits": {"smithy.api#mixin": {}}},
            "ns#B": {"type": "structure", "mixins": [{"target": "ns#A"}], "traits": {"smithy.api#mixin": {}}}
            """#))
        XCTAssertEqual(found, [#"error: mixins form a cycle: ns#A → ns#B → ns#A [shape ns#B at $.shapes["ns#B"].mixins]"#])
    }

    func testAResourceBoundUnderItselfManyTimesIsWalkedOnce() throws {
        let repeated = Array(repeating: #"{"target": "ns#R"}"#, count: 64).joined(separator: ", ")
        let model = try ModelLoader.load(data: Data(shapes(#"""
            "ns#Svc": {"type": "service", "version": "1", "resources": [\#(repeated)]},
            "ns#R": {"type": "resource", "resources": [\#(repeated)], "operations": [{"target": "ns#Op"}]},
            "ns#Op": {"type": "operation"}
            """#).utf8))
        let service = try XCTUnwrap(model.services.first)
        XCTAssertEqual(model.operations(of: service).map(\.id.description), ["ns#Op"])
    }

    // MARK: - Traits whose values cannot be written as Swift

    func testErrorsMustHaveTheErrorTrait() {
        let found = errors(shapes(#"""
            "ns#Op": {"type": "operation", "errors": [{"target": "ns#NotAnError"}]},
            "ns#NotAnError": {"type": "structure"}
            """#))
        XCTAssertEqual(found, [
            #"error: ns#NotAnError is listed as an error but is not a structure with the error trait ("client" or "server") [shape ns#Op at $.shapes["ns#Op"].errors[0]]"#,
        ])
    }

    func testIntEnumValuesMustBe32BitIntegers() {
        for value in [#""1); evil(""#, "1.5", "4294967296", "1e400", "null"] {
            let found = errors(shapes(#""ns#E": {"type": "intEnum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": \#(value)}}}}"#))
            XCTAssertEqual(found.count, 1, value)
            XCTAssertTrue(found.first?.contains("an intEnum value must be a 32-bit integer") ?? false, "\(value): \(found)")
        }
    }

    func testEnumValuesMustBeStrings() {
        let found = errors(shapes(#""ns#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 3}}}}"#))
        XCTAssertEqual(found.count, 1)
    }

    func testRangesMustFitTheirTargetType() {
        let found = errors(shapes(#""ns#B": {"type": "byte", "traits": {"smithy.api#range": {"min": -1, "max": 300}}}"#))
        XCTAssertEqual(found, [
            #"error: range max 300 is outside the byte range -128…127 [shape ns#B at $.shapes["ns#B"].traits["smithy.api#range"].max]"#,
        ])
        XCTAssertEqual(errors(shapes(#""ns#I": {"type": "integer", "traits": {"smithy.api#range": {"min": 1.5}}}"#)).count, 1)
        XCTAssertEqual(errors(shapes(#""ns#I": {"type": "integer", "traits": {"smithy.api#range": {"min": 5, "max": 1}}}"#)).count, 1)
        XCTAssertEqual(errors(shapes(#""ns#D": {"type": "double", "traits": {"smithy.api#range": {"max": 1e400}}}"#)).count, 1)
    }

    func testLengthBoundsMustBeOrderedNonNegativeIntegers() {
        XCTAssertEqual(errors(shapes(#""ns#S": {"type": "string", "traits": {"smithy.api#length": {"min": 5, "max": 2}}}"#)), [
            #"error: length min 5 is greater than max 2 [shape ns#S at $.shapes["ns#S"].traits["smithy.api#length"]]"#,
        ])
        XCTAssertEqual(errors(shapes(#""ns#S": {"type": "string", "traits": {"smithy.api#length": {"min": -1}}}"#)).count, 1)
        XCTAssertEqual(errors(shapes(#""ns#S": {"type": "string", "traits": {"smithy.api#length": {"max": "9"}}}"#)).count, 1)
    }

    func testDefaultsMustFitTheirTarget() {
        let found = errors(shapes(#"""
            "ns#S": {"type": "structure", "members": {
                "small": {"target": "smithy.api#Byte", "traits": {"smithy.api#default": 1000}},
                "flag": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": "yes"}}}}
            """#))
        XCTAssertEqual(found.count, 2, "\(found)")
    }
}

/// Shapes in places the generator cannot use them (found by the model fuzzer).
final class OperationShapeRulesTests: XCTestCase {
    private func errors(_ body: String) -> [String] {
        do {
            _ = try ModelLoader.load(data: Data(#"{"smithy": "2.0", "shapes": {\#(body)}}"#.utf8))
            return []
        } catch let error as ModelError {
            return error.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    func testAnOperationInputMustBeAStructure() {
        XCTAssertEqual(errors(#"""
            "ns#Op": {"type": "operation", "input": {"target": "ns#L"}},
            "ns#L": {"type": "list", "member": {"target": "smithy.api#String"}}
            """#), [#"error: an operation's input must be a structure, and ns#L is a list [shape ns#Op at $.shapes["ns#Op"].input]"#])
    }

    func testAnOperationOutputCannotBeAnError() {
        XCTAssertEqual(errors(#"""
            "ns#Op": {"type": "operation", "output": {"target": "ns#Out"}},
            "ns#Out": {"type": "structure", "traits": {"smithy.api#error": "client"}}
            """#), [#"error: an operation's output cannot be an error structure (ns#Out has the error trait) [shape ns#Op at $.shapes["ns#Op"].output]"#])
    }

    func testBlobAndTimestampDefaultsMustParse() {
        let found = errors(#"""
            "ns#S": {"type": "structure", "members": {
                "b": {"target": "smithy.api#Blob", "traits": {"smithy.api#default": "not base64!"}},
                "t": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": "2024-13-45T99:99:99Z"}},
                "ok": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": "2024-01-02T03:04:05Z"}}}}
            """#)
        XCTAssertEqual(found.count, 2, "\(found)")
    }

    func testAMixinChainWhereEveryLinkAddsAMemberLoadsInLinearTime() throws {
        var body = #""ns#Mx0": {"type": "structure", "traits": {"smithy.api#mixin": {}}, "members": {"m0": {"target": "smithy.api#String"}}}"#
        for index in 1..<5_000 {
            body += #", "ns#Mx\#(index)": {"type": "structure", "traits": {"smithy.api#mixin": {}}, "mixins": [{"target": "ns#Mx\#(index - 1)"}], "#
                + #""members": {"m\#(index)": {"target": "smithy.api#String"}}}"#
        }
        body += #", "ns#Out": {"type": "structure", "mixins": [{"target": "ns#Mx4999"}], "members": {}}"#
        let model = try ModelLoader.load(data: Data(#"{"smithy": "2.0", "shapes": {\#(body)}}"#.utf8))
        let out = try XCTUnwrap(model.shape(XCTUnwrap(ShapeID("ns#Out"))))
        XCTAssertEqual(out.members.count, 5_000)
        XCTAssertEqual(out.members.first?.name, "m0")
        XCTAssertEqual(out.members.last?.name, "m4999")
    }
}
