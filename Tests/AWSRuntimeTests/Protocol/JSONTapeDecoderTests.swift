import AWSRuntime
import Foundation
import TestSupport
import XCTest

/// The JSON protocols' body decoder: the same values as Foundation's `JSONDecoder` with the protocols' settings, and
/// a typed `DecodingError`, never a trap, on anything else.
final class JSONTapeDecoderTests: XCTestCase {
    typealias Inner = JSONTestDocuments.Inner
    typealias Sample = JSONTestDocuments.Sample

    private func bothDecode<T: Decodable & Equatable>(_ type: T.Type, _ json: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = Data(json.utf8)
        let foundation = try AWSJSONCoding.makeDecoder().decode(T.self, from: data)
        let ours = try JSONTapeDecoder().decode(T.self, from: data)
        XCTAssertEqual(ours, foundation, json, file: file, line: line)
    }

    func testMembersScalarsAndEscapesDecodeAsJSONDecoderDoes() throws {
        try bothDecode(Sample.self, #"""
            {"text": "q \" b \\ s \/ t \t n \n u \u00e9 pair \ud834\udd1e é", "blob": "AQID", "when": 1398796238.5, "count": -9007199254740993,
             "small": -128, "ratio": 1e-3, "flag": null, "inner": {"name": "n", "tags": ["a", "b"]},
             "list": [{"name": "x"}, {"name": "y", "tags": []}], "map": {"k": [1, 2], "": []}, "sparse": ["a", null, "c"],
             "document": {"a": [1.5, null, false, "s", {"b": {}}]}, "unknown": {"ignored": [1, 2, 3]}}
            """#)
        try bothDecode(Sample.self, #"{"text": "", "blob": "", "when": "2014-04-29T18:30:38Z", "count": 0, "ratio": "NaN", "list": [], "map": {}}"#.replacingOccurrences(of: "\"NaN\"", with: "\"Infinity\""))
        try bothDecode(Sample.self, #"{"text":"x","blob":"AA==","when":"Tue, 29 Apr 2014 18:30:38 GMT","count":1.0,"ratio":-0,"list":[],"map":{}}"#)
        try bothDecode([Double].self, #"["NaN", "-Infinity", 2.5e10, -0.0]"#.replacingOccurrences(of: "\"NaN\", ", with: ""))
    }

    func testMalformedBodiesAreTypedErrors() {
        let bodies = [
            "", "{", "}", "[1,]", "{\"a\":}", "{\"a\" 1}", "{'a': 1}", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[tru]", "[nul]",
            "\"\\x\"", "\"\\u12\"", "\"tab\there\"", "[1] [2]", "{\"a\": 1,}", "\u{FEFF}{}", "[\"\u{0}\"]",
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "{\"count\": 99999999999999999999999}",
        ]
        for body in bodies {
            XCTAssertThrowsError(try JSONTapeDecoder().decode(Sample.self, from: Data(body.utf8)), body) { error in
                XCTAssertTrue(error is DecodingError, "\(body): \(error)")
            }
        }
        XCTAssertThrowsError(try JSONTapeDecoder().decode(String.self, from: Data([0x22, 0xFF, 0x22])), "invalid UTF-8")
    }

    func testWrongTypesAndMissingMembersAreTheErrorsJSONDecoderGives() throws {
        XCTAssertThrowsError(try JSONTapeDecoder().decode(Inner.self, from: Data(#"{"tags": []}"#.utf8))) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(key.stringValue, "name")
        }
        XCTAssertThrowsError(try JSONTapeDecoder().decode(Inner.self, from: Data(#"{"name": 5}"#.utf8))) { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["name"])
        }
        XCTAssertThrowsError(try JSONTapeDecoder().decode([Inner].self, from: Data(#"[{"name": "a"}, {"name": null}]"#.utf8))) { error in
            guard case DecodingError.valueNotFound(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["1", "name"])
        }
        XCTAssertThrowsError(try JSONTapeDecoder().decode([Int8].self, from: Data("[300]".utf8)))
        XCTAssertThrowsError(try JSONTapeDecoder().decode([Date].self, from: Data("[1e300]".utf8)))
    }

    /// A map is decoded by looking up every name it lists: 200,000 entries must not cost 200,000² comparisons (a
    /// scan per lookup took minutes here; a hostile response could stall a call that way).
    func testALargeMapDecodesInLinearTime() throws {
        let count = 200_000
        let body = Data(("{" + (0..<count).map { "\"key\($0)\": \($0)" }.joined(separator: ",") + "}").utf8)
        let map = try JSONTapeDecoder().decode([String: Int].self, from: body)
        XCTAssertEqual(map.count, count)
        XCTAssertEqual(map["key123456"], 123_456)
    }

    /// A repeated name reads its first value, whether the object is scanned (small) or indexed (large).
    func testARepeatedMemberNameReadsTheSameValueInSmallAndLargeObjects() throws {
        struct Named: Decodable { var name: String }
        let small = #"{"name": "first", "name": "second"}"#
        let large = "{" + (0..<40).map { #""filler\#($0)": 0, "# }.joined() + #""name": "first", "name": "second"}"#
        XCTAssertEqual(try JSONTapeDecoder().decode(Named.self, from: Data(small.utf8)).name, "first")
        XCTAssertEqual(try JSONTapeDecoder().decode(Named.self, from: Data(large.utf8)).name, "first")
    }

    func testRandomDocumentsDecodeAsJSONDecoderDoes() throws {
        var random = SplitMix64(seed: 29)
        for _ in 0..<300 {
            let document = JSONTestDocuments.random(&random)
            let data = try JSONStreamEncoder().encode(document)
            let ours = try JSONTapeDecoder().decode(JSONValue.self, from: data)
            let foundation = try AWSJSONCoding.makeDecoder().decode(JSONValue.self, from: data)
            XCTAssertEqual(ours, foundation, String(decoding: data, as: UTF8.self))
        }
    }

    /// 3,000 byte-level mutations of a valid body: every outcome is a value or a `DecodingError`.
    func testMutatedBodiesNeverTrap() throws {
        let valid = Array(#"{"text": "a\u00e9\n", "blob": "AQID", "when": 1.5, "count": 3, "ratio": 2, "list": [{"name": "x", "tags": ["t"]}], "map": {"k": [1]}, "sparse": [null], "document": {"d": [true, null, -1e5]}}"#.utf8)
        var random = SplitMix64(seed: 31)
        let alphabet = Array(#"{}[]",:\/u0123456789.eE+-tfn "#.utf8) + [0x00, 0x7F, 0xC3, 0xFF]
        for _ in 0..<3_000 {
            var bytes = valid
            for _ in 0...random.next(below: 3) {
                let position = random.next(below: bytes.count)
                switch random.next(below: 3) {
                case 0: bytes[position] = alphabet[random.next(below: alphabet.count)]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[random.next(below: alphabet.count)], at: position)
                }
            }
            do {
                _ = try JSONTapeDecoder().decode(Sample.self, from: Data(bytes))
            } catch is DecodingError {
            }
        }
    }
}
