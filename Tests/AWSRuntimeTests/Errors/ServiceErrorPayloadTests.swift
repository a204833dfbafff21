import Foundation
import XCTest

@testable import AWSRuntime

/// An error's own members decode from the body; the message under either spelling of its key.
final class ServiceErrorPayloadTests: XCTestCase {
    /// A modelled error whose member is `Message` (Secrets Manager, DynamoDB), and one with `message` (ECR).
    struct UpperCaseMessage: Decodable, Equatable {
        var Message: String?
        var ResourceName: String?
    }

    struct LowerCaseMessage: Decodable, Equatable {
        var message: String?
        var size: Int64?
    }

    func payload(_ body: String) -> ServiceErrorPayload {
        ServiceErrorPayload(
            code: "ResourceNotFoundException", message: nil,
            context: ServiceErrorContext(operation: "GetSecretValue", statusCode: 400, requestId: nil), body: Data(body.utf8))
    }

    func testAModelledMessageMemberIsFoundUnderEitherSpelling() {
        // moto answers with `message` for services whose model says `Message`, and services do the reverse.
        XCTAssertEqual(payload(#"{"__type":"ResourceNotFoundException","message":"can't find it","ResourceName":"s"}"#)
                        .decodeDetails(UpperCaseMessage.self),
                       UpperCaseMessage(Message: "can't find it", ResourceName: "s"))
        XCTAssertEqual(payload(#" {"__type":"RepositoryNotFoundException","Message":"no \"repo\"","size":9007199254740993}"#)
                        .decodeDetails(LowerCaseMessage.self),
                       LowerCaseMessage(message: #"no "repo""#, size: 9_007_199_254_740_993))
    }

    func testAMessageUnderBothSpellingsIsLeftAlone() {
        let both = payload(#"{"message":"lower","Message":"upper"}"#)
        XCTAssertEqual(both.decodeDetails(UpperCaseMessage.self)?.Message, "upper")
        XCTAssertEqual(both.decodeDetails(LowerCaseMessage.self)?.message, "lower")
        XCTAssertEqual(ServiceErrorPayload.bodyWithBothMessageKeys(both.body), both.body)
    }

    func testOnlyTheMissingKeyIsAddedAndEveryOtherByteIsKept() {
        let body = Data("\n{ \"__type\" : \"X\", \"message\": \"m\\u00e9\", \"n\": 1.50 }".utf8)
        let normalized = ServiceErrorPayload.bodyWithBothMessageKeys(body)
        XCTAssertEqual(String(decoding: normalized, as: UTF8.self),
                       "\n{\"Message\":\"mé\", \"__type\" : \"X\", \"message\": \"m\\u00e9\", \"n\": 1.50 }")
    }

    func testEmptyBodiesDecodeAsAnEmptyObjectAndOthersAreLeftAsTheyCame() {
        XCTAssertEqual(payload("").decodeDetails(UpperCaseMessage.self), UpperCaseMessage())
        XCTAssertEqual(payload(" \r\n").decodeDetails(LowerCaseMessage.self), LowerCaseMessage())
        XCTAssertEqual(payload(#"{"__type":"X"}"#).decodeDetails(UpperCaseMessage.self), UpperCaseMessage())
        XCTAssertNil(payload(#"["message"]"#).decodeDetails(LowerCaseMessage.self))
        XCTAssertEqual(ServiceErrorPayload.bodyWithBothMessageKeys(Data("<Error/>".utf8)), Data("<Error/>".utf8))
        // A member of the wrong type still fails to decode; the code alone identifies the error then.
        XCTAssertNil(payload(#"{"message":42,"size":"big"}"#).decodeDetails(LowerCaseMessage.self))
    }
}
