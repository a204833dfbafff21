import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// Mutated responses of the XML, query and CBOR protocols (bytes flipped, cut, repeated, nested deep) go
/// through each codec's decode and error parsing: every outcome is a value or a thrown error, never a crash or
/// a hang. A seeded generator keeps any failure reproducible.
final class ResponseMutationTests: XCTestCase {

    private struct Item: Decodable, XMLDecodable {
        var name: String?
        var size: Int64?
        var when: Date?
        var tags: [String]?
        init(xml: ParsedXMLElement) throws {
            name = try xml.value("name", as: String.self)
            size = try xml.value("size", as: Int64.self)
            when = try xml.value("when", as: Date.self)
            tags = try xml.list("tags") { try $0.scalar(String.self) }
        }
    }

    private struct Output: Decodable, Sendable, XMLDecodable {
        var items: [Item]?
        var next: String?
        init(xml: ParsedXMLElement) throws {
            items = try xml.list("items") { try Item(xml: $0) }
            next = try xml.value("next", as: String.self)
        }
    }

    private func mutate(_ seed: Data, _ random: inout SplitMix64) -> Data {
        var bytes = [UInt8](seed)
        switch random.next() % 6 {
        case 0:
            for _ in 0..<(1 + Int(random.next() % 8)) where !bytes.isEmpty {
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
        case 1:
            bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
        case 2:
            let cut = Int(random.next() % UInt64(bytes.count + 1))
            bytes.insert(contentsOf: bytes[cut...].prefix(64), at: cut)
        case 3:
            bytes = Array(repeating: bytes.first ?? 0, count: Int(random.next() % 5000))
        case 4:
            let depth = Int(random.next() % 3000)
            bytes = Array(repeating: UInt8(ascii: "<"), count: 0) + Array("<a>".utf8).repeated(depth) + bytes
        default:
            bytes = (0..<Int(random.next() % 512)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        return Data(bytes)
    }

    func testMutatedXMLQueryAndCBORResponsesNeverCrash() {
        let xml = Data("""
            <ListResponse><ListResult><items><member><name>a &amp; b</name><size>12</size><when>2020-01-01T00:00:00Z</when>\
            <tags><member>x</member></tags></member></items><next>t</next></ListResult></ListResponse>
            """.utf8)
        let rest = Data("<ListOutput><items><member><name>n</name><size>1</size></member></items></ListOutput>".utf8)
        let error = Data("<ErrorResponse><Error><Code>Boom</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>".utf8)
        let cbor = CBORWriter.encode(.map([
            (.text("items"), .array([.map([(.text("name"), .text("n")), (.text("size"), .integer(3)), (.text("when"), .tag(1, .float(1.5)))])])),
            (.text("__type"), .text("ns#Boom")),
        ]))
        let query = AWSQueryCodec(flavor: .awsQuery, apiVersion: "1")
        let restXML = RestXMLCodec(customization: .s3)
        let rpc = RPCv2CBORCodec(serviceName: "S")
        var random = SplitMix64(seed: 0x5EED)
        var decoded = 0
        var refused = 0
        for round in 0..<4000 {
            let seeds = [xml, rest, error, cbor]
            let body = mutate(seeds[round % seeds.count], &random)
            let response = HTTPResponse(statusCode: round % 3 == 0 ? 400 : 200, body: body)
            for attempt in [
                { _ = try query.decode(Output.self, from: response, operation: "List") },
                { _ = try restXML.decode(Output.self, from: response, operation: "List") },
                { _ = try rpc.decode(Output.self, from: response, operation: "List") },
            ] as [() throws -> Void] {
                do { try attempt(); decoded += 1 } catch { refused += 1 }
            }
            for parsed in [query.parseError(response, operation: "List"), restXML.parseError(response, operation: "List"),
                           rpc.parseError(response, operation: "List")] {
                if case .modelled(let payload) = parsed { _ = payload.decodeDetails(Output.self) }
            }
        }
        XCTAssertGreaterThan(decoded, 0, "some mutations still decode")
        XCTAssertGreaterThan(refused, 0, "most are refused")
    }
}

private extension Array {
    func repeated(_ count: Int) -> [Element] {
        (0..<count).flatMap { _ in self }
    }
}
