import AWSRuntime
import Foundation
import TestSupport
import XCTest

/// The JSON protocols' body encoder: the same JSON values as Foundation's `JSONEncoder` with the protocols'
/// settings, on hand-picked edges and on seeded random documents.
final class JSONStreamEncoderTests: XCTestCase {
    typealias Inner = JSONTestDocuments.Inner
    typealias Sample = JSONTestDocuments.Sample

    struct Empty: Codable {}

    private func assertSameJSON<T: Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let ours = try JSONStreamEncoder().encode(value)
        let foundation = try AWSJSONCoding.makeEncoder().encode(value)
        let oursValue = try JSONSerialization.jsonObject(with: ours, options: .fragmentsAllowed)
        let foundationValue = try JSONSerialization.jsonObject(with: foundation, options: .fragmentsAllowed)
        XCTAssertEqual(oursValue as? NSObject, foundationValue as? NSObject,
                       "\(String(decoding: ours, as: UTF8.self)) is not \(String(decoding: foundation, as: UTF8.self))",
                       file: file, line: line)
    }

    func testStructuresListsMapsAndScalarsEncodeAsJSONEncoderDoes() throws {
        for blobLength in 0..<7 {
            try assertSameJSON(Sample(
                text: "quote \" backslash \\ slash / tab \t newline \n nul \u{0} bell \u{7} é 𝄞 \u{2028}",
                blob: Data((0..<blobLength).map { UInt8(truncatingIfNeeded: $0 * 97 + 3) }),
                when: Date(timeIntervalSince1970: 1_398_796_238.5), count: -9_007_199_254_740_993, ratio: 0.1,
                flag: blobLength % 2 == 0 ? true : nil, inner: Inner(name: "n", tags: ["a", "b"]),
                list: [Inner(name: "x", tags: nil), Inner(name: "y", tags: [])], map: ["k": [1, 2], "": []],
                document: .object(["a": .array([.number(1.5), .null, .bool(false), .string("s")])]),
                decimal: Decimal(string: "12.75")))
        }
        try assertSameJSON(Empty())
        try assertSameJSON([Empty(), Empty()])
        try assertSameJSON(["nested": ["deeper": [[1.0, 2.5], []]]])
    }

    func testNonFiniteFloatsAndWholeTimestampsAreWrittenAsSmithySays() throws {
        let text = String(decoding: try JSONStreamEncoder().encode([Double.nan, .infinity, -.infinity, 3, -0.5]), as: UTF8.self)
        XCTAssertEqual(text, #"["NaN","Infinity","-Infinity",3,-0.5]"#)
        let date = String(decoding: try JSONStreamEncoder().encode([Date(timeIntervalSince1970: 1_398_796_238)]), as: UTF8.self)
        XCTAssertEqual(date, "[1398796238]")
    }

    func testALargeBlobIsBase64InPlace() throws {
        let blob = Data((0..<(3 << 20) + 1).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let body = try JSONStreamEncoder().encode(["layerPartBlob": blob])
        XCTAssertEqual(body, Data(#"{"layerPartBlob":""#.utf8) + blob.base64EncodedData() + Data(#""}"#.utf8))
    }

    func testRandomDocumentsEncodeAsJSONEncoderDoes() throws {
        var random = SplitMix64(seed: 17)
        for _ in 0..<300 {
            try assertSameJSON(JSONTestDocuments.random(&random))
        }
    }

}
