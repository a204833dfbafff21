import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// The XML reader: the element tree it builds, and the hostile bodies it refuses with a typed error.
final class XMLDocumentReaderTests: XCTestCase {
    private func read(_ xml: String, limits: XMLDocumentReader.Limits = .init()) throws(XMLReadError) -> ParsedXMLElement {
        try XMLDocumentReader(limits: limits).read(Data(xml.utf8))
    }

    private func assertRefused(
        _ xml: String, _ expected: XMLReadError, limits: XMLDocumentReader.Limits = .init(),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        assertRefused(Data(xml.utf8), expected, limits: limits, file: file, line: line)
    }

    private func assertRefused(
        _ data: Data, _ expected: XMLReadError, limits: XMLDocumentReader.Limits = .init(),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let root = try XMLDocumentReader(limits: limits).read(data)
            XCTFail("read <\(root.qualifiedName)>, expected \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error, expected, file: file, line: line)
        }
    }

    /// Only the kind of a malformed-document error: codes and positions come from libxml2.
    private func assertMalformed(_ xml: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try read(xml)
            XCTFail("\(xml.debugDescription) was read", file: file, line: line)
        } catch {
            switch error {
            case .malformed, .truncated, .noRootElement: break
            default: XCTFail("\(xml.debugDescription): \(error)", file: file, line: line)
            }
        }
    }

    // MARK: - The tree

    func testNamesChildrenTextAndAttributes() throws {
        let root = try read(#"<a x="1"><b>one</b><c/><b>two</b></a>"#)
        XCTAssertEqual(root.name, "a")
        XCTAssertEqual(root.attributes, ["x": "1"])
        XCTAssertEqual(root.children.map(\.name), ["b", "c", "b"])
        XCTAssertEqual(root.child(named: "b")?.text, "one")
        XCTAssertEqual(root.children(named: "b").map(\.text), ["one", "two"])
        XCTAssertNil(root.child(named: "missing"))
        XCTAssertEqual(root.child(named: "c"), ParsedXMLElement(name: "c"))
    }

    func testTextIsRawNotTrimmed() throws {
        let root = try read("<a>  two  spaces\n</a>")
        XCTAssertEqual(root.text, "  two  spaces\n")
    }

    func testEntitiesCharacterReferencesAndCDATAAreResolvedIntoText() throws {
        let root = try read("<a>1 &lt; 2 &amp;&amp; &quot;x&quot; &apos;y&apos; &#65;&#x42; <![CDATA[<raw & text>]]></a>")
        XCTAssertEqual(root.text, #"1 < 2 && "x" 'y' AB <raw & text>"#)
    }

    func testPrefixesAreStrippedFromElementNamesAndAttributesAreKeyedBothWays() throws {
        let root = try read(
            #"<s3:Root xmlns:s3="urn:s3" xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b" a:one="1" one="plain" b:two="2">"#
                + "<s3:Key>k</s3:Key></s3:Root>")
        XCTAssertEqual(root.name, "Root")
        XCTAssertEqual(root.qualifiedName, "s3:Root")
        XCTAssertEqual(root.child(named: "Key")?.qualifiedName, "s3:Key")
        XCTAssertEqual(root.attributes["a:one"], "1")
        XCTAssertEqual(root.attributes["one"], "plain", "an unprefixed attribute keeps its own name")
        XCTAssertEqual(root.attributes["b:two"], "2")
        XCTAssertEqual(root.attributes["two"], "2")
        XCTAssertEqual(root.attributes["xmlns:s3"], "urn:s3")
        XCTAssertEqual(root.attributes["xmlns"], "urn:d")
        XCTAssertNil(root.attributes["s3"], "namespace declarations keep only their qualified names")
    }

    func testUndeclaredPrefixesAreRead() throws {
        let root = try read(#"<x:a y:attr="1"><z:b>t</z:b></x:a>"#)
        XCTAssertEqual(root.name, "a")
        XCTAssertEqual(root.attributes["attr"], "1")
        XCTAssertEqual(root.child(named: "b")?.text, "t")
    }

    func testADeclarationCommentsAndProcessingInstructionsAreSkipped() throws {
        let root = try read("\u{FEFF}<?xml version='1.0' encoding='utf-8'?>\n<!-- c --><?pi x?><a>1<!-- d --></a>\n<!-- e -->")
        XCTAssertEqual(root.name, "a")
        XCTAssertEqual(root.text, "1")
    }

    // MARK: - Against the Smithy restXml response tests

    func testSimpleScalarPropertiesComplexEscapes() throws {
        let root = try XMLDocumentReader().read(try responseBody("restXml.json", "SimpleScalarPropertiesComplexEscapes"))
        XCTAssertEqual(root.child(named: "stringValue")?.text, "escaped data: &lt;\r\n")
    }

    func testSimpleScalarPropertiesWithXMLPreamble() throws {
        let root = try XMLDocumentReader().read(try responseBody("restXml.json", "SimpleScalarPropertiesWithXMLPreamble"))
        XCTAssertEqual(root.name, "SimpleScalarPropertiesResponse")
        XCTAssertEqual(root.children.map(\.name), ["stringValue"])
        XCTAssertEqual(root.child(named: "stringValue")?.text, "string")
        XCTAssertTrue(root.text.contains("characters representing CDATA"))
    }

    func testSimpleScalarPropertiesWithWhiteSpace() throws {
        let spaced = try XMLDocumentReader().read(try responseBody("restXml.json", "SimpleScalarPropertiesWithWhiteSpace"))
        XCTAssertEqual(spaced.child(named: "stringValue")?.text, " string with white    space ")
        let pure = try XMLDocumentReader().read(try responseBody("restXml.json", "SimpleScalarPropertiesPureWhiteSpace"))
        XCTAssertEqual(pure.child(named: "stringValue")?.text, "  ")
    }

    func testXmlNamespaces() throws {
        let root = try XMLDocumentReader().read(try responseBody("restXml.json", "XmlNamespaces"))
        let nested = try XCTUnwrap(root.child(named: "nested"))
        XCTAssertEqual(nested.child(named: "foo")?.text, "Foo")
        XCTAssertEqual(nested.child(named: "values")?.children(named: "member").map(\.text), ["Bar", "Baz"])
        XCTAssertEqual(root.attributes["xmlns"], "http://foo.com")
    }

    func testXmlNamespaceSimpleScalarPropertiesAttribute() throws {
        let root = try XMLDocumentReader().read(
            try responseBody("restXmlWithNamespace.json", "XmlNamespaceSimpleScalarProperties"))
        let nested = try XCTUnwrap(root.child(named: "Nested"))
        XCTAssertEqual(nested.attributes["xsi:someName"], "nestedAttrValue")
        XCTAssertEqual(nested.attributes["someName"], "nestedAttrValue")
        XCTAssertEqual(root.child(named: "DoubleDribble")?.text, "6.5")
    }

    func testEveryRestXmlResponseBodyIsRead() throws {
        var read = 0
        for file in ["restXml.json", "restXmlWithNamespace.json", "s3.json"] {
            for (id, body) in try responseBodies(file) where !body.isEmpty {
                XCTAssertNoThrow(try XMLDocumentReader().read(body), "\(file) \(id)")
                read += 1
            }
        }
        XCTAssertGreaterThanOrEqual(read, 50)
    }

    // MARK: - Refused before parsing

    func testBillionLaughsIsRefused() {
        var entities = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE lolz [\(entities)]><lolz>&lol9;</lolz>", .documentTypeDeclaration)
    }

    func testExternalEntitiesAndAnyDoctypeAreRefused() {
        assertRefused(#"<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>"#, .documentTypeDeclaration)
        assertRefused(#"<!DOCTYPE a SYSTEM "http://example.com/a.dtd"><a/>"#, .documentTypeDeclaration)
        assertRefused("<!doctype a><a/>", .documentTypeDeclaration)
        assertRefused("<a><![CDATA[ <!ENTITY ]]></a>", .documentTypeDeclaration)
    }

    func testNonUTF8EncodingsAreRefused() {
        assertRefused(#"<?xml version="1.0" encoding="ISO-8859-1"?><a/>"#, .unsupportedEncoding("declared ISO-8859-1"))
        assertRefused(#"<?xml version="1.0" encoding = 'UTF-16'?><a/>"#, .unsupportedEncoding("declared UTF-16"))
        assertRefused(Data([0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x61, 0x00, 0x2F, 0x00, 0x3E]),
                      .unsupportedEncoding("byte order mark of UTF-16/32"))
        assertRefused(Data([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x2F, 0x00, 0x3E, 0x00]),
                      .unsupportedEncoding("byte order mark of UTF-16/32"))
        assertRefused(Data("<a/>".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), .unsupportedEncoding("NUL byte"))
        assertRefused(Data([0x4C, 0x6F, 0xA7, 0x94, 0x93]), .unsupportedEncoding("EBCDIC"))
        XCTAssertNoThrow(try read(#"<?xml version="1.0" encoding="UTF-8"?><a/>"#))
    }

    func testALongDeclaredEncodingIsCutInTheError() {
        let name = String(repeating: "x", count: 10_000)
        do {
            _ = try read("<?xml version=\"1.0\" encoding=\"\(name)\"?><a/>")
            XCTFail("read")
        } catch {
            XCTAssertLessThan(error.description.count, 200)
        }
    }

    // MARK: - Limits

    func testDepthUpToTheLimitIsReadAndOneMoreIsRefused() throws {
        let deepest = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        XCTAssertNoThrow(try read(deepest))
        let tooDeep = String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65)
        assertRefused(tooDeep, .tooDeep(limit: 64))
        assertRefused(String(repeating: "<a>", count: 100_000), .tooDeep(limit: 64))
    }

    func testElementCountLimit() {
        let limits = XMLDocumentReader.Limits(maxElements: 10)
        XCTAssertNoThrow(try read("<r>" + String(repeating: "<e/>", count: 9) + "</r>", limits: limits))
        assertRefused("<r>" + String(repeating: "<e/>", count: 10) + "</r>", .tooManyElements(limit: 10), limits: limits)
    }

    // MARK: - Not well-formed

    func testEmptyAndElementlessBodiesHaveNoRoot() {
        assertRefused("", .noRootElement)
        assertRefused("  \n", .noRootElement)
        assertRefused("<?xml version=\"1.0\"?><!-- only a comment -->", .noRootElement)
    }

    func testABodyCutInsideAnElementIsTruncated() {
        assertRefused("<a><b>x</b>", .truncated(element: "a"))
        assertRefused("<a><b>x</b><c>partial", .truncated(element: "c"))
    }

    func testMalformedDocumentsFail() {
        for xml in [
            "garbage", "<a>", "<a><b></a>", "<a>x</a><b/>", "<a>x</a>trailing", "<a>&undefined;</a>", "<a>&#x1;</a>",
            "<a>\u{1}</a>", "<a b=\"1\" b=\"2\"/>", "<a b=1/>", "<1a/>", "<a></A>", "<a>&#xD800;</a>", "</a>",
        ] {
            assertMalformed(xml)
        }
    }

    func testInvalidUTF8IsRefused() {
        for bytes: [UInt8] in [
            [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], [0x3C, 0x61, 0x3E, 0xC0, 0x80, 0x3C, 0x2F, 0x61, 0x3E],
            [0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E], [0x3C, 0x61, 0x3E, 0xE6, 0x97],
        ] {
            assertRefused(Data(bytes), .unsupportedEncoding("invalid UTF-8"))
        }
    }

    /// swift-corelibs-foundation's `XMLParser` dereferences a null pointer on `<?name?>`.
    func testProcessingInstructionsWithoutDataAreRefused() throws {
        for xml in ["<?xml?><a/>", "<a><?pi?></a>", "<a/><?pi?>", "<a><??></a>", "<a/><?pi"] {
            assertRefused(xml, .emptyProcessingInstruction)
        }
        XCTAssertEqual(try read("<a><?pi data?><?pi ?>x</a>").text, "x")
    }

    func testErrorDescriptionsStayShortWhateverTheInput() {
        let longName = String(repeating: "n", count: 100_000)
        for xml in ["<\(longName)>", "<a><\(longName)>x", "<\(longName)></b>", "<a>" + String(repeating: "&", count: 10_000)] {
            do {
                _ = try read(xml)
                XCTFail("read")
            } catch {
                XCTAssertLessThan(error.description.count, 200, error.description.prefix(300).description)
            }
        }
    }

    func testConcurrentReadsAreIndependent() {
        let documents = (0..<8).map { Data("<r><i>\($0)</i></r>".utf8) }
        let results = (0..<400).map { _ in LockedTexts() }
        DispatchQueue.concurrentPerform(iterations: results.count) { index in
            let text = try? XMLDocumentReader().read(documents[index % 8]).child(named: "i")?.text
            results[index].set(text)
        }
        for (index, result) in results.enumerated() {
            XCTAssertEqual(result.value, "\(index % 8)")
        }
    }

    /// Thousands of mutated documents: each read ends in a tree or an `XMLReadError`, never a crash.
    func testMutatedDocumentsNeverCrash() {
        let seed = Array(#"<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Contents><Key>a&amp;b</Key><Size>1</Size></Contents><![CDATA[x]]><!-- c --></ListBucketResult>"#.utf8)
        let pieces: [[UInt8]] = ["<", ">", "</", "/>", "&", ";", "&#", "<!", "<![CDATA[", "]]>", "\"", "=", "<?", "?>", "\u{0}", "é", "<!DOCTYPE"]
            .map { Array($0.utf8) }
        var random = SplitMix64(seed: 0x584D_4C46)
        var outcomes = (read: 0, refused: 0)
        for _ in 0..<3000 {
            var bytes = seed
            for _ in 0...random.next(below: 4) {
                let position = random.next(below: bytes.count + 1)
                switch random.next(below: 4) {
                case 0 where !bytes.isEmpty: bytes.remove(at: Swift.min(position, bytes.count - 1))
                case 1: bytes.insert(contentsOf: pieces[random.next(below: pieces.count)], at: position)
                case 2 where !bytes.isEmpty: bytes[Swift.min(position, bytes.count - 1)] = UInt8(random.next(below: 256))
                default: bytes = Array(bytes.prefix(position))
                }
            }
            do {
                _ = try XMLDocumentReader(limits: .init(maxDepth: 8, maxElements: 50)).read(Data(bytes))
                outcomes.read += 1
            } catch {
                XCTAssertLessThan(error.description.count, 200)
                outcomes.refused += 1
            }
        }
        XCTAssertGreaterThan(outcomes.read, 50)
        XCTAssertGreaterThan(outcomes.refused, 100)
    }

    // MARK: - Helpers

    private func responseBody(_ file: String, _ id: String) throws -> Data {
        guard let body = try responseBodies(file).first(where: { $0.id == id })?.body else {
            throw XCTSkip("no response test \(id) in \(file)")
        }
        return body
    }

    /// The XML response test bodies in `../shared/testdata/protocol-tests/<file>`.
    private func responseBodies(_ file: String) throws -> [(id: String, body: Data)] {
        guard let url = RepositoryPaths.sharedFile("testdata/protocol-tests/" + file) else {
            throw XCTSkip("\(file) is missing")
        }
        let model = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let shapes = model?["shapes"] as? [String: [String: Any]] ?? [:]
        return shapes.values.flatMap { shape in
            let cases = (shape["traits"] as? [String: Any])?["smithy.test#httpResponseTests"] as? [[String: Any]] ?? []
            return cases.compactMap { testCase -> (id: String, body: Data)? in
                guard let id = testCase["id"] as? String, let body = testCase["body"] as? String,
                    testCase["bodyMediaType"] as? String == "application/xml"
                else { return nil }
                return (id: id, body: Data(body.utf8))
            }
        }
    }
}

/// One result written by a concurrent task and read after all of them finish.
private final class LockedTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func set(_ text: String?) {
        lock.withLock { stored = text }
    }

    var value: String? { lock.withLock { stored } }
}

