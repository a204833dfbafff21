import Foundation
import XCTest

/// `--debug`: the resolved region and endpoint and one line per request and response, never a secret.
final class DebugOutputTests: XCTestCase {
    func testDebugShowsRequestsButNeverTheSecretKey() async throws {
        let service = try await ToolTestService.start(for: self)
        let created = try await service.succeed(["create-repository", "--repository-name", "web", "--debug"])
        let listed = try await service.succeed(["describe-repositories", "--debug", "--output", "table"])
        let password = try await service.succeed(["get-login-password", "--debug"])

        XCTAssertTrue(listed.stderr.contains("debug: region us-east-1"), listed.description)
        XCTAssertTrue(listed.stderr.contains("debug: endpoint \(service.server.endpointURL)"), listed.description)
        XCTAssertNotNil(listed.stderr.range(
            of: #"→ DescribeRepositories attempt 1: POST http://127\.0\.0\.1:\d+/ SpencerFrontendService\.DescribeRepositories"#,
            options: .regularExpression), listed.description)
        XCTAssertNotNil(listed.stderr.range(
            of: #"← DescribeRepositories attempt 1: HTTP 200, request id [0-9a-f-]{36}"#, options: .regularExpression),
            listed.description)
        XCTAssertTrue(listed.stdout.hasPrefix("NAME"), "results still go to standard output: \(listed)")

        for result in [created, listed, password] {
            let everything = result.stdout + result.stderr
            XCTAssertFalse(everything.contains(ToolTestService.secretAccessKey), "secret key printed:\n\(result)")
            XCTAssertFalse(everything.contains("Signature="), "signature printed:\n\(result)")
            XCTAssertFalse(everything.lowercased().contains("authorization:"), "Authorization header printed:\n\(result)")
        }
        XCTAssertFalse(password.stderr.contains(password.stdout.trimmingCharacters(in: .newlines)),
                       "the debug lines do not repeat the password: \(password)")
    }

    func testWithoutDebugNothingButTheResultIsPrinted() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.succeed(["create-repository", "--repository-name", "web"])
        XCTAssertEqual(result.stderr, "")
    }
}
