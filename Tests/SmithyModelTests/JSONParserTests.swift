import SmithyModel
import XCTest

final class JSONParserTests: XCTestCase {
    func testKeepsObjectKeysInDocumentOrder() throws {
        let node = try JSONParser.parse(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        XCTAssertEqual(node.objectValue?.keys, ["zeta", "alpha", "mid"])
    }

    func testKeepsNumberTextExactly() throws {
        let node = try JSONParser.parse(#"[12345678901234567890123, 1.50, -0.0, 2e10]"#)
        XCTAssertEqual(node.arrayValue?.compactMap(\.numberText), ["12345678901234567890123", "1.50", "-0.0", "2e10"])
    }

    func testDecodesEscapesAndSurrogatePairs() throws {
        let node = try JSONParser.parse(#""a\"b\\c\n\u00e9\ud83d\ude00""#)
        XCTAssertEqual(node.stringValue, "a\"b\\c\né😀")
    }

    func testReportsLineAndColumnOfSyntaxError() {
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}"
        XCTAssertThrowsError(try JSONParser.parse(text)) { error in
            let syntax = error as? JSONParser.SyntaxError
            XCTAssertEqual(syntax?.line, 3)
            XCTAssertEqual(syntax?.column, 8)
            XCTAssertEqual(syntax?.description, "invalid JSON at line 3, column 8: invalid literal, expected 'true'")
        }
    }

    func testRejectsTrailingCommaDuplicateKeyAndTrailingContent() {
        XCTAssertThrowsError(try JSONParser.parse(#"[1, 2,]"#))
        XCTAssertThrowsError(try JSONParser.parse(#"{"a": 1, "a": 2}"#)) { error in
            XCTAssertEqual((error as? JSONParser.SyntaxError)?.message, "duplicate key \"a\" in object")
        }
        XCTAssertThrowsError(try JSONParser.parse(#"{} {}"#))
        XCTAssertThrowsError(try JSONParser.parse("\"unterminated"))
        XCTAssertThrowsError(try JSONParser.parse("01"))
    }

    func testRejectsPathologicalNestingInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try JSONParser.parse(deep))
    }

    func testWriterRoundTripsDocumentsByteForByte() throws {
        let text = #"{"b":[1,2.5,true,null],"a":{"x":"q\"uote\n"}}"#
        XCTAssertEqual(JSONWriter.compact(try JSONParser.parse(text)), text)
    }
}
