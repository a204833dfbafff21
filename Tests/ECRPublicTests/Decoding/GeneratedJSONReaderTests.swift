import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// The generated shapes decode JSON through their generated readers (`JSONShapeDecodable`), under the runtime's
/// decoder and, through the `Decodable` conformance the readers give them, under any other.
final class GeneratedJSONReaderTests: XCTestCase {
    private let body = Data(#"""
        {"imageDetails": [{"registryId": "123456789012", "repositoryName": "web", "imageDigest": "sha256:ab",
          "imageTags": ["v1", "caf\u00e9 \"quoted\""], "imageSizeInBytes": 9007199254740993, "imagePushedAt": 1700000000.5,
          "futureMember": {"nested": [1, 2]}}, {}], "nextToken": "t"}
        """#.utf8)

    func testTheRuntimeDecoderReadsThroughTheGeneratedReader() throws {
        // A compile-time fact as much as a run-time one: the shape has a generated reader.
        let _: any JSONShapeDecodable.Type = DescribeImagesResponse.self
        let output = try JSONTapeDecoder().decode(DescribeImagesResponse.self, from: body)
        let first = try XCTUnwrap(output.imageDetails?.first)
        XCTAssertEqual(first.imageTags, ["v1", "café \"quoted\""])
        XCTAssertEqual(first.imageSizeInBytes, 9_007_199_254_740_993, "64-bit integers are exact")
        XCTAssertEqual(first.imagePushedAt, Date(timeIntervalSince1970: 1_700_000_000.5))
        XCTAssertEqual(output.imageDetails?.count, 2)
        XCTAssertEqual(output.nextToken, "t")
    }

    func testAnotherDecoderGetsTheSameValue() throws {
        let reference = try JSONTapeDecoder().decode(DescribeImagesResponse.self, from: body)
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .secondsSince1970
        XCTAssertEqual(try foundation.decode(DescribeImagesResponse.self, from: body), reference)
        XCTAssertEqual(try foundation.decode([DescribeImagesResponse].self, from: Data("[".utf8) + body + Data("]".utf8)), [reference])
    }

    /// Foundation's coders round-trip a generated output with their own default strategies (dates relative to
    /// 2001, data as base64), and so do property lists, whose dates and data are native values.
    func testOtherCodersKeepTheirOwnStrategies() throws {
        let value = try JSONTapeDecoder().decode(DescribeImagesResponse.self, from: body)
        XCTAssertEqual(try JSONDecoder().decode(DescribeImagesResponse.self, from: JSONEncoder().encode(value)), value)
        let plist = try PropertyListEncoder().encode(value)
        XCTAssertEqual(try PropertyListDecoder().decode(DescribeImagesResponse.self, from: plist), value)
    }

    func testMismatchesNameWhereTheyAre() throws {
        let wrong = Data(#"{"imageDetails": [{}, {"imageTags": ["ok", 7]}]}"#.utf8)
        XCTAssertThrowsError(try JSONTapeDecoder().decode(DescribeImagesResponse.self, from: wrong)) { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }, ["imageDetails", "1", "imageTags", "1"])
        }
        XCTAssertThrowsError(try JSONTapeDecoder().decode(DescribeImagesResponse.self, from: Data("[]".utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(DescribeImagesResponse.self, from: Data(#"{"imageDetails": 3}"#.utf8)))
    }
}
