import Foundation
import XCTest

@testable import AWSRuntime

/// The canonical request's parts, built byte by byte in pre-sized buffers, against their definitions: odd and
/// non-ASCII headers, query canonicalisation, path normalisation, URL splitting and the byte-level helpers.
final class SigV4CanonicalFormTests: XCTestCase {
    // MARK: Headers

    func testOddHeadersFoldWhitespaceJoinRepeatsAndSortByLowercaseBytes() {
        let headers: HTTPHeaders = HTTPHeaders([
            ("X-Custom", "  a   b\t c  "), ("x-custom", "second"), ("X-CUSTOM", ""), ("Zeta", "z"),
            ("Ünïcode-Name", "välue  with  spaces"), ("Host", "h"), ("My-Header", "folded\r\n  line"),
            ("User-Agent", "not signed"), ("Authorization", "not signed either"),
        ])
        let canonical = CanonicalHeaders(headers)
        // ASCII letters are lowercased, "Ü" is not; its UTF-8 lead byte sorts after every ASCII name.
        XCTAssertEqual(
            canonical.block,
            "host:h\nmy-header:folded line\nx-custom:a b c,second,\nzeta:z\nÜnïcode-name:välue with spaces\n")
        XCTAssertEqual(canonical.signedHeaders, "host;my-header;x-custom;zeta;Ünïcode-name")
    }

    func testNoSignableHeadersGiveEmptyLines() {
        let canonical = CanonicalHeaders(HTTPHeaders([("User-Agent", "x"), ("Expect", "100-continue")]))
        XCTAssertEqual(canonical.block, "")
        XCTAssertEqual(canonical.signedHeaders, "")
    }

    func testEmptyHeaderNameAndValueKeepTheirPlace() {
        let canonical = CanonicalHeaders(HTTPHeaders([("b", "2"), ("", "empty name"), ("a", "   ")]))
        XCTAssertEqual(canonical.block, ":empty name\na:\nb:2\n")
        XCTAssertEqual(canonical.signedHeaders, ";a;b")
    }

    /// Many header sets (0…40 fields, so both the insertion sort and the library sort run; names longer and
    /// shorter than a word; repeats in mixed case; whitespace of every kind) against a plain-string reference.
    func testCanonicalHeadersMatchAStraightforwardDefinition() {
        let names = [
            "Host", "host", "X-Amz-Date", "x-amz-date", "Content-Type", "A", "a", "B-Long-Header-Name-Over-16",
            "Ärger", "x-amz-meta-ä", "User-Agent", "authorization", "Connection", "Q", "q", "ab", "aB", "Ab",
        ]
        let values = [
            "", " ", "plain", "  lead", "trail  ", "in  ner", "tab\there", "line\nbreak", "cr\r\nlf", "ünï cödé",
            "exactly8", "seventeen-bytes!!", "\t\t", "a b c d e f g h",
        ]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let fields = (0..<next(41)).map { _ in (names[next(names.count)], values[next(values.count)]) }
            let expected = referenceCanonicalHeaders(fields)
            let canonical = CanonicalHeaders(HTTPHeaders(fields))
            XCTAssertEqual(canonical.block, expected.block, "\(fields)")
            XCTAssertEqual(canonical.signedHeaders, expected.signedHeaders, "\(fields)")
        }
    }

    // MARK: Query

    func testQueryCanonicalisation() {
        let query = "b=2&a=z&a=y&%7e=1&c&=x&plus=a+b&sp=a%20b&pct=%zz&trail=%4&u=%E1%88%B4&lc=%e1%88%b4&raw=ሴ&eq=a=b&&"
        let canonical = CanonicalRequest(method: "GET", path: "/", query: query, headers: ["Host": "h"], payloadHash: "x")
        XCTAssertEqual(
            canonical.canonicalQuery,
            "=x&a=y&a=z&b=2&c=&eq=a%3Db&lc=%E1%88%B4&pct=%25zz&plus=a%2Bb&raw=%E1%88%B4&sp=a%20b&trail=%254&u=%E1%88%B4&~=1"
        )
    }

    func testEmptyQueryAndOnlySeparators() {
        XCTAssertEqual(CanonicalQuery.render(CanonicalQuery.parameters(fromRawQuery: "")), "")
        XCTAssertEqual(CanonicalQuery.render(CanonicalQuery.parameters(fromRawQuery: "&&&")), "")
        XCTAssertEqual(CanonicalQuery.render(CanonicalQuery.parameters(fromRawQuery: "=")), "=")
    }

    // MARK: Path

    func testPathsThatNeedNoNormalisationAreLeftAlone() {
        for path in ["/", "/a", "/a/", "/a/b.c/..d/.e", "/2015-03-31/functions/f/invocations", "/a%2F./b"] {
            XCTAssertFalse(CanonicalURI.needsNormalization(path), path)
            XCTAssertEqual(CanonicalURI.normalized(path), path)
        }
        for path in ["a", "//", "/a//b", "/.", "/..", "/a/./b", "/a/../b", "/a/.", "/a/.."] {
            XCTAssertTrue(CanonicalURI.needsNormalization(path), path)
            XCTAssertNotEqual(CanonicalURI.normalized(path), path, path)
        }
    }

    func testNormalisationSplitsAtTheSlashByteEvenBeforeACombiningMark() {
        // As a `Character`, "/\u{301}" is not "/"; a server still splits there.
        XCTAssertEqual(CanonicalURI.normalized("/\u{301}abc/./d"), "/\u{301}abc/d")
        XCTAssertEqual(CanonicalURI.make(path: "/\u{301}abc", normalize: true, doubleEncode: true), "/%CC%81abc")
    }

    func testEmptyPathIsSlash() {
        XCTAssertEqual(CanonicalURI.make(path: "", normalize: false, doubleEncode: false), "/")
        XCTAssertEqual(CanonicalURI.make(path: "", normalize: true, doubleEncode: true), "/")
    }

    // MARK: URL

    func testRequestTargetSplitsURLsAsFoundationDoes() throws {
        let urls = [
            "https://api.ecr-public.us-east-1.amazonaws.com/", "https://h", "https://h?x=1", "https://h/?",
            "https://h/#f", "https://h/a%20b/c?x=%2F&y#frag", "http://localhost:4566/p?q", "https://h:8443/a/b/",
            "https://h/a?b?c", "HTTPS://H/P", "https://user:pw@h/p?q", "https://[::1]:8443/p?q", "https://h%41/x",
            "s3+x.y-z://h/k",
        ]
        for text in urls {
            let url = try XCTUnwrap(URL(string: text), text)
            let target = try RequestTarget(url)
            XCTAssertEqual(target.path, url.path(percentEncoded: true), text)
            XCTAssertEqual(target.query, url.query(percentEncoded: true) ?? "", text)
        }
        let relative = try XCTUnwrap(URL(string: "b/c?x=1", relativeTo: URL(string: "https://h/a/")))
        XCTAssertEqual(try RequestTarget(relative).path, relative.path(percentEncoded: true))
    }

    func testURLsWithoutAHostCannotBeSigned() throws {
        for text in ["file:///tmp/x", "https:/path", "mailto:a@b"] {
            let url = try XCTUnwrap(URL(string: text), text)
            XCTAssertThrowsError(try RequestTarget(url), text) {
                XCTAssertEqual($0 as? SigV4Error, .missingHost(url: url.absoluteString))
            }
        }
    }

    // MARK: Byte helpers

    func testByteWriterCopiesPiecesOfEveryLength() {
        let source = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for length in 0...source.count {
            let piece = Array(source.prefix(length))
            let text = String(capacity: 2 * length + 2) { writer in
                writer.append(UInt8(ascii: "<"))
                piece.withUnsafeBytes { writer.append($0) }
                piece.withUnsafeBytes { writer.append($0) }
                writer.append(UInt8(ascii: ">"))
            }
            let expected = String(decoding: piece, as: UTF8.self)
            XCTAssertEqual(text, "<\(expected)\(expected)>")
        }
    }

    func testHexOfEveryByte() {
        for byte in 0...255 {
            let expected = (byte < 16 ? "0" : "") + String(byte, radix: 16)
            XCTAssertEqual(Hex.lowercase([UInt8(byte)]), expected)
        }
        XCTAssertEqual(Hex.lowercase([UInt8]()), "")
    }

    func testLowercasingEightBytesAtATimeMatchesByteByByte() {
        for length in 1...20 {
            for byte in 0...255 {
                let input = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ byte) }
                let expected = input.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                var output = [UInt8](repeating: 0, count: length)
                input.withUnsafeBufferPointer { source in
                    output.withUnsafeMutableBufferPointer { CanonicalHeaders.lowercaseASCII(source, to: $0.baseAddress!) }
                }
                XCTAssertEqual(output, expected, "\(input)")
            }
        }
    }

    func testWhitespaceDetectionFindsABytePerPositionAndWordBoundary() {
        for length in 1...20 {
            for position in 0..<length {
                for (byte, expected) in [(0x00, true), (0x09, true), (0x20, true), (0x21, false), (0x7F, false), (0x80, false), (0xFF, false)] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes[position] = UInt8(byte)
                    let found = bytes.withUnsafeBufferPointer { SortedHeaders.containsControlOrSpace($0) }
                    XCTAssertEqual(found, expected, "byte \(byte) at \(position) of \(length)")
                }
            }
        }
    }

    // MARK: Reference

    /// The SigV4 definition with plain strings: lowercase names, stable sort by name bytes, values trimmed and
    /// inner whitespace runs folded to one space, repeats joined with ",".
    private func referenceCanonicalHeaders(_ fields: [(String, String)]) -> (block: String, signedHeaders: String) {
        let unsigned: Set<String> = [
            "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding",
        ]
        func lower(_ name: String) -> String {
            String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        func trim(_ value: String) -> String {
            value.utf8.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D].contains($0) })
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        let signed = fields.enumerated().map { (index: $0.offset, name: lower($0.element.0), value: $0.element.1) }
            .filter { !unsigned.contains($0.name) }
            .sorted { lhs, rhs in
                Array(lhs.name.utf8) == Array(rhs.name.utf8)
                    ? lhs.index < rhs.index : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
        var lines: [(name: String, values: [String])] = []
        for field in signed {
            if let last = lines.last, Array(last.name.utf8) == Array(field.name.utf8) {
                lines[lines.count - 1].values.append(trim(field.value))
            } else {
                lines.append((field.name, [trim(field.value)]))
            }
        }
        return (
            lines.map { "\($0.name):\($0.values.joined(separator: ","))\n" }.joined(),
            lines.map(\.name).joined(separator: ";")
        )
    }
}
