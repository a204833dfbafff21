import Foundation
import XCTest

@testable import AWSRuntime

/// The pieces restJson1 (and later restXml) builds requests and reads responses with: URI patterns, header
/// lists, binding values, MD5 and Glacier's tree hash.
final class HTTPBindingTests: XCTestCase {
    func testURIPatternsEncodeLabelsAndKeepGreedySlashes() throws {
        let expanded = try URITemplate.expand(
            "/{Bucket}/{Key+}?x-id=GetObject&tagging", labels: ["Bucket": "a b", "Key": "photos/cat ü.jpg"], operation: "Op")
        XCTAssertEqual(expanded.path, "/a%20b/photos/cat%20%C3%BC.jpg")
        XCTAssertEqual(expanded.query.map(\.name), ["x-id", "tagging"])
        XCTAssertEqual(expanded.query.map(\.value), ["GetObject", nil])

        let plain = try URITemplate.expand("/{Id}", labels: ["Id": "a/b?c#d"], operation: "Op")
        XCTAssertEqual(plain.path, "/a%2Fb%3Fc%23d", "a plain label escapes every reserved character")
    }

    func testMissingEmptyAndTraversingLabelsAreRefused() {
        XCTAssertThrowsError(try URITemplate.expand("/{Id}", labels: [:], operation: "Op"))
        XCTAssertThrowsError(try URITemplate.expand("/{Id}", labels: ["Id": ""], operation: "Op"))
        for key in ["..", "a/../b", "./x", "a/."] {
            XCTAssertThrowsError(try URITemplate.expand("/{Key+}", labels: ["Key": key], operation: "Op"), key) { error in
                guard case HTTPBindingError.invalidLabel = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertNoThrow(try URITemplate.expand("/{Key+}", labels: ["Key": "a..b/.c"], operation: "Op"))
    }

    func testHeaderListsQuoteAndSplit() {
        XCTAssertEqual(HTTPHeaderList.quoted("plain"), "plain")
        XCTAssertEqual(HTTPHeaderList.quoted("b,c"), #""b,c""#)
        XCTAssertEqual(HTTPHeaderList.quoted(#""def""#), #""\"def\"""#)
        XCTAssertEqual(HTTPHeaderList.split(#"a, "b,c" , "\"def\"",e"#), ["a", "b,c", #""def""#, "e"])
        XCTAssertEqual(HTTPHeaderList.split("  x  "), ["x"])
        XCTAssertEqual(HTTPHeaderList.splitHTTPDates("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 01:00:00 GMT"),
                       ["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 01:00:00 GMT"])
    }

    func testBindingValuesRoundTrip() {
        XCTAssertEqual(Double.nan.httpBindingText, "NaN")
        XCTAssertEqual((-Double.infinity).httpBindingText, "-Infinity")
        XCTAssertEqual(Float(1.1).httpBindingText, "1.1")
        XCTAssertEqual(Double(1.1).httpBindingText, "1.1")
        XCTAssertEqual(Double(httpBindingText: "Infinity"), .infinity)
        XCTAssertEqual(Bool(httpBindingText: "true"), true)
        XCTAssertNil(Bool(httpBindingText: "yes"))
        XCTAssertNil(Int(httpBindingText: "1.5"))
        XCTAssertEqual(Int64(httpBindingText: " 42 "), 42)
    }

    func testResponseHeadersDecodeOrFailTyped() throws {
        let response = HTTPResponse(statusCode: 201, headers: [
            "X-Int": "7", "X-List": #"a, "b,c""#, "X-Date": "Mon, 16 Dec 2019 23:48:18 GMT", "X-Bad": "seven",
            "X-Meta-One": "1", "x-meta-two": "2", "X-Blob": "aGk=",
        ])
        let bindings = HTTPResponseBindings(response: response, bodyDecoder: JSONBodyDecoder())
        XCTAssertEqual(try bindings.header("X-Int", as: Int.self), 7)
        XCTAssertEqual(try bindings.header("x-list", as: [String].self), ["a", "b,c"])
        XCTAssertEqual(try bindings.header("X-Date", as: Date.self)?.timeIntervalSince1970, 1_576_540_098)
        XCTAssertEqual(try bindings.header("X-Blob", as: Data.self), Data("hi".utf8))
        XCTAssertNil(try bindings.header("X-Absent", as: Int.self))
        XCTAssertThrowsError(try bindings.header("X-Bad", as: Int.self)) { error in
            guard case HTTPBindingError.invalidHeader(let name, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "X-Bad")
        }
        XCTAssertEqual(bindings.prefixHeaders("X-Meta-"), ["One": "1", "two": "2"])
        XCTAssertEqual(bindings.statusCode, 201)
    }

    func testPrefixHeadersGiveWayToNamedHeaders() throws {
        struct Input: HTTPBoundInput {
            static var hasBodyMembers: Bool { false }
            func bind(to request: inout HTTPRequestBindings) throws {
                request.prefixHeaders("", ["hello": "from map", "x-other": "kept"])
                request.header("hello", "named")
            }
            func validate(_ validator: inout Validator, path: MemberPath) {}
            func encode(to encoder: any Encoder) throws {}
        }
        let request = try RestJSONCodec().encode(
            Input(), operation: "Op",
            context: RequestEncodingContext(idempotencyTokenGenerator: { "t" }, route: HTTPRoute(method: "GET", uri: "/")))
        XCTAssertEqual(request.headers.values(for: "hello"), ["named"])
        XCTAssertEqual(request.headers["x-other"], "kept")
        XCTAssertTrue(request.body.isEmpty, "no body members: no body")
        XCTAssertNil(request.headers["Content-Type"])
    }

    func testARESTRequestWithoutItsRouteIsRefused() {
        XCTAssertThrowsError(try RestJSONCodec().encode(
            EmptyInput(), operation: "Op", context: RequestEncodingContext(idempotencyTokenGenerator: { "t" }))) { error in
            guard case HTTPBindingError.missingRoute(let operation) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(operation, "Op")
        }
    }

    func testMD5KnownAnswers() {
        // RFC 1321, appendix A.5.
        let vectors = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
             "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (text, hex) in vectors {
            XCTAssertEqual(MD5.digest(Data(text.utf8)).map { String(format: "%02x", $0) }.joined(), hex, text)
        }
    }

    func testGlacierTreeHashCombinesMebibyteChunks() {
        let one = Data(repeating: 0x61, count: GlacierTreeHash.chunkSize)
        let leaf = SHA256.hash(one)
        XCTAssertEqual(GlacierTreeHash.hash(one), leaf, "one chunk: its own hash")
        let three = one + one + Data("tail".utf8)
        let pair = SHA256.hash(Data(leaf.bytes) + Data(leaf.bytes))
        let expected = SHA256.hash(Data(pair.bytes) + Data(SHA256.hash(Data("tail".utf8)).bytes))
        XCTAssertEqual(GlacierTreeHash.hash(three), expected, "an odd chunk is carried up unpaired")
    }
}
