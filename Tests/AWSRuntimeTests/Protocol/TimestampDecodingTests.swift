import Foundation
import XCTest

@testable import AWSRuntime

/// A timestamp that is not finite or lies outside years 1–9999 would decode into a `Date` that stops the process
/// when printed: it is a decoding error instead.
final class TimestampDecodingTests: XCTestCase {
    private struct Holder: Decodable {
        var at: Date
    }

    private func decode(_ json: String) throws -> Date {
        try AWSJSONCoding.makeDecoder().decode(Holder.self, from: Data(#"{"at": \#(json)}"#.utf8)).at
    }

    private func assertRejected(_ json: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try decode(json), json, file: file, line: line) { error in
            guard case DecodingError.dataCorrupted(let context) = error else {
                return XCTFail("\(json): \(error)", file: file, line: line)
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["at"], file: file, line: line)
        }
    }

    func testNaNAndInfinitiesAreRejected() {
        for json in [#""NaN""#, #""Infinity""#, #""-Infinity""#, #""nan""#, #""inf""#, #""1e400""#] {
            assertRejected(json)
        }
    }

    func testEpochSecondsOutsideYears1To9999AreRejected() {
        for json in ["1e300", "-1e300", "253402300800", "-62135596801", #""253402300800""#] {
            assertRejected(json)
        }
    }

    func testTheFirstAndLastRepresentableSecondsDecode() throws {
        XCTAssertEqual(try decode("-62135596800"), Date(timeIntervalSince1970: -62_135_596_800))
        XCTAssertEqual(try decode("253402300799.5"), Date(timeIntervalSince1970: 253_402_300_799.5))
        XCTAssertEqual(try decode(#""9999-12-31T23:59:59Z""#), Date(timeIntervalSince1970: 253_402_300_799))
    }

    func testARejectedTimestampIsReportedWithItsValue() {
        XCTAssertThrowsError(try decode(#""NaN""#)) { error in
            XCTAssertEqual(
                DecodingFailure.describe(error),
                "nan is not a timestamp: epoch seconds must be finite and within years 1 to 9999 at at")
        }
    }

    func testTheHTTPDateHeaderParserRejectsNonFiniteEpochSeconds() {
        XCTAssertNil(TimestampFormat.date(from: "NaN"))
        XCTAssertNil(TimestampFormat.date(from: "inf"))
        XCTAssertEqual(TimestampFormat.date(from: "1398796238"), Date(timeIntervalSince1970: 1_398_796_238))
    }
}
