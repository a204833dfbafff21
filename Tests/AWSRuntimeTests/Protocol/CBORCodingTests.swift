import Foundation
import XCTest

@testable import AWSRuntime

/// The `Codable` bridge rpcv2Cbor bodies go through: generated shapes encode to CBOR maps and decode back, with
/// timestamps as tag 1, blobs as byte strings, integers read from any exact width, and malformed bodies as
/// decoding errors.
final class CBORCodingTests: XCTestCase {
    private struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var small: Int8?
        var when: Date
        var bytes: Data
        var tags: [String]
        var nested: [String: [Int]]
        var missing: String?
    }

    func testShapesRoundTripThroughCBOR() throws {
        let sample = Sample(name: "é ✓", count: -70_000, ratio: 0.25, small: 7, when: Date(timeIntervalSince1970: 1_576_540_098.5),
                            bytes: Data([0, 255]), tags: ["a", "b"], nested: ["k": [1, 2]], missing: nil)
        let data = try CBOREncoder().encode(sample)
        let value = try CBORReader().read(data)
        XCTAssertEqual(value["when"], .tag(1, .float(1_576_540_098.5)))
        XCTAssertEqual(value["bytes"], .bytes(Data([0, 255])))
        XCTAssertNil(value["missing"], "unset optionals are left out")
        XCTAssertEqual(try CBORDecoder().decode(Sample.self, from: data), sample)
    }

    func testNumbersReadAcrossWidthsOnlyWhenExact() throws {
        struct Numbers: Decodable { var count: Int; var ratio: Double; var small: Int8 }
        let exact = CBORWriter.encode(.map([(.text("count"), .float(3)), (.text("ratio"), .integer(2)), (.text("small"), .integer(-5))]))
        let decoded = try CBORDecoder().decode(Numbers.self, from: exact)
        XCTAssertEqual(decoded.count, 3)
        XCTAssertEqual(decoded.ratio, 2)
        for bad: CBORValue in [.float(3.5), .integer(300), .text("3")] {
            let body = CBORWriter.encode(.map([(.text("count"), .integer(1)), (.text("ratio"), .integer(1)), (.text("small"), bad)]))
            XCTAssertThrowsError(try CBORDecoder().decode(Numbers.self, from: body), "\(bad)")
        }
    }

    func testMalformedBodiesAreErrorsNotCrashes() {
        struct Anything: Decodable { var a: String? }
        for bytes: [UInt8] in [[0xBF], [0x7F, 0x61], [0xA1, 0x61, 0x61], [0x9F, 0x9F, 0x9F], [0xFF], Array(repeating: 0x81, count: 200)] {
            XCTAssertThrowsError(try CBORDecoder().decode(Anything.self, from: Data(bytes)), "\(bytes.prefix(4))")
        }
        XCTAssertNoThrow(try CBORDecoder().decode(Anything.self, from: Data()), "an empty body is the empty map")
    }

    func testErrorsAreNamedByType() {
        let body = CBORWriter.encode(.map([(.text("__type"), .text("smithy.example#Throttled")), (.text("message"), .text("slow"))]))
        guard case .modelled(let payload) = RPCv2CBORCodec(serviceName: "S").parseError(HTTPResponse(statusCode: 400, body: body), operation: "Op")
        else { return XCTFail() }
        XCTAssertEqual(payload.code, "Throttled")
        XCTAssertEqual(payload.message, "slow")
        guard case .unexpected = RPCv2CBORCodec(serviceName: "S").parseError(HTTPResponse(statusCode: 502, body: Data("<html>".utf8)), operation: "Op")
        else { return XCTFail("an HTML page is not a modelled error") }
    }
}
