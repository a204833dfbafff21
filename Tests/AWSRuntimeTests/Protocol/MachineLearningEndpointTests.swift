import Foundation
import XCTest

@testable import AWSRuntime

/// Machine Learning's Predict goes to the endpoint its input names; anything but an HTTP(S) URL with a host is
/// refused before a request exists. (The protocol test `MachinelearningPredictEndpoint` checks the host sent.)
final class MachineLearningEndpointTests: XCTestCase {
    struct PredictInput: OperationInput {
        var PredictEndpoint: String?
        func validate(_ validator: inout Validator, path: MemberPath) {}
    }

    private let codec = AWSJSONCodec(version: "1.1", targetPrefix: "AmazonML_20141212", isQueryCompatible: false,
                                     customization: .machineLearning)
    private let context = RequestEncodingContext(idempotencyTokenGenerator: { "token" })

    func testPredictNamesItsEndpoint() throws {
        let request = try codec.encode(PredictInput(PredictEndpoint: "https://realtime.example.com/"), operation: "Predict", context: context)
        XCTAssertEqual(request.endpoint?.host, "realtime.example.com")
        XCTAssertNil(try codec.encode(PredictInput(PredictEndpoint: nil), operation: "Predict", context: context).endpoint)
        // Only Predict, and only for Machine Learning.
        XCTAssertNil(try codec.encode(PredictInput(PredictEndpoint: "https://x.example.com/"), operation: "GetMLModel", context: context).endpoint)
        let plain = AWSJSONCodec(version: "1.1", targetPrefix: "AmazonML_20141212", isQueryCompatible: false)
        XCTAssertNil(try plain.encode(PredictInput(PredictEndpoint: "https://x.example.com/"), operation: "Predict", context: context).endpoint)
    }

    func testAnEndpointThatIsNotAnHTTPURLIsRefused() {
        for text in ["ftp://example.com/", "not a url", "https://", "file:///etc/passwd"] {
            XCTAssertThrowsError(try codec.encode(PredictInput(PredictEndpoint: text), operation: "Predict", context: context), text) { error in
                guard case ClientRuntimeError.invalidRequest(_, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("PredictEndpoint"), reason)
            }
        }
    }
}
