import CodeGenerator
import Foundation
import XCTest

/// The generator picks each operation's auth from the model: the operation's `auth` trait, else the service's,
/// else the schemes the service defines; `@auth([])` is anonymous.
final class OperationAuthGenerationTests: XCTestCase {
    private func client(serviceTraits: String, operationTraits: String = "") throws -> String {
        let model = try GeneratorFixture.model("""
            {"smithy": "2.0", "shapes": {
              "example#Svc": {"type": "service", "version": "1", "operations": [{"target": "example#Op"}],
                "traits": {"aws.api#service": {"sdkId": "Auth Example"}, "aws.protocols#awsJson1_0": {}\(serviceTraits)}},
              "example#Op": {"type": "operation", "traits": {\(operationTraits)}}
            }}
            """)
        let files = try GeneratorFixture.generator().generate(model: model)
        return try XCTUnwrap(files.first { $0.path == "Client.swift" }).contents
    }

    func testABearerOnlyServiceGetsBearerCallsAndADefaultTokenSource() throws {
        let code = try client(serviceTraits: #", "smithy.api#httpBearerAuth": {}"#)
        XCTAssertTrue(code.contains("auth: .bearerToken)"), code)
        XCTAssertTrue(code.contains("defaultTokens: { DefaultTokenChain(context: $0) }"), code)
    }

    func testSigV4ComesFirstWhenTheServiceDefinesBothAndTheOperationCanChoose() throws {
        let both = #", "aws.auth#sigv4": {"name": "example"}, "smithy.api#httpBearerAuth": {}"#
        let code = try client(serviceTraits: both)
        XCTAssertFalse(code.contains("auth: ."), code)
        XCTAssertFalse(code.contains("defaultTokens"), code)
        let chosen = try client(serviceTraits: both, operationTraits: #""smithy.api#auth": ["smithy.api#httpBearerAuth"]"#)
        XCTAssertTrue(chosen.contains("auth: .bearerToken)"), chosen)
    }

    func testAnEmptyAuthListIsAnonymous() throws {
        let code = try client(serviceTraits: #", "aws.auth#sigv4": {"name": "example"}"#, operationTraits: #""smithy.api#auth": []"#)
        XCTAssertTrue(code.contains("auth: .anonymous)"), code)
    }
}
