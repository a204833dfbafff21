import Foundation
import XCTest

@testable import AWSRuntime

/// How a call sends a streamed payload, decided once before its first attempt, and how the REST codecs bind one.
final class StreamedBodyPreparationTests: XCTestCase {
    struct Upload: HTTPBoundInput {
        var body: ByteStream
        static var hasBodyMembers: Bool { false }
        func bind(to request: inout HTTPRequestBindings) throws { request.streamPayload(body) }
        func validate(_ validator: inout Validator, path: MemberPath) {}
        func encode(to encoder: any Encoder) throws {}
    }

    private let context = RequestEncodingContext(idempotencyTokenGenerator: { "t" }, route: HTTPRoute(method: "PUT", uri: "/o"))

    private func chunks(_ parts: [String]) -> ByteStream {
        ByteStream(AsyncStream { continuation in
            for part in parts { continuation.yield(Data(part.utf8)) }
            continuation.finish()
        }, length: Int64(parts.joined().utf8.count))
    }

    private func encoded(_ stream: ByteStream, customization: ServiceCustomization? = nil) throws -> EncodedRequest {
        try RestXMLCodec(customization: customization).encode(Upload(body: stream), operation: "PutObject", context: context)
    }

    func testBytesInMemoryAreAnOrdinaryBody() async throws {
        let request = try encoded(ByteStream(Data("abc".utf8)))
        XCTAssertNil(request.bodyStream)
        XCTAssertEqual(request.body, Data("abc".utf8))
        XCTAssertEqual(request.headers["Content-Type"], "application/octet-stream")
    }

    func testAFileStreamsWithItsHashSigned() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("prepare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("file contents".utf8).write(to: url)
        let request = try encoded(try ByteStream.file(at: url))
        let body = try await StreamedBody.prepare(request, transportStreams: true, sendsStreamsUnsigned: true)
        XCTAssertNotNil(body.stream)
        XCTAssertTrue(body.isReplayable)
        XCTAssertEqual(body.payloadSHA256, SHA256.hash(Data("file contents".utf8)).hexString)
    }

    func testChunksGoUnsignedWhereAllowedAndAreReadIntoMemoryElsewhere() async throws {
        let unsigned = try await StreamedBody.prepare(
            try encoded(chunks(["ab", "cd"]), customization: .s3), transportStreams: true, sendsStreamsUnsigned: true)
        XCTAssertNotNil(unsigned.stream)
        XCTAssertNil(unsigned.payloadSHA256, "signed as UNSIGNED-PAYLOAD")
        XCTAssertFalse(unsigned.isReplayable)

        let hashed = try await StreamedBody.prepare(
            try encoded(chunks(["ab", "cd"])), transportStreams: true, sendsStreamsUnsigned: false)
        XCTAssertNil(hashed.stream)
        XCTAssertEqual(hashed.data, Data("abcd".utf8))
        XCTAssertTrue(hashed.isReplayable)

        // A transport that cannot stream gets the bytes, whatever the service allows.
        let buffered = try await StreamedBody.prepare(
            try encoded(chunks(["ef"]), customization: .s3), transportStreams: false, sendsStreamsUnsigned: true)
        XCTAssertNil(buffered.stream)
        XCTAssertEqual(buffered.data, Data("ef".utf8))
    }

    func testGlacierRefusesAnArchiveItCannotHashUpFront() {
        XCTAssertThrowsError(try RestJSONCodec(customization: .glacier(apiVersion: "2012-06-01")).encode(
            Upload(body: chunks(["archive"])), operation: "UploadArchive", context: context)) { error in
            guard case ClientRuntimeError.invalidRequest(_, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("ByteStream(data)"), reason)
        }
        XCTAssertNoThrow(try RestJSONCodec(customization: .glacier(apiVersion: "2012-06-01")).encode(
            Upload(body: ByteStream(Data("archive".utf8))), operation: "UploadArchive", context: context))
    }
}
