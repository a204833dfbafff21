import Foundation
import XCTest

@testable import AWSRuntime

/// FIPS 180-4 / NIST example vectors, run on every backend this machine has so the portable path is
/// exercised even where SHA instructions exist.
final class SHA256KnownAnswerTests: XCTestCase {
    static var backends: [SHA256Backend] {
        SHA256Backend.isAcceleratedAvailable ? [.portable, .accelerated] : [.portable]
    }

    private func digest(_ bytes: [UInt8], backend: SHA256Backend) -> String {
        var hasher = SHA256(backend: backend)
        hasher.update(bytes)
        return hasher.finalize().hexString
    }

    func testEmptyInput() {
        for backend in Self.backends {
            XCTAssertEqual(
                digest([], backend: backend),
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "\(backend)")
        }
    }

    func testOneBlockMessageABC() {
        for backend in Self.backends {
            XCTAssertEqual(
                digest(Array("abc".utf8), backend: backend),
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "\(backend)")
        }
    }

    func testTwoBlockMessage() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        for backend in Self.backends {
            XCTAssertEqual(
                digest(message, backend: backend),
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "\(backend)")
        }
    }

    func testFourBlockMessage() {
        let message = Array(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
                .utf8)
        for backend in Self.backends {
            XCTAssertEqual(
                digest(message, backend: backend),
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1", "\(backend)")
        }
    }

    func testOneMillionLetterA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for backend in Self.backends {
            XCTAssertEqual(
                digest(message, backend: backend),
                "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "\(backend)")
        }
    }

    func testOneShotHashMatchesStreaming() {
        let message = Data("The quick brown fox jumps over the lazy dog".utf8)
        XCTAssertEqual(
            SHA256.hash(message).hexString, "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
        let viaBuffer = message.withUnsafeBytes { SHA256.hash($0) }
        XCTAssertEqual(viaBuffer, SHA256.hash(message))
    }

    func testStreamingInOddChunksMatchesOneShot() {
        let message = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected = SHA256.hash(message)
        for backend in Self.backends {
            for chunkSize in [1, 3, 63, 64, 65, 127, 1000] {
                var hasher = SHA256(backend: backend)
                var offset = 0
                while offset < message.count {
                    let end = min(offset + chunkSize, message.count)
                    hasher.update(message[offset..<end])
                    offset = end
                }
                XCTAssertEqual(hasher.finalize(), expected, "chunk \(chunkSize) on \(backend)")
            }
        }
    }

    func testFinalizeLeavesHasherUsable() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        XCTAssertEqual(hasher.finalize().hexString, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testDigestBytesAndDescription() {
        let digest = SHA256.hash(Data())
        XCTAssertEqual(digest.bytes.count, 32)
        XCTAssertEqual(digest.bytes.prefix(4), [0xe3, 0xb0, 0xc4, 0x42])
        XCTAssertEqual(digest.description, digest.hexString)
    }
}
