import Foundation
import XCTest

/// Exit statuses and messages: service errors as the AWS CLI prints them (1), usage errors with usage text
/// (2), inputs that break the model's constraints rejected before sending (2), and help (0).
final class ErrorAndUsageTests: XCTestCase {
    func testAMissingRepositoryPrintsTheAWSCLIErrorLineAndExitsOne() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.run(["describe-repositories", "--repository-names", "missing"])
        XCTAssertEqual(result.status, 1, result.description)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderrLines, [
            "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: "
                + "The repository with name 'missing' does not exist in the registry with id '123456789012'",
        ])
    }

    func testAnUnknownOptionShowsTheCommandsUsageAndExitsTwo() async throws {
        try ToolRunner.requireBinary()
        let result = try await ToolRunner(environment: [:]).run(["describe-repositories", "--bogus", "1"])
        XCTAssertEqual(result.status, 2, result.description)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("usage: ecr-public describe-repositories [--registry-id ID]"), result.description)
        XCTAssertEqual(result.stderrLines.last, "ecr-public: error: Unknown options: --bogus")
    }

    func testUnknownCommandMissingValueMissingOptionAndBadOutputAreUsageErrors() async throws {
        try ToolRunner.requireBinary()
        let tool = ToolRunner(environment: [:])
        let cases: [([String], String)] = [
            (["list-everything"], "argument command: Invalid choice 'list-everything'"),
            (["delete-repository", "--repository-name"], "argument --repository-name: expected one argument"),
            (["delete-repository"], "the following arguments are required: --repository-name"),
            (["describe-repositories", "--output", "yaml"], "argument --output: Invalid choice 'yaml'"),
            (["describe-repositories", "--max-items", "0"], "argument --max-items: expected an integer"),
            (["describe-repositories", "--starting-token", "not-a-token"], "argument --starting-token"),
            (["upload-layer", "--repository-name", "web"], "the following arguments are required: FILE"),
            (["create-repository", "--repository-name", "web", "--tags", "Team=web"], "Unknown key 'Team'"),
            (["set-repository-policy", "--repository-name", "web", "--policy-text", "file:///nonexistent/policy.json"],
             "Unable to load paramfile file:///nonexistent/policy.json"),
            ([], "the following arguments are required: command"),
        ]
        for (arguments, message) in cases {
            let result = try await tool.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result)")
            XCTAssertTrue(result.stderr.contains("usage: ecr-public"), "\(arguments): \(result)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments) should say \(message): \(result)")
        }
    }

    func testAnInvalidRepositoryNameIsRejectedWithoutARequest() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.run(["create-repository", "--repository-name", "UPPER!", "--debug"])
        XCTAssertEqual(result.status, 2, result.description)
        XCTAssertTrue(result.stderr.contains("Parameter validation failed for the CreateRepository operation:"), result.description)
        XCTAssertTrue(result.stderr.contains(#"repositoryName: value "UPPER!" does not match the pattern"#), result.description)
        XCTAssertFalse(result.stderr.contains("→"), "no request may be sent:\n\(result)")
        let listed = try await service.succeed(["describe-repositories"])
        XCTAssertEqual((listed.json?["repositories"] as? [Any])?.count, 0, listed.description)
    }

    func testHelpForTheToolAndForEachCommand() async throws {
        try ToolRunner.requireBinary()
        let tool = ToolRunner(environment: [:])
        let help = try await tool.run(["--help"])
        XCTAssertEqual(help.status, 0, help.description)
        let commands = ["get-login-password", "describe-repositories", "create-repository", "delete-repository",
                        "describe-images", "describe-image-tags", "get-repository-policy", "set-repository-policy",
                        "put-repository-catalog-data", "upload-layer"]
        for command in commands {
            XCTAssertTrue(help.stdout.contains("\n  \(command) "), "tool help lists \(command)")
            let own = try await tool.run([command, "--help"])
            XCTAssertEqual(own.status, 0, own.description)
            XCTAssertTrue(own.stdout.contains("usage: ecr-public \(command)"), own.description)
            XCTAssertTrue(own.stdout.contains("--endpoint-url URL"), "global options are listed too: \(own)")
        }
        let upload = try await tool.run(["upload-layer", "help"])
        XCTAssertTrue(upload.stdout.contains("usage: ecr-public upload-layer FILE [--registry-id ID] --repository-name NAME"),
                      upload.description)
    }

    func testUnreachableEndpointIsARuntimeErrorWithExitOne() async throws {
        try ToolRunner.requireBinary()
        let tool = ToolRunner(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "SECRET", "AWS_MAX_ATTEMPTS": "1",
        ])
        // Port 9 (discard) on loopback is closed in any sane test environment.
        let result = try await tool.run(["describe-repositories", "--endpoint-url", "http://127.0.0.1:9"])
        XCTAssertEqual(result.status, 1, result.description)
        XCTAssertTrue(result.stderr.contains("Could not connect to the endpoint"), result.description)
    }
}
