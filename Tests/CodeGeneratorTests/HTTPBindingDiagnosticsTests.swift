import CodeGenerator
import Foundation
import SmithyModel
import XCTest

/// A restJson1 model whose HTTP bindings would send a request to the wrong resource, smuggle a header or
/// cannot be written is refused, naming the shape and JSON path; a sound one generates its binding code.
final class HTTPBindingDiagnosticsTests: XCTestCase {
    private func model(http: String? = #"{"method": "GET", "uri": "/things/{id}"}"#, members: String) -> String {
        GeneratorFixture.serviceModel(
            protocolTrait: "aws.protocols#restJson1",
            operationTraits: http.map { #"{"smithy.api#http": \#($0)}"# } ?? "{}",
            extraShapes: #""t.s#OpInput": {"type": "structure", "members": {\#(members)}}"#)
    }

    private let idLabel = #""id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}}"#

    func testSoundBindingsGenerateBindingCode() throws {
        let text = model(members: idLabel + #", "tag": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-Tag"}}"#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [])
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(text))
        let code = files.map(\.contents).joined()
        XCTAssertTrue(code.contains("extension OpInput: HTTPBoundInput"), code)
        XCTAssertTrue(code.contains(#"request.label("id", self.id)"#), code)
        XCTAssertTrue(code.contains(#"request.header("X-Tag", self.tag)"#), code)
        XCTAssertTrue(code.contains(#"http: HTTPRoute(method: "GET", uri: "/things/{id}")"#), code)
    }

    func testAnOperationWithoutHTTPTraitIsRefused() throws {
        XCTAssertEqual(try GeneratorFixture.diagnostics(model(http: nil, members: "")), [
            "error: operation has no valid smithy.api#http trait (method and uri), which restJson1 needs [shape t.s#Op at $.shapes[\"t.s#Op\"].traits]",
        ])
    }

    func testLabelsMustMatchMembers() throws {
        XCTAssertEqual(try GeneratorFixture.diagnostics(model(members: "")), [
            "error: the http uri label \"id\" is not an httpLabel member of the input [shape t.s#Op at $.shapes[\"t.s#Op\"].traits[\"smithy.api#http\"]]",
        ])
        let orphan = #""other": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}}"#
        XCTAssertEqual(try GeneratorFixture.diagnostics(model(members: idLabel + ", " + orphan)), [
            "error: httpLabel member has no {other} label in the operation's uri \"/things/{id}\" [shape t.s#OpInput$other at $.shapes[\"t.s#OpInput\"].members.other]",
        ])
    }

    func testHostileRoutesAndHeaderNamesAreRefused() throws {
        let badMethod = try GeneratorFixture.diagnostics(model(http: #"{"method": "GET\r\nX-Evil: 1", "uri": "/things/{id}"}"#, members: idLabel))
        XCTAssertEqual(badMethod.count, 1)
        XCTAssertTrue(badMethod[0].hasPrefix(#"error: the http method "GET\u{d}\u{a}X-Evil: 1" is not an HTTP token"#), badMethod[0])

        let badURI = try GeneratorFixture.diagnostics(model(http: #"{"method": "GET", "uri": "/things/{id} HTTP/1.1\n"}"#, members: idLabel))
        XCTAssertTrue(badURI.contains { $0.hasPrefix("error: the http uri") && $0.contains("must start with / and hold only visible ASCII") }, "\(badURI)")

        let badHeader = #""h": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-A: b"}}"#
        XCTAssertEqual(try GeneratorFixture.diagnostics(model(members: idLabel + ", " + badHeader)), [
            "error: the header name is not an HTTP token [shape t.s#OpInput$h at $.shapes[\"t.s#OpInput\"].members.h]",
        ])
    }

    func testBindingsMustTargetWhatTheirLocationCarries() throws {
        let nested = #""n": {"target": "t.s#OpInput", "traits": {"smithy.api#httpHeader": "X-N"}}"#
        let diagnostics = try GeneratorFixture.diagnostics(model(members: idLabel + ", " + nested))
        XCTAssertTrue(diagnostics.contains(
            "error: an httpHeader member must target a scalar or a list of scalars [shape t.s#OpInput$n at $.shapes[\"t.s#OpInput\"].members.n]"),
            "\(diagnostics)")
        let twoPayloads = #""p": {"target": "smithy.api#Blob", "traits": {"smithy.api#httpPayload": {}}}, "q": {"target": "smithy.api#String"}"#
        XCTAssertTrue(try GeneratorFixture.diagnostics(model(members: idLabel + ", " + twoPayloads)).contains(
            "error: a structure with an httpPayload member can have no other body members [shape t.s#OpInput at $.shapes[\"t.s#OpInput\"]]"))
    }

    func testXMLNamesThatAreNotXMLAreRefused() throws {
        let text = GeneratorFixture.serviceModel(protocolTrait: "aws.protocols#awsQuery", extraShapes: #"""
            "t.s#OpInput": {"type": "structure", "members": {
                "a": {"target": "smithy.api#String", "traits": {"smithy.api#xmlName": "ok:Name"}},
                "b": {"target": "smithy.api#String", "traits": {"smithy.api#xmlName": "bad name><x"}},
                "c": {"target": "smithy.api#String", "traits": {"smithy.api#xmlNamespace": {"uri": "https://e.com", "prefix": "1x"}}}}}
            """#)
        XCTAssertEqual(try GeneratorFixture.diagnostics(text), [
            #"error: xmlName "bad name><x" is not an XML name (letters, digits, `.`, `-`, `_`, one `prefix:`) [shape t.s#OpInput$b at $.shapes["t.s#OpInput"].members.b.traits["smithy.api#xmlName"]]"#,
            #"error: xmlNamespace prefix "1x" is not an XML name [shape t.s#OpInput$c at $.shapes["t.s#OpInput"].members.c.traits["smithy.api#xmlNamespace"]]"#,
        ])
    }
}
