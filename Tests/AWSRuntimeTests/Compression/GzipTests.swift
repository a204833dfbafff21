@testable import AWSRuntime
import Foundation
import XCTest

final class GzipTests: XCTestCase {
    func testCRC32KnownAnswer() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
    }

    func testGzipFraming() {
        let input = Data("hello hello hello hello, gzip".utf8)
        let output = [UInt8](Gzip.compress(input))
        XCTAssertEqual(Array(output.prefix(4)), [0x1F, 0x8B, 0x08, 0x00])
        let trailer = Array(output.suffix(8))
        let crc = trailer[0..<4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << ($1.offset * 8) }
        let size = trailer[4..<8].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << ($1.offset * 8) }
        XCTAssertEqual(crc, CRC32.checksum(input))
        XCTAssertEqual(size, UInt32(input.count))
    }

    /// The fixed-code stream of "a" × 10: literal 'a', then a match of length 9 at distance 1, then end of block.
    func testDeflateEncodesARepeatAsAMatch() {
        XCTAssertEqual(Deflate.compress(Array(repeating: UInt8(ascii: "a"), count: 10)), [0x4B, 0x84, 0x03, 0x00])
    }

    func testRepetitiveInputShrinks() {
        let input = Data(String(repeating: "{\"key\":\"value\"},", count: 1000).utf8)
        XCTAssertLessThan(Gzip.compress(input).count, input.count / 10)
    }

}
