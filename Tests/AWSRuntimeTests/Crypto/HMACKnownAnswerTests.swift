import Foundation
import XCTest

@testable import AWSRuntime

/// RFC 4231 HMAC-SHA256 test cases 1–7 (case 5's truncated output compares the first 16 bytes).
final class HMACKnownAnswerTests: XCTestCase {
    private func hex(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = string.startIndex
        while index < string.endIndex {
            let next = string.index(index, offsetBy: 2)
            bytes.append(UInt8(string[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    private func mac(key: [UInt8], data: [UInt8], backend: SHA256Backend) -> String {
        var hmac = HMAC(key: key, backend: backend)
        hmac.update(data)
        return hmac.finalize().hexString
    }

    private func assertAllBackends(key: [UInt8], data: [UInt8], expected: String, line: UInt = #line) {
        for backend in SHA256KnownAnswerTests.backends {
            XCTAssertEqual(mac(key: key, data: data, backend: backend), expected, "\(backend)", line: line)
        }
    }

    func testCase1ShortKey() {
        assertAllBackends(
            key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
            expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    func testCase2KeyShorterThanOutput() {
        assertAllBackends(
            key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
            expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testCase3CombinedLengthOverBlock() {
        assertAllBackends(
            key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
            expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
    }

    func testCase4IncrementingKey() {
        assertAllBackends(
            key: hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), data: [UInt8](repeating: 0xcd, count: 50),
            expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
    }

    func testCase5TruncatedOutput() {
        for backend in SHA256KnownAnswerTests.backends {
            let full = mac(
                key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8), backend: backend)
            XCTAssertEqual(String(full.prefix(32)), "a3b6167473100ee06e0c796c2955552b", "\(backend)")
        }
    }

    func testCase6KeyLongerThanBlock() {
        assertAllBackends(
            key: [UInt8](repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    func testCase7LongKeyAndLongData() {
        let data =
            "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
        assertAllBackends(
            key: [UInt8](repeating: 0xaa, count: 131), data: Array(data.utf8),
            expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    func testOneShotMatchesStreamingAndCopiesReuseKey() {
        let key = Data("key".utf8)
        let expected = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        XCTAssertEqual(
            HMAC.authenticationCode(for: Data("The quick brown fox jumps over the lazy dog".utf8), key: key).hexString,
            expected)
        let keyed = HMAC(key: key)
        var first = keyed
        first.update(Data("The quick brown fox ".utf8))
        first.update(Data("jumps over the lazy dog".utf8))
        var second = keyed
        second.update(Data("The quick brown fox jumps over the lazy dog".utf8))
        XCTAssertEqual(first.finalize().hexString, expected)
        XCTAssertEqual(second.finalize().hexString, expected)
    }
}
