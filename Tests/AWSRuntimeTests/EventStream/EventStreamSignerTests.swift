import Foundation
import XCTest

@testable import AWSRuntime

/// Chained event signatures, against values computed with Python's `hmac` and `hashlib` from the algorithm as AWS
/// documents it (string to sign `AWS4-HMAC-SHA256-PAYLOAD`, date, scope, prior signature, hashes of the `:date`
/// header and the payload), and against a re-derivation here.
final class EventStreamSignerTests: XCTestCase {
    private let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2024-10-31T14:15:14Z.
    private let date = Date(timeIntervalSince1970: 1_730_384_114)

    func testSignaturesChainFromTheSeedAsPythonComputesThem() throws {
        var signer = EventStreamSigner(
            seedSignature: String(repeating: "0", count: 64), credentials: credentials, region: "us-east-1",
            signingName: "transcribe")
        let first = try signer.sign(payload: Data("first payload".utf8), date: date.addingTimeInterval(0.75))
        XCTAssertEqual(first[header: ":date"], .timestamp(date), "the signing time, to the second")
        XCTAssertEqual(first[header: ":chunk-signature"], .bytes(try hex("8125fb62aa637fc25ea6c30af34bc086dfcf6a84dfff95eda456774629f3efd9")))
        XCTAssertEqual(first.payload, Data("first payload".utf8))
        XCTAssertEqual(signer.priorSignature, "8125fb62aa637fc25ea6c30af34bc086dfcf6a84dfff95eda456774629f3efd9")

        let end = try signer.sign(payload: Data(), date: date)
        XCTAssertEqual(end[header: ":chunk-signature"], .bytes(try hex("80015421be37608ad7360feaf8953d2013f562ae315653271fd2fcb15e3163b3")))
        XCTAssertEqual(end.payload, Data())
    }

    /// The envelope's signature is what a server re-deriving it from the key, the `:date` header's wire bytes and
    /// the payload gets; a different prior signature gives a different one (the chain cannot be reordered).
    func testASignatureCoversThePriorSignatureTheDateAndThePayload() throws {
        var signer = EventStreamSigner(
            seedSignature: "ab", credentials: credentials, region: "eu-west-1", signingName: "bedrock")
        let envelope = try signer.sign(payload: Data("event".utf8), date: date)
        var key = HMAC.authenticationCode(for: Data("20241031".utf8), key: Data("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".utf8)).bytes
        for part in ["eu-west-1", "bedrock", "aws4_request"] { key = HMAC.authenticationCode(for: Data(part.utf8), key: key).bytes }
        let dateHeader: [UInt8] = [5] + Array(":date".utf8) + [8] + withUnsafeBytes(of: Int64(1_730_384_114_000).bigEndian, Array.init)
        let stringToSign = ["AWS4-HMAC-SHA256-PAYLOAD", "20241031T141514Z", "20241031/eu-west-1/bedrock/aws4_request", "ab",
                            SHA256.hash(dateHeader).hexString, SHA256.hash(Data("event".utf8)).hexString].joined(separator: "\n")
        let expected = HMAC.authenticationCode(for: Data(stringToSign.utf8), key: key)
        XCTAssertEqual(envelope[header: ":chunk-signature"], .bytes(Data(expected.bytes)))

        var other = EventStreamSigner(seedSignature: "cd", credentials: credentials, region: "eu-west-1", signingName: "bedrock")
        XCTAssertNotEqual(try other.sign(payload: Data("event".utf8), date: date)[header: ":chunk-signature"],
                          envelope[header: ":chunk-signature"])
    }

    /// The framed body of an input stream: each event in a signed envelope, then the signed empty envelope; unsigned
    /// (no credentials) the events as they are.
    func testARequestBodyFramesEachEventAndEndsTheStream() async throws {
        let events = AsyncEventStream<Ping>([Ping(number: 1), Ping(number: 2)])
        let body = EventStreamRequestBody(events, encodeDocument: { try JSONStreamEncoder().encode($0) })
        let signer = EventStreamSigner(seedSignature: "00", credentials: credentials, region: "us-east-1", signingName: "svc")
        let date = self.date
        let signed = try EventStreamDecoder.decodeAll(try await body.frames(signer: signer, now: { date }).collect(upTo: 1 << 20))
        XCTAssertEqual(signed.count, 3)
        XCTAssertEqual(signed.last?.payload, Data())
        let inner = try signed.dropLast().map { try EventStreamDecoder.decodeAll($0.payload)[0] }
        XCTAssertEqual(inner.map(\.eventType), ["ping", "ping"])
        XCTAssertEqual(inner.map { $0[header: "number"] }, [.int(1), .int(2)])

        let unsigned = try EventStreamDecoder.decodeAll(try await body.frames(signer: nil, now: { date }).collect(upTo: 1 << 20))
        XCTAssertEqual(unsigned.map(\.eventType), ["ping", "ping"], "no envelopes and no end message without a signature")
    }

    /// An event the call's validation rejects is never framed: the body fails at it, after the events before it.
    func testAnInvalidEventStopsTheStreamBeforeItIsSent() async throws {
        var body = EventStreamRequestBody(
            AsyncEventStream<Ping>([Ping(number: 1), Ping(number: -1)]), encodeDocument: { try JSONStreamEncoder().encode($0) })
        body.validation = { value in
            guard let ping = value as? Ping, ping.number < 0 else { return nil }
            return ValidationError(operation: "Send", violations: [])
        }
        var framed = 0
        do {
            for try await _ in body.frames(signer: nil, now: { Date() }) { framed += 1 }
            XCTFail("expected the invalid event to fail the stream")
        } catch let error as ValidationError {
            XCTAssertEqual(error.operation, "Send")
        }
        XCTAssertEqual(framed, 1, "only the valid event was framed")
    }

    private func hex(_ text: String) throws -> Data {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(try XCTUnwrap(UInt8(text[index..<next], radix: 16)))
            index = next
        }
        return Data(bytes)
    }
}

/// A one-member event union, written by hand as the generator writes them.
struct Ping: EventStreamUnion, Validatable, Hashable {
    var number: Int

    init(number: Int) {
        self.number = number
    }

    init(eventType: String, message: EventMessageReader) throws {
        number = try message.header("number", as: Int.self) ?? 0
    }

    static func errorCode(forExceptionType exceptionType: String) -> String? { nil }

    func validate(_ validator: inout Validator, path: MemberPath) {}

    func write(to message: inout EventMessageWriter) throws {
        message.event("ping")
        try message.header("number", number)
    }
}
