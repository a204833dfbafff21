import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// The XML writer: structure, namespaces, and escaping that a parser reads back as exactly the string written.
final class XMLWriterTests: XCTestCase {
    private func written(_ build: (inout XMLWriter) -> Void) -> String {
        var writer = XMLWriter()
        build(&writer)
        XCTAssertTrue(writer.isComplete)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func escaped(_ text: String) -> String {
        written { $0.element("a", text: text) }
            .replacingOccurrences(of: "<a>", with: "").replacingOccurrences(of: "</a>", with: "")
    }

    // MARK: - Structure

    func testElementsNestInOrderWithoutADeclaration() {
        let xml = written { writer in
            writer.startElement("Outer")
            writer.element("A", text: "1")
            writer.startElement("List")
            writer.element("member", text: "x")
            writer.element("member", text: "")
            writer.endElement()
            writer.endElement()
        }
        XCTAssertEqual(xml, "<Outer><A>1</A><List><member>x</member><member></member></List></Outer>")
    }

    func testTheDeclarationIsWrittenOnlyWhenAskedFor() {
        var writer = XMLWriter(declaration: true)
        writer.emptyElement("A")
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), #"<?xml version="1.0" encoding="UTF-8"?><A/>"#)
        XCTAssertEqual(writer.data, Data(writer.bytes))
    }

    func testNamespaceDeclarationComesBeforeAttributesAndDoesNotPrefixTheName() {
        let xml = written { writer in
            writer.startElement("Root", namespace: (prefix: nil, uri: "https://example.com"))
            writer.emptyElement(
                "Nested", attributes: [(name: "xsi:someName", value: "v")], namespace: (prefix: "xsi", uri: "https://example.com"))
            writer.endElement()
        }
        XCTAssertEqual(
            xml,
            #"<Root xmlns="https://example.com"><Nested xmlns:xsi="https://example.com" xsi:someName="v"/></Root>"#)
    }

    func testIsCompleteTracksOpenElements() {
        var writer = XMLWriter()
        writer.startElement("A")
        XCTAssertFalse(writer.isComplete)
        writer.endElement()
        XCTAssertTrue(writer.isComplete)
    }

    // MARK: - Escaping

    func testTheFiveMarkupCharactersUseNamedEntities() {
        XCTAssertEqual(escaped(#"<a & "b" 'c'>"#), "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;")
    }

    func testCarriageReturnLineFeedAndTabAreCharacterReferences() {
        XCTAssertEqual(escaped("a\r\nb\tc\n"), "a&#xD;&#xA;b&#x9;c&#xA;")
    }

    func testAttributeValuesEscapeLineBreaksAndQuotes() {
        let xml = written { $0.emptyElement("A", attributes: [(name: "v", value: "1\n2\r\"3\"\t'")]) }
        XCTAssertEqual(xml, #"<A v="1&#xA;2&#xD;&quot;3&quot;&#x9;&apos;"/>"#)
    }

    func testNextLineAndLineSeparatorAreCharacterReferences() {
        XCTAssertEqual(escaped("a\u{85}b\u{2028}c"), "a&#x85;b&#x2028;c")
    }

    func testOtherControlCharactersAndNoncharactersBecomeCharacterReferences() {
        XCTAssertEqual(escaped("\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}"), "&#x0;&#x1;&#x8;&#xB;&#xC;&#x1F;")
        XCTAssertEqual(escaped("\u{FFFE}\u{FFFF}"), "&#xFFFE;&#xFFFF;")
    }

    func testOtherCharactersAreWrittenAsUTF8() {
        let text = "é 日本 🎉 \u{7F} \u{80} \u{2029} \u{FFFD} \u{E000}"
        XCTAssertEqual(escaped(text), text)
    }

    func testCharactersNextToEscapesAreKeptWhole() {
        // A lead byte C2 or E2 not followed by 85 / 80 A8 is an ordinary character.
        XCTAssertEqual(escaped("\u{A9}&\u{2013}<\u{C2}"), "\u{A9}&amp;\u{2013}&lt;\u{C2}")
    }

    // MARK: - Against the Smithy restXml request tests

    func testSimpleScalarPropertiesWithEscapedCharacter() throws {
        let xml = written { writer in
            writer.startElement("SimpleScalarPropertiesRequest")
            writer.element("stringValue", text: "<string>")
            writer.endElement()
        }
        XCTAssertEqual(xml, try restXmlBody("restXml.json", "SimpleScalarPropertiesWithEscapedCharacter"))
    }

    func testXmlAttributesWithEscaping() throws {
        let xml = written { writer in
            writer.startElement("XmlAttributesRequest", attributes: [(name: "test", value: "<test&mock>")])
            writer.element("foo", text: "hi")
            writer.endElement()
        }
        XCTAssertEqual(xml, try restXmlBody("restXml.json", "XmlAttributesWithEscaping"))
    }

    func testSimpleScalarPropertiesWithWhiteSpaceKeepsTheSpaces() throws {
        let xml = written { writer in
            writer.startElement("SimpleScalarPropertiesRequest")
            writer.element("stringValue", text: "  string with white    space  ")
            writer.endElement()
        }
        XCTAssertEqual(xml, try restXmlBody("restXml.json", "SimpleScalarPropertiesWithWhiteSpace"))
    }

    func testXmlNamespaces() throws {
        let xml = written { writer in
            writer.startElement("XmlNamespacesRequest", namespace: (prefix: nil, uri: "http://foo.com"))
            writer.startElement("nested")
            writer.element("foo", text: "Foo", namespace: (prefix: "baz", uri: "http://baz.com"))
            writer.startElement("values", namespace: (prefix: nil, uri: "http://qux.com"))
            for value in ["Bar", "Baz"] {
                writer.element("member", text: value, namespace: (prefix: nil, uri: "http://bux.com"))
            }
            writer.endElement()
            writer.endElement()
            writer.endElement()
        }
        XCTAssertEqual(xml, try restXmlBody("restXml.json", "XmlNamespaces"))
    }

    func testHttpPayloadWithXmlNamespaceAndPrefix() throws {
        let xml = written { writer in
            writer.startElement("PayloadWithXmlNamespaceAndPrefix", namespace: (prefix: "baz", uri: "http://foo.com"))
            writer.element("name", text: "Phreddy")
            writer.endElement()
        }
        XCTAssertEqual(xml, try restXmlBody("restXml.json", "HttpPayloadWithXmlNamespaceAndPrefix"))
    }

    func testXmlNamespaceSimpleScalarPropertiesNestedAttribute() throws {
        let xml = written { writer in
            writer.startElement("SimpleScalarPropertiesRequest", namespace: (prefix: nil, uri: "https://example.com"))
            for (name, value) in [
                ("stringValue", "string"), ("trueBooleanValue", "true"), ("falseBooleanValue", "false"),
                ("byteValue", "1"), ("shortValue", "2"), ("integerValue", "3"), ("longValue", "4"),
                ("floatValue", "5.5"), ("DoubleDribble", "6.5"),
            ] {
                writer.element(name, text: value)
            }
            writer.startElement(
                "Nested", attributes: [(name: "xsi:someName", value: "nestedAttrValue")],
                namespace: (prefix: "xsi", uri: "https://example.com"))
            writer.endElement()
            writer.endElement()
        }
        XCTAssertEqual(xml, try restXmlBody("restXmlWithNamespace.json", "XmlNamespaceSimpleScalarProperties"))
    }

    // MARK: - Round trip through the reader

    func testEveryEscapedStringReadsBackExactly() throws {
        let samples = [
            "plain", "", "  padded  ", "\r\n", "\r", "a\r\nb\nc\rd", "\t tab", #"<>&"'"#, "&amp; stays literal",
            "]]>", "\u{85}\u{2028}\u{2029}", "é日本🎉", "&lt;&#xD;", "\u{7F}\u{9F}",
        ]
        for sample in samples {
            var writer = XMLWriter()
            writer.startElement("Root", attributes: [(name: "attr", value: sample)])
            writer.element("Value", text: sample)
            writer.endElement()
            let root = try XMLDocumentReader().read(writer.data)
            XCTAssertEqual(root.attributes["attr"], sample, sample.debugDescription)
            XCTAssertEqual(root.child(named: "Value")?.text, sample, sample.debugDescription)
        }
    }

    // MARK: - Helpers

    /// The body of the request test `id` in `../shared/testdata/protocol-tests/<file>`, with the indentation
    /// between tags (whitespace holding a line break) removed.
    private func restXmlBody(_ file: String, _ id: String) throws -> String {
        guard let url = RepositoryPaths.sharedFile("testdata/protocol-tests/" + file) else {
            throw XCTSkip("\(file) is missing")
        }
        let model = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let shapes = model?["shapes"] as? [String: [String: Any]] ?? [:]
        for shape in shapes.values {
            let cases = (shape["traits"] as? [String: Any])?["smithy.test#httpRequestTests"] as? [[String: Any]] ?? []
            if let body = cases.first(where: { $0["id"] as? String == id })?["body"] as? String {
                return body.replacingOccurrences(of: #">\s*\n\s*<"#, with: "><", options: .regularExpression)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        throw XCTSkip("no request test \(id) in \(file)")
    }
}
