import Foundation
import XCTest

@testable import AWSRuntime

/// restXml's runtime half and S3's customizations: the bucket left to the endpoint rules, keys with dot
/// segments, bodiless errors, and GetBucketLocation's bare root element.
final class RestXMLTests: XCTestCase {
    private func encode(_ input: GetObjectTestInput, uri: String, customization: ServiceCustomization?) throws -> EncodedRequest {
        try RestXMLCodec(customization: customization).encode(
            input, operation: "GetObject",
            context: RequestEncodingContext(idempotencyTokenGenerator: { "t" }, route: HTTPRoute(method: "GET", uri: uri)))
    }

    func testS3LeavesTheBucketToTheEndpointAndKeepsDotSegments() throws {
        let request = try encode(GetObjectTestInput(bucket: "b", key: "../a b"), uri: "/{Bucket}/{Key+}?x-id=GetObject", customization: .s3)
        XCTAssertEqual(request.path, "/../a%20b")
        XCTAssertEqual(request.query.map(\.name), ["x-id"])
        XCTAssertEqual(ServiceCustomization.s3.adjust(uri: "/{Bucket}?list-type=2"), "?list-type=2")
        XCTAssertEqual(ServiceCustomization.s3.adjust(uri: "/{Bucket}"), "")
        XCTAssertEqual(ServiceCustomization.s3.adjust(uri: "/"), "/", "ListBuckets keeps its path")
        // Elsewhere a traversing greedy label is refused.
        XCTAssertThrowsError(try encode(GetObjectTestInput(bucket: "b", key: "../a"), uri: "/{Bucket}/{Key+}", customization: nil))
    }

    func testBodilessErrorsAreNamedByStatus() {
        let codec = RestXMLCodec(customization: .s3)
        guard case .modelled(let payload) = codec.parseError(HTTPResponse(statusCode: 404), operation: "HeadObject") else {
            return XCTFail("a bodiless 404 is S3's NotFound")
        }
        XCTAssertEqual(payload.code, "NotFound")
        guard case .unexpected = codec.parseError(HTTPResponse(statusCode: 503), operation: "HeadObject") else {
            return XCTFail("a bodiless 503 says nothing more than its status")
        }
        let unwrapped = HTTPResponse(statusCode: 403, body: Data("<Error><Code>AccessDenied</Code><Message>no</Message><RequestId>r</RequestId></Error>".utf8))
        guard case .modelled(let denied) = codec.parseError(unwrapped, operation: "GetObject") else { return XCTFail() }
        XCTAssertEqual(denied.code, "AccessDenied")
        XCTAssertEqual(denied.context.requestId, "r")
    }

    func testGetBucketLocationReadsItsBareRootElement() {
        let root = ParsedXMLElement(name: "LocationConstraint", text: "us-west-2")
        let adjusted = ServiceCustomization.s3.adjust(responseRoot: root, operation: "GetBucketLocation")
        XCTAssertEqual(adjusted.child(named: "LocationConstraint")?.text, "us-west-2")
        XCTAssertEqual(ServiceCustomization.s3.adjust(responseRoot: root, operation: "GetObject"), root)
    }

    private struct Sample: XMLEncodable {
        static var xmlRootName: String { "R" }
        static var xmlRootNamespace: XMLNamespace? { XMLNamespace(uri: "https://example.com") }
        var xmlAttributes: [(name: String, value: String)] { [("a", "x\"y")] }
        func encodeXMLMembers(to writer: inout XMLBodyWriter) {
            writer.value("s", "<&>\"'")
            writer.map("m", ["b": "2", "a": "1"], flattened: true) { $0.value($1, $2) }
            writer.list("l", [1, 2], member: "item") { $0.value($1, $2) }
        }
    }

    func testXMLBodiesEscapeAndSortMapEntries() {
        var writer = XMLBodyWriter()
        writer.root(Sample())
        XCTAssertEqual(String(decoding: writer.writer.data, as: UTF8.self),
                       #"<R xmlns="https://example.com" a="x&quot;y"><s>&lt;&amp;&gt;&quot;&apos;</s>"#
                       + "<m><key>a</key><value>1</value></m><m><key>b</key><value>2</value></m>"
                       + "<l><item>1</item><item>2</item></l></R>")
    }
}
