import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// `print(client)` and `dump(client)` of the generated client show neither the environment's secrets nor the
/// signing keys of calls already made.
final class ClientPrintingTests: XCTestCase {
    func testPrintingAndDumpingTheClientShowNoSecretsFromTheEnvironment() async throws {
        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        let token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN"
        let transport = ScriptedTransport { _, _ in HTTPResponse(statusCode: 200, body: Data("{}".utf8)) }
        let client = ECRPublicClient(configuration: ClientConfiguration(
            region: "us-east-1", httpClient: transport,
            environment: ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token]))
        // A call has found the credentials and derived a signing key.
        _ = try await client.describeRepositories(DescribeRepositoriesRequest())
        var dumped = ""
        dump(client, to: &dumped)
        for text in [String(describing: client), String(reflecting: client), dumped] {
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertFalse(text.contains(token), text)
        }
        XCTAssertTrue(String(describing: client).contains("<3 variables, not shown>"), String(describing: client))
        XCTAssertTrue(String(describing: client).hasPrefix(#"ECRPublicClient(runtime: AWSRuntime.ServiceRuntime(service: "ECR PUBLIC", configuration: "#),
                      String(describing: client))
    }
}
