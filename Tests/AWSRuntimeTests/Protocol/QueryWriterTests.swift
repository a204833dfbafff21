import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// The awsQuery / ec2Query form body: pairs in order, percent-encoded as the Smithy protocol tests expect.
final class QueryWriterTests: XCTestCase {
    private func body(_ action: String, _ pairs: [(String, String)]) -> String {
        var writer = QueryWriter(action: action, version: "2020-01-08")
        for (key, value) in pairs { writer.add(key, value) }
        return String(decoding: writer.encodedBody(), as: UTF8.self)
    }

    private func encoded(_ value: String) -> String {
        var writer = QueryWriter()
        writer.add("k", value)
        return String(decoding: writer.encodedBytes().dropFirst(2), as: UTF8.self)
    }

    // MARK: - Encoding rules

    func testUnreservedCharactersStayAsTheyAre() {
        let unreserved = "ABCXYZabcxyz0189-._~"
        XCTAssertEqual(encoded(unreserved), unreserved)
    }

    func testSpacePlusAndAsteriskArePercentEncoded() {
        XCTAssertEqual(encoded("a b+c*d"), "a+b%2Bc%2Ad")
    }

    func testReservedAndDelimiterCharactersArePercentEncodedInUppercaseHex() {
        XCTAssertEqual(encoded("&=:/?#[]@!$'(),;%\"<>\\^`{|}"),
                       "%26%3D%3A%2F%3F%23%5B%5D%40%21%24%27%28%29%2C%3B%25%22%3C%3E%5C%5E%60%7B%7C%7D")
    }

    func testUnicodeIsEncodedAsItsUTF8Bytes() {
        XCTAssertEqual(encoded("é"), "%C3%A9")
        XCTAssertEqual(encoded("日"), "%E6%97%A5")
        XCTAssertEqual(encoded("🎉"), "%F0%9F%8E%89")
        XCTAssertEqual(encoded("\n\t\u{0}"), "%0A%09%00")
    }

    func testKeysAreEncodedToo() {
        var writer = QueryWriter()
        writer.add("a b&c", "=")
        XCTAssertEqual(String(decoding: writer.encodedBody(), as: UTF8.self), "a+b%26c=%3D")
    }

    func testPairsKeepTheirOrderAndDuplicates() {
        var writer = QueryWriter()
        writer.add("b", "1")
        writer.add("a", "2")
        writer.add("b", "3")
        XCTAssertEqual(String(decoding: writer.encodedBody(), as: UTF8.self), "b=1&a=2&b=3")
        XCTAssertEqual(writer.pairs.map(\.key), ["b", "a", "b"])
    }

    func testAnEmptyWriterGivesAnEmptyBody() {
        XCTAssertEqual(QueryWriter().encodedBody(), Data())
        XCTAssertEqual(QueryWriter.contentType, "application/x-www-form-urlencoded")
    }

    // MARK: - Against the Smithy awsQuery and ec2Query request tests

    func testAwsQueryBodies() throws {
        let cases: [(id: String, action: String, pairs: [(String, String)])] = [
            ("QueryEmptyInputAndEmptyOutput", "EmptyInputAndEmptyOutput", []),
            ("NestedStructures", "NestedStructures",
             [("Nested.StringArg", "foo"), ("Nested.OtherArg", "true"), ("Nested.RecursiveArg.StringArg", "baz")]),
            ("QueryLists", "QueryLists",
             [("ListArg.member.1", "foo"), ("ListArg.member.2", "bar"), ("ListArg.member.3", "baz"),
              ("ComplexListArg.member.1.hi", "hello"), ("ComplexListArg.member.2.hi", "hola")]),
            ("EmptyQueryLists", "QueryLists", [("ListArg", "")]),
            ("QueryComplexQueryMaps", "QueryMaps",
             [("ComplexMapArg.entry.1.key", "bar"), ("ComplexMapArg.entry.1.value.hi", "Bar"),
              ("ComplexMapArg.entry.2.key", "foo"), ("ComplexMapArg.entry.2.value.hi", "Foo")]),
            ("QueryTimestampsInput", "QueryTimestamps",
             [("normalFormat", "2015-01-25T08:00:00Z"), ("epochMember", "1422172800"), ("epochTarget", "1422172800")]),
            ("QuerySimpleInputParamsBlob", "SimpleInputParams", [("Qux", Data("value".utf8).base64EncodedString())]),
            ("QuerySimpleInputParamsFloat", "SimpleInputParams", [("Boo", "10.8")]),
            ("QueryProtocolIdempotencyTokenAutoFill", "QueryIdempotencyTokenAutoFill",
             [("token", "00000000-0000-4000-8000-000000000000")]),
            ("AwsQuerySupportsNegativeInfinityFloatInputs", "SimpleInputParams",
             [("FloatValue", "-Infinity"), ("Boo", "-Infinity")]),
        ]
        let expected = try requestBodies("awsQuery.json")
        for testCase in cases {
            XCTAssertEqual(body(testCase.action, testCase.pairs), try XCTUnwrap(expected[testCase.id], testCase.id), testCase.id)
        }
    }

    func testEc2QueryBodies() throws {
        let cases: [(id: String, action: String, pairs: [(String, String)])] = [
            ("Ec2Lists", "QueryLists",
             [("ListArg.1", "foo"), ("ListArg.2", "bar"), ("ListArg.3", "baz"), ("ComplexListArg.1.Hi", "hello"),
              ("ComplexListArg.2.Hi", "hola")]),
            ("Ec2TimestampsInput", "QueryTimestamps",
             [("NormalFormat", "2015-01-25T08:00:00Z"), ("EpochMember", "1422172800"), ("EpochTarget", "1422172800")]),
            ("Ec2SimpleInputParamsBlob", "SimpleInputParams", [("Qux", "dmFsdWU=")]),
            ("Ec2QueryNameDistinctFromXmlNameAndMemberName", "SimpleInputParams",
             [("QueryName", "value1"), ("queryAndXmlName", "value2"), ("XmlNameOnly", "value3")]),
            ("Ec2QuerySupportsNaNFloatInputs", "SimpleInputParams", [("FloatValue", "NaN"), ("Boo", "NaN")]),
        ]
        let expected = try requestBodies("ec2Query.json")
        for testCase in cases {
            XCTAssertEqual(body(testCase.action, testCase.pairs), try XCTUnwrap(expected[testCase.id], testCase.id), testCase.id)
        }
    }

    // MARK: - Helpers

    /// Request test bodies by id in `../shared/testdata/protocol-tests/<file>`.
    private func requestBodies(_ file: String) throws -> [String: String] {
        guard let url = RepositoryPaths.sharedFile("testdata/protocol-tests/" + file) else {
            throw XCTSkip("\(file) is missing")
        }
        let model = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let shapes = model?["shapes"] as? [String: [String: Any]] ?? [:]
        var bodies: [String: String] = [:]
        for shape in shapes.values {
            for testCase in (shape["traits"] as? [String: Any])?["smithy.test#httpRequestTests"] as? [[String: Any]] ?? [] {
                if let id = testCase["id"] as? String, let body = testCase["body"] as? String { bodies[id] = body }
            }
        }
        return bodies
    }
}
