import Foundation
import XCTest

@testable import AWSRuntime

/// The query protocols' runtime half: how lists and maps are keyed, how XML responses and the three error
/// layouts are read, and that a body that is not XML is an unexpected response, never a crash.
final class QueryProtocolTests: XCTestCase {
    private func body(isEC2: Bool, _ write: (inout QueryFormWriter) -> Void) -> String {
        var writer = QueryFormWriter(action: "Op", version: "1", isEC2: isEC2, idempotencyTokenGenerator: { "t" })
        write(&writer)
        return String(decoding: writer.body.encodedBody(), as: UTF8.self)
    }

    func testListsAndMapsAreKeyedPerFlavour() {
        let query = body(isEC2: false) { writer in
            writer.list("L", ["a", "b"]) { $0.value($1, $2) }
            writer.list("E", [String]()) { $0.value($1, $2) }
            writer.map("M", ["z": 1, "a": 2], keyName: "K", valueName: "V") { $0.value($1, $2) }
        }
        XCTAssertEqual(query, "Action=Op&Version=1&L.member.1=a&L.member.2=b&E=&M.entry.1.K=a&M.entry.1.V=2&M.entry.2.K=z&M.entry.2.V=1")
        let ec2 = body(isEC2: true) { writer in
            writer.list("L", ["a"], member: "item") { $0.value($1, $2) }
            writer.list("E", [String]()) { $0.value($1, $2) }
            writer.value("When", Date(timeIntervalSince1970: 0))
        }
        XCTAssertEqual(ec2, "Action=Op&Version=1&L.1=a&When=1970-01-01T00%3A00%3A00Z", "ec2 flattens lists and leaves out empty ones")
    }

    func testXMLListsMapsAndScalarsAreRead() throws {
        let xml = try XMLDocumentReader().read(Data("""
            <R><n> 7 </n><s> keep </s><w><member>a</member><member>b</member></w><f>x</f><f>y</f>
            <m><entry><key>k</key><value>1</value></entry></m><t>2014-04-29T18:30:38Z</t><bad>seven</bad></R>
            """.utf8))
        XCTAssertEqual(try xml.value("n", as: Int.self), 7)
        XCTAssertEqual(try xml.value("s", as: String.self), " keep ", "strings keep their whitespace")
        XCTAssertEqual(try xml.list("w") { try $0.scalar(String.self) }, ["a", "b"])
        XCTAssertEqual(try xml.list("f", flattened: true) { try $0.scalar(String.self) }, ["x", "y"])
        XCTAssertEqual(try xml.map("m") { try $0.scalar(Int.self) }, ["k": 1])
        XCTAssertEqual(try xml.value("t", as: Date.self)?.timeIntervalSince1970, 1_398_796_238)
        XCTAssertNil(try xml.value("absent", as: Int.self))
        XCTAssertThrowsError(try xml.value("bad", as: Int.self))
        XCTAssertThrowsError(try xml.missing("x", as: Int.self))
    }

    func testErrorLayoutsOfBothFlavoursAndRestXml() {
        let layouts = [
            "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>slow</Message></Error><RequestId>r1</RequestId></ErrorResponse>",
            "<Response><Errors><Error><Code>Throttling</Code><Message>slow</Message></Error></Errors><RequestID>r1</RequestID></Response>",
            "<Error><Code>Throttling</Code><Message>slow</Message><RequestId>r1</RequestId></Error>",
        ]
        for layout in layouts {
            let response = HTTPResponse(statusCode: 400, body: Data(layout.utf8))
            guard case .modelled(let payload) = AWSQueryCodec(flavor: .awsQuery, apiVersion: "1").parseError(response, operation: "Op") else {
                return XCTFail(layout)
            }
            XCTAssertEqual(payload.code, "Throttling", layout)
            XCTAssertEqual(payload.message, "slow", layout)
        }
    }

    func testBodiesThatAreNotXMLAreUnexpected() {
        for text in ["", "<html>502 Bad Gateway", "{\"json\": true}", "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", "<?pi?><a/>"] {
            let response = HTTPResponse(statusCode: 502, body: Data(text.utf8))
            guard case .unexpected = AWSQueryCodec(flavor: .ec2Query, apiVersion: "1").parseError(response, operation: "Op") else {
                return XCTFail("\(text) should be an unexpected response")
            }
        }
    }
}
