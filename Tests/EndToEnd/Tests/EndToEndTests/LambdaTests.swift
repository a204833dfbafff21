import AWSRuntime
import Foundation
import Lambda
import XCTest

/// The client generated from `../shared/models/lambda.json` (restJson1: labels, query strings, JSON bodies)
/// against moto_server. moto refuses the signatures of every Lambda request but CreateFunction, boto3's
/// included, so the lifecycle runs with its checks off and a signed CreateFunction shows the signing.
final class LambdaTests: XCTestCase {
    /// A zip archive holding `index.py` (`def handler(e,c): return e`).
    private let archive = Data(base64Encoded:
        "UEsDBBQAAAAAAHeGhF048sTiGgAAABoAAAAIAAAAaW5kZXgucHlkZWYgaGFuZGxlcihlLGMpOiByZXR1cm4gZVBLAQIUAxQAAAAAAHeGhF048sTiGgAAABoAAAAIAAAAAAAAAAAAAACAAQAAAABpbmRleC5weVBLBQYAAAAAAQABADYAAABAAAAAAAA=")!

    func testASignedCreateFunctionIsAccepted() async throws {
        let moto = try await MotoServer.start(for: self)
        let lambda = LambdaClient(configuration: moto.configuration())
        let created = try await lambda.createFunction(
            functionName: "e2e-signed", runtime: .python312, role: "arn:aws:iam::123456789012:role/e2e-lambda-role",
            handler: "index.handler", code: FunctionCode(zipFile: archive))
        XCTAssertEqual(created.functionName, "e2e-signed")
        do {
            _ = try await LambdaClient(configuration: moto.configuration(secretAccessKey: "wrong")).createFunction(
                functionName: "e2e-unsigned", runtime: .python312, role: "arn:aws:iam::123456789012:role/e2e-lambda-role",
                handler: "index.handler", code: FunctionCode(zipFile: archive))
            XCTFail("a wrong secret must be refused")
        } catch {
            XCTAssertTrue("\(error)".contains("SignatureDoesNotMatch"), "\(error)")
        }
    }

    func testFunctionsAreCreatedListedReadAndDeleted() async throws {
        let moto = try await MotoServer.start(for: self, checkingSignatures: false)
        let lambda = LambdaClient(configuration: moto.configuration())
        let created = try await lambda.createFunction(
            functionName: "e2e-function", runtime: .python312, role: "arn:aws:iam::123456789012:role/e2e-lambda-role",
            handler: "index.handler", code: FunctionCode(zipFile: archive), description: "e2e function", timeout: 30,
            tags: ["suite": "e2e"])
        XCTAssertEqual(created.functionName, "e2e-function")
        XCTAssertEqual(created.handler, "index.handler")
        XCTAssertEqual(created.timeout, 30)
        XCTAssertEqual(created.codeSize, Int64(archive.count))

        // `{FunctionName}` is a URI label: an ARN with `:` goes through escaped and names the same function.
        let fetched = try await lambda.getFunction(functionName: try XCTUnwrap(created.functionArn))
        XCTAssertEqual(fetched.configuration?.description, "e2e function")
        XCTAssertEqual(fetched.configuration?.functionArn, created.functionArn)
        XCTAssertEqual(fetched.tags?["suite"], "e2e")

        let listed = try await lambda.listFunctions(ListFunctionsRequest())
        XCTAssertEqual(listed.functions?.compactMap(\.functionName), ["e2e-function"])

        _ = try await lambda.deleteFunction(functionName: "e2e-function")
        do {
            _ = try await lambda.getFunction(functionName: "e2e-function")
            XCTFail("the function was deleted")
        } catch let error as LambdaError {
            XCTAssertEqual(error.code, .resourceNotFoundException, "\(error)")
            XCTAssertEqual(error.context.statusCode, 404)
        }
    }
}
