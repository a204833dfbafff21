import Foundation
import XCTest

@testable import AWSRuntime

/// An error's own members decode from the body, an empty body as `{}`.
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

    func testEmptyBodiesDecodeAsAnEmptyObjectAndOthersAreLeftAsTheyCame() {
        XCTAssertEqual(payload("").decodeDetails(UpperCaseMessage.self), UpperCaseMessage())
        XCTAssertEqual(payload(" \r\n").decodeDetails(LowerCaseMessage.self), LowerCaseMessage())
        XCTAssertEqual(payload(#"{"__type":"X"}"#).decodeDetails(UpperCaseMessage.self), UpperCaseMessage())
        XCTAssertNil(payload(#"["message"]"#).decodeDetails(LowerCaseMessage.self))
        // A member of the wrong type still fails to decode; the code alone identifies the error then.
        XCTAssertNil(payload(#"{"message":42,"size":"big"}"#).decodeDetails(LowerCaseMessage.self))
    }
}
