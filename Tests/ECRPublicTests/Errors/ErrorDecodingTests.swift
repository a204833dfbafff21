import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// Error responses become the generated error type with the error's own members.
final class ErrorDecodingTests: XCTestCase {
    private func error(for body: String, status: Int = 400) async -> ECRPublicError? {
        let transport = ScriptedTransport { _, _ in
            HTTPResponse(statusCode: status, headers: ["x-amzn-RequestId": "r-1"], body: Data(body.utf8))
        }
        do {
            _ = try await ECRPublicClient.scripted(transport).deleteRepository(repositoryName: "web")
            XCTFail("expected an error")
        } catch let error as ECRPublicError {
            return error
        } catch {
            XCTFail("expected ECRPublicError, got \(error)")
        }
        return nil
    }

    func testAModelledErrorCarriesItsMembers() async {
        let error = await error(for: #"{"__type": "com.amazonaws.ecrpublic#RepositoryNotEmptyException", "message": "has images"}"#)
        XCTAssertEqual(error?.code, .repositoryNotEmptyException)
        XCTAssertEqual(error?.details, .repositoryNotEmptyException(RepositoryNotEmptyException(message: "has images")))
        XCTAssertEqual(error?.context.requestId, "r-1")
        XCTAssertEqual(error?.fault, .client)
    }

    func testTheMessageIsReadUnderEitherSpellingOfItsKey() async {
        // The model names the member `message`; some services and emulators send `Message`.
        let error = await error(for: #"{"__type": "RepositoryNotEmptyException", "Message": "has images"}"#)
        XCTAssertEqual(error?.message, "has images")
        XCTAssertEqual(error?.details, .repositoryNotEmptyException(RepositoryNotEmptyException(message: "has images")))
    }

    func testAnUnknownCodeStillDecodesWithoutDetails() async {
        let error = await error(for: #"{"__type": "BrandNewException", "message": "new"}"#, status: 503)
        XCTAssertEqual(error?.code.rawValue, "BrandNewException")
        XCTAssertNil(error?.details)
        XCTAssertEqual(error?.fault, .server)
    }
}
