import AWSRuntime
import ECRPublic
import Foundation
import TestSupport
import XCTest

/// The ECR Public test server (`Tests/TestServices/ecr_public_server.py`) for one command-line tool test, the
/// tool pointed at it, and a client for setting up state directly.
struct ToolTestService {
    static let accessKeyId = "AKIDCLITOOLTESTS"
    /// Distinctive so a test can prove it never appears in any output.
    static let secretAccessKey = "cli-tool-secret-5f3c9a1e7b"
    static let region = "us-east-1"

    let server: TestServiceProcess

    /// Starts a server, or throws `XCTSkip` when python3 or botocore is missing; stopped when the test ends.
    static func start(for test: XCTestCase) async throws -> ToolTestService {
        try ToolRunner.requireBinary()
        if let reason = TestServiceProcess.pythonUnavailability(requiring: ["botocore"]) {
            throw XCTSkip("SKIPPED: ecr-public tool tests need python3 with botocore: \(reason)")
        }
        let server = try await TestServiceProcess.start(
            script: RepositoryPaths.repository("Tests/TestServices/ecr_public_server.py"),
            arguments: ["--port", "0", "--access-key", accessKeyId, "--secret-key", secretAccessKey,
                        "--region", region, "--max-lifetime", "300"],
            timeout: .seconds(30))
        test.addTeardownBlock { await stop(server) }
        return ToolTestService(server: server)
    }

    /// Sends SIGTERM and waits (without blocking a thread) until the server has exited, then lets
    /// `TestServiceProcess` clean up. Waiting here keeps `Process.isRunning` current: it is updated on
    /// another thread, which a blocking wait can hold up until the whole grace period has passed.
    private static func stop(_ server: TestServiceProcess) async {
        if server.isRunning, kill(server.pid, SIGTERM) == 0 {
            let deadline = ContinuousClock.now + .seconds(5)
            while server.isRunning, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        server.stop()
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
    func client() -> ECRPublicClient {
        ECRPublicClient(configuration: ClientConfiguration(
            region: Self.region,
            credentialProvider: StaticCredentialProvider(accessKeyId: Self.accessKeyId, secretAccessKey: Self.secretAccessKey),
            endpointURL: server.endpointURL, maxAttempts: 1, environment: [:]))
    }
}
