import CodeGenerator
import Foundation
import SmithyModel
import XCTest

/// Small, legal-looking models that used to crash the generator, hang it, or produce code that does not
/// compile: each now generates or stops with an error naming the shape and JSON path.
final class HostileModelGenerationTests: XCTestCase {
    private func generate(_ text: String) throws -> [String: String] {
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    func testAStructureChainOfTwentyThousandLinksGenerates() throws {
        var shapes = #""t.s#OpInput": {"type": "structure", "members": {"next": {"target": "t.s#S0"}}}"#
        for index in 0..<20_000 {
            let next = index + 1 < 20_000 ? #"{"next": {"target": "t.s#S\#(index + 1)"}, "#
                + #""name": {"target": "t.s#Name"}}"# : #"{"name": {"target": "t.s#Name"}}"#
            shapes += #", "t.s#S\#(index)": {"type": "structure", "members": \#(next)}"#
        }
        shapes += #", "t.s#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 1}}}"#
        let files = try generate(GeneratorFixture.serviceModel(extraShapes: shapes))
        let all = files.values.joined()
        XCTAssertTrue(all.contains("public struct S19999: Sendable, Hashable, Codable, Validatable {"))
        XCTAssertTrue(all.contains("self.next?.validate(&validator") || all.contains("value.validate(&validator"),
                      "a constraint at the end of the chain is validated from its start")
    }

    func testARecursiveChainIsBoxedOnlyOnItsCycle() throws {
        let files = try generate(GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"a": {"target": "t.s#A"}}},
            "t.s#A": {"type": "structure", "members": {"b": {"target": "t.s#B"}}},
            "t.s#B": {"type": "structure", "members": {"a": {"target": "t.s#A"}, "c": {"target": "t.s#C"}}},
            "t.s#C": {"type": "structure", "members": {"x": {"target": "smithy.api#String"}}}
            """#))
        let all = files.values.joined()
        XCTAssertTrue(all.contains("@Boxed public var b: B?"), all)
        XCTAssertTrue(all.contains("@Boxed public var a: A?"))
        XCTAssertFalse(all.contains("@Boxed public var c"), "C is on no cycle")
    }

    func testDocumentationFullOfAngleBracketsIsFormattedInLinearTime() throws {
        let documentation = String(repeating: "<", count: 20_000) + " and " + String(repeating: "<b", count: 5_000)
        let lines = DocumentationFormatter.lines(documentation)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("<<<<"))
    }

    func testOperationsWithOneNameInTwoNamespacesAreAnError() throws {
        let text = #"""
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}, {"target": "u.v#Op"}],
                          "traits": {"aws.protocols#awsJson1_1": {}}},
              "t.s#Op": {"type": "operation"},
              "u.v#Op": {"type": "operation"}
            }}
            """#
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"error: operations t.s#Op and u.v#Op both become the method op; a service's operation names must be unique [shape u.v#Op at $.shapes["u.v#Op"]]"#,
        ])
    }

    func testMembersWhoseSwiftNamesCollideAreAnError() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"foo_bar": {"target": "smithy.api#String"}, "fooBar": {"target": "smithy.api#String"}}}
            """#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"error: members foo_bar and fooBar both become the Swift name fooBar [shape t.s#OpInput$fooBar at $.shapes["t.s#OpInput"].members.fooBar]"#,
        ])
    }

    func testModelNamesWinOverTheGeneratorsOwnTypeNames() throws {
        let files = try generate(GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"e": {"target": "t.s#TestError"}, "c": {"target": "t.s#TestClient"},
                                                             "m": {"target": "t.s#TestMetadata"}, "k": {"target": "t.s#CodingKeys"}}},
            "t.s#TestError": {"type": "structure", "members": {}},
            "t.s#TestClient": {"type": "structure", "members": {}},
            "t.s#TestMetadata": {"type": "structure", "members": {}},
            "t.s#CodingKeys": {"type": "structure", "members": {}}
            """#))
        let all = files.values.joined()
        XCTAssertTrue(all.contains("public struct TestError: Sendable"), "the model's TestError keeps its name")
        XCTAssertTrue(all.contains("public struct TestServiceError: ServiceError"), "ours yields")
        XCTAssertTrue(all.contains("public struct TestServiceClient: TestClientProtocol"))
        XCTAssertTrue(all.contains("public enum TestServiceMetadata {"))
        XCTAssertTrue(all.contains("public struct TestCodingKeys: Sendable"), "CodingKeys would be shadowed by each struct's own")
    }

    func testJavaStyleClassesInPatternsAreTranslatedAndUnknownOnesWarn() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"a": {"target": "t.s#A"}, "b": {"target": "t.s#B"}}},
            "t.s#A": {"type": "string", "traits": {"smithy.api#pattern": "^[\\p{Alpha}\\p{Punct}]+$"}},
            "t.s#B": {"type": "string", "traits": {"smithy.api#pattern": "^\\p{Klingon}$"}}
            """#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"warning: pattern "^\\p{Klingon}$" is left unchecked: unknown character property \p{Klingon} [shape t.s#B at $.shapes["t.s#B"].traits["smithy.api#pattern"]]"#,
        ])
        let validation = try XCTUnwrap(try generate(text)["Validation.swift"])
        XCTAssertTrue(validation.contains(##"compiled: #"^[A-Za-z!-\/:-@\[-`\{-~]+\z"#"##), validation)
    }
}

/// Where the output is knowingly less than the model asks for, the generator says so.
final class GenerationWarningTests: XCTestCase {
    func testStreamingBlobsAreWarnedAbout() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"body": {"target": "t.s#Body"}}},
            "t.s#Body": {"type": "blob", "traits": {"smithy.api#streaming": {}}}
            """#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"warning: t.s#OpInput$body is a streaming blob, which is not supported yet: it is generated as a whole value read into memory [shape t.s#OpInput$body at $.shapes["t.s#OpInput"].members.body]"#,
        ])
    }

    /// A REST protocol's streaming payload streams: `ByteStream` in and out, bound as a stream, and the output marked
    /// so the call returns at the headers; no warning.
    func testStreamingPayloadsOfRESTProtocolsAreByteStreams() throws {
        let text = #"""
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}],
                          "traits": {"aws.protocols#restJson1": {}, "aws.api#service": {"sdkId": "Test"}}},
              "t.s#Op": {"type": "operation", "input": {"target": "t.s#OpInput"}, "output": {"target": "t.s#OpOutput"},
                         "traits": {"smithy.api#http": {"method": "PUT", "uri": "/things"}}},
              "t.s#OpInput": {"type": "structure", "members": {
                  "body": {"target": "t.s#Body", "traits": {"smithy.api#httpPayload": {}, "smithy.api#default": ""}}}},
              "t.s#OpOutput": {"type": "structure", "members": {
                  "tag": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "ETag"}},
                  "body": {"target": "t.s#Body", "traits": {"smithy.api#httpPayload": {}, "smithy.api#default": ""}}}},
              "t.s#Body": {"type": "blob", "traits": {"smithy.api#streaming": {}}}
            }}
            """#
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [])
        let source = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text)).map(\.contents).joined()
        for expected in ["public var body: ByteStream", "body: ByteStream = ByteStream()", "request.streamPayload(self.body)",
                         "self.body = response.payloadStream()", "extension OpOutput: HTTPStreamingOutput {}"] {
            XCTAssertTrue(source.contains(expected), "generated code lacks \(expected)")
        }
        XCTAssertFalse(source.contains("extension OpInput: HTTPStreamingOutput"), "an input is never a streaming output")
    }

    /// Generated as plain values, event-stream operations of a protocol whose clients do not stream events yet
    /// would compile and fail on every call: they are left out, with a warning, and the rest is generated.
    func testEventStreamOperationsOfOtherProtocolsAreLeftOutWithAWarning() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"events": {"target": "t.s#Events"}}},
            "t.s#Events": {"type": "union", "traits": {"smithy.api#streaming": {}}, "members": {"tick": {"target": "t.s#Tick"}}},
            "t.s#Tick": {"type": "structure", "members": {}}
            """#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"warning: t.s#Op is left out: its member t.s#OpInput$events is an input event stream, which awsJson1_1 clients do not support yet [shape t.s#Op at $.shapes["t.s#Op"]]"#,
        ])
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        XCTAssertFalse(files.map(\.contents).joined().contains("func op("), "the operation is not generated")
    }

    /// Event streams Smithy does not allow are refused with the shape and path: a member that is not a structure,
    /// a header of a type no header carries, two payloads, a payload beside a member that is not a header.
    func testMalformedEventStreamsAreRefused() throws {
        let text = GeneratorFixture.serviceModel(
            protocolTrait: "aws.protocols#restJson1", operationTraits: #"{"smithy.api#http": {"method": "POST", "uri": "/op"}}"#,
            extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {
                "events": {"target": "t.s#Events", "traits": {"smithy.api#httpPayload": {}}}}},
            "t.s#Events": {"type": "union", "traits": {"smithy.api#streaming": {}}, "members": {
                "text": {"target": "smithy.api#String"}, "bad": {"target": "t.s#Bad"}}},
            "t.s#Bad": {"type": "structure", "members": {
                "tags": {"target": "t.s#Tags", "traits": {"smithy.api#eventHeader": {}}},
                "one": {"target": "smithy.api#Blob", "traits": {"smithy.api#eventPayload": {}}},
                "two": {"target": "smithy.api#String", "traits": {"smithy.api#eventPayload": {}}},
                "loose": {"target": "smithy.api#String"}}},
            "t.s#Tags": {"type": "list", "member": {"target": "smithy.api#String"}}
            """#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"error: event stream member "text" targets a string, not a structure [shape t.s#Events$text at $.shapes["t.s#Events"].members.text]"#,
            #"error: event t.s#Bad has more than one eventPayload member [shape t.s#Bad at $.shapes["t.s#Bad"]]"#,
            #"error: eventHeader member targets a list, which an event header cannot carry [shape t.s#Bad$tags at $.shapes["t.s#Bad"].members.tags]"#,
            #"error: member is neither an eventHeader nor the eventPayload of an event that has an eventPayload [shape t.s#Bad$loose at $.shapes["t.s#Bad"].members.loose]"#,
        ])
    }

    /// awsJson output event streams are generated: the body is the stream, the output's other members come in the
    /// initial-response message, and the stream member is kept out of the output's document.
    func testAWSJSONOutputEventStreamsAreGenerated() throws {
        let text = GeneratorFixture.serviceModel(
            extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {"name": {"target": "smithy.api#String"}}},
            "t.s#OpOutput": {"type": "structure", "members": {
                "session": {"target": "smithy.api#String"}, "ticks": {"target": "t.s#Ticks"}}},
            "t.s#Ticks": {"type": "union", "traits": {"smithy.api#streaming": {}}, "members": {"tick": {"target": "t.s#Tick"}}},
            "t.s#Tick": {"type": "structure", "members": {"at": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#eventHeader": {}}}}}
            """#).replacingOccurrences(of: #""input": {"target": "t.s#OpInput"}"#,
                                         with: #""input": {"target": "t.s#OpInput"}, "output": {"target": "t.s#OpOutput"}"#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [])
        let source = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text)).map(\.contents).joined()
        for expected in [
            "public var ticks: AsyncEventStream<Ticks>", "extension OpOutput: EventStreamOutput",
            "self.ticks = response.eventStream(Ticks.self, errors: TestError.self)", "extension Ticks: EventStreamUnion",
            "value.at = try message.header(\"at\", as: Date.self)", "self.ticks = AsyncEventStream()",
        ] {
            XCTAssertTrue(source.contains(expected), "generated code lacks \(expected)")
        }
        XCTAssertFalse(source.contains("case ticks"), "the stream is not a coding key of the output's document")
    }

    /// restJson1 event streams are generated: the member is an `AsyncEventStream` of the union, sent and read as
    /// messages; the union's error members are thrown as the service's error type; the output returns at the
    /// response's headers.
    func testRestJSONEventStreamsAreGenerated() throws {
        let text = #"""
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}],
                          "traits": {"aws.protocols#restJson1": {}, "aws.api#service": {"sdkId": "Test"}}},
              "t.s#Op": {"type": "operation", "input": {"target": "t.s#OpInput"}, "output": {"target": "t.s#OpOutput"},
                         "traits": {"smithy.api#http": {"method": "POST", "uri": "/op"}}},
              "t.s#OpInput": {"type": "structure", "members": {
                  "audio": {"target": "t.s#Audio", "traits": {"smithy.api#httpPayload": {}, "smithy.api#required": {}}}}},
              "t.s#OpOutput": {"type": "structure", "members": {
                  "id": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "x-id", "smithy.api#required": {}}},
                  "results": {"target": "t.s#Results", "traits": {"smithy.api#httpPayload": {}}}}},
              "t.s#Audio": {"type": "union", "traits": {"smithy.api#streaming": {}}, "members": {"chunk": {"target": "t.s#Chunk"}}},
              "t.s#Chunk": {"type": "structure", "members": {
                  "bytes": {"target": "smithy.api#Blob", "traits": {"smithy.api#eventPayload": {}}}}},
              "t.s#Results": {"type": "union", "traits": {"smithy.api#streaming": {}}, "members": {
                  "text": {"target": "t.s#Text"}, "failed": {"target": "t.s#Failed"}}},
              "t.s#Text": {"type": "structure", "members": {
                  "seq": {"target": "smithy.api#Integer", "traits": {"smithy.api#eventHeader": {}}},
                  "words": {"target": "smithy.api#String"}}},
              "t.s#Failed": {"type": "structure", "members": {"message": {"target": "smithy.api#String"}},
                             "traits": {"smithy.api#error": "server"}}
            }}
            """#
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [])
        let source = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text)).map(\.contents).joined()
        for expected in [
            "public var audio: AsyncEventStream<Audio>", "audio: AsyncEventStream<Audio> = AsyncEventStream()",
            "request.eventStreamPayload(self.audio)", "self.results = response.eventStream(Results.self, errors: TestError.self)",
            "try response.required(try response.header(\"x-id\", as: String.self), header: \"x-id\")",
            "extension OpOutput: HTTPStreamingOutput {}", "extension Results: EventStreamUnion",
            "case \"failed\": return \"Failed\"", "static let failed = Code(rawValue: \"Failed\")",
            "value.seq = try message.header(\"seq\", as: Int.self)", "var value = try message.body(Text.self)",
            "value.bytes = message.payloadBytes()", "message.payloadBytes(value.bytes)",
        ] {
            XCTAssertTrue(source.contains(expected), "generated code lacks \(expected)")
        }
    }

    func testAPaginatorWhoseTokenLeadsNowhereIsWarnedAboutOnce() throws {
        let text = #"""
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#List"}],
                          "traits": {"aws.protocols#awsJson1_1": {}}},
              "t.s#List": {"type": "operation", "input": {"target": "t.s#In"}, "output": {"target": "t.s#Out"},
                           "traits": {"smithy.api#paginated": {"inputToken": "token", "outputToken": "page.next"}}},
              "t.s#In": {"type": "structure", "members": {"token": {"target": "smithy.api#String"}}},
              "t.s#Out": {"type": "structure", "members": {"next": {"target": "smithy.api#String"}}}
            }}
            """#
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"warning: no paginator for List: outputToken "page.next" does not lead to a member of t.s#Out [shape t.s#List at $.shapes["t.s#List"].traits["smithy.api#paginated"]]"#,
        ])
    }
}

/// Printing hides every value that holds something sensitive, however deep in lists and maps.
final class SensitiveCollectionTests: XCTestCase {
    func testListsAndMapsOfSensitiveValuesPrintRedacted() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {
                "name": {"target": "smithy.api#String"},
                "secrets": {"target": "t.s#Secrets"},
                "byName": {"target": "t.s#SecretsByName"},
                "nested": {"target": "t.s#NestedSecrets"}}},
            "t.s#Secret": {"type": "string", "traits": {"smithy.api#sensitive": {}}},
            "t.s#Secrets": {"type": "list", "member": {"target": "t.s#Secret"}},
            "t.s#SecretsByName": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "t.s#Secret"}},
            "t.s#NestedSecrets": {"type": "list", "member": {"target": "t.s#SecretsByName"}}
            """#)
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        let all = files.map(\.contents).joined()
        XCTAssertTrue(all.contains(#""name": self.name as Any,"#), all)
        for label in ["secrets", "byName", "nested"] {
            XCTAssertTrue(all.contains(#""\#(label)": "*** sensitive ***","#), label)
        }
    }
}

/// Validation inside a sensitive container never quotes a value (the runtime's sensitive scope).
final class SensitiveValidationGenerationTests: XCTestCase {
    func testChecksInsideSensitiveListsAndStructuresRunInTheSensitiveScope() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {
                "codes": {"target": "t.s#Codes", "traits": {"smithy.api#sensitive": {}}},
                "login": {"target": "t.s#Login"}}},
            "t.s#Codes": {"type": "list", "member": {"target": "t.s#Code"}},
            "t.s#Code": {"type": "string", "traits": {"smithy.api#length": {"max": 4}}},
            "t.s#Login": {"type": "structure", "traits": {"smithy.api#sensitive": {}}, "members": {"pin": {"target": "t.s#Code"}}}
            """#)
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        let all = files.map(\.contents).joined()
        XCTAssertTrue(all.contains(
            "validator.withinSensitiveValue { validator in\n                for (index1, value1) in value.enumerated() {"), all)
        XCTAssertTrue(all.contains(
            "validator.withinSensitiveValue { validator in\n                value.validate(&validator, path: path.member(\"login\"))\n"),
            all)
    }
}

/// Member names that are legal Smithy but clash with Swift or with what generated types declare (fuzzer finds).
final class ClashingMemberNameTests: XCTestCase {
    func testKeywordLabelsAndEnumCaseNamesThatClashAreRenamedOrEscaped() throws {
        let text = GeneratorFixture.serviceModel(extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {
                "inout": {"target": "smithy.api#String"}, "var": {"target": "smithy.api#String"},
                "e": {"target": "t.s#E"}}},
            "t.s#E": {"type": "enum", "members": {
                "ALL_CASES": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "all"}},
                "RAW_VALUE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "raw"}},
                "IS_KNOWN": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "known"}}}}
            """#)
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        let all = files.map(\.contents).joined()
        XCTAssertTrue(all.contains("`inout`: String? = nil"), all)
        XCTAssertTrue(all.contains("`var`: String? = nil"))
        XCTAssertTrue(all.contains("`inout`: `inout`"), "the convenience overload forwards with an escaped label")
        XCTAssertTrue(all.contains("case allCases_") && all.contains("case rawValue_") && all.contains("case isKnown_"))
    }
}
