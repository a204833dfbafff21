import AWSRuntime
import ECRPublic
import Foundation
import TestSupport
import XCTest

/// The ECR Public test server for one command-line tool test (see `ECRPublicTestService`), and the tool
/// pointed at it.
struct ToolTestService {
    static let accessKeyId = ECRPublicTestService.accessKeyId
    /// Distinctive, so a test can prove it never appears in any output.
    static let secretAccessKey = ECRPublicTestService.secretAccessKey
    static let region = ECRPublicTestService.region

    let service: ECRPublicTestService
    var server: TestServiceProcess { service.server }

    /// Starts a server, or throws `XCTSkip` when python3 or botocore is missing; stopped when the test ends.
    static func start(for test: XCTestCase) async throws -> ToolTestService {
        try ToolRunner.requireBinary()
        return ToolTestService(service: try await ECRPublicTestService.start(for: test))
    }

    /// The tool with the server's keys and region in its environment.
    var runner: ToolRunner {
        ToolRunner(environment: [
            "AWS_ACCESS_KEY_ID": Self.accessKeyId, "AWS_SECRET_ACCESS_KEY": Self.secretAccessKey, "AWS_REGION": Self.region,
        ])
    }

    /// Runs `ecr-public <arguments> --endpoint-url <server>`.
    func run(_ arguments: [String]) async throws -> ToolResult {
        try await runner.run(arguments + ["--endpoint-url", server.endpointURL])
    }

    /// Runs the tool and fails the test unless it exits 0.
    func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) async throws -> ToolResult {
        let result = try await run(arguments)
        XCTAssertEqual(result.status, 0, "ecr-public \(arguments.joined(separator: " ")):\n\(result)", file: file, line: line)
        return result
    }

    /// A client for the same server, for putting state in place without the tool.
    func client() -> ECRPublicClient { service.client() }
}
