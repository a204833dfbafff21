import Foundation
import XCTest

/// `--output text` prints what `aws ecr-public … --output text` prints (awscli with
/// `cli_timestamp_format = iso8601`, the AWS CLI v2 default that the JSON output follows too), run against
/// the same service.
final class TextOutputTests: XCTestCase {
    /// The AWS CLI's text for `arguments`, or a skip when awscli is not installed.
    private func awsCLI(_ arguments: [String], service: ToolTestService) throws -> String {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("awscli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let config = work.appendingPathComponent("config")
        try Data("[default]\ncli_timestamp_format = iso8601\n".utf8).write(to: config)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "awscli", "ecr-public"] + arguments
            + ["--output", "text", "--endpoint-url", service.server.endpointURL]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "AWS_ACCESS_KEY_ID": ToolTestService.accessKeyId, "AWS_SECRET_ACCESS_KEY": ToolTestService.secretAccessKey,
            "AWS_DEFAULT_REGION": ToolTestService.region, "AWS_CONFIG_FILE": config.path,
            "AWS_SHARED_CREDENTIALS_FILE": work.appendingPathComponent("none").path, "AWS_PAGER": "",
        ]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0, stderr.contains("No module named awscli") {
            throw XCTSkip("SKIPPED: the text output is compared with awscli, which is not installed")
        }
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        return text
    }

    func testTextOutputMatchesTheAWSCLI() async throws {
        let service = try await ToolTestService.start(for: self)
        for name in ["web", "api", "db"] {
            _ = try await service.succeed(["create-repository", "--repository-name", name, "--tags", "Key=team,Value=\(name)"])
        }
        let manifest = #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}"#
        _ = try await service.client().putImage(repositoryName: "web", imageManifest: manifest, imageTag: "latest")
        let commands = [
            ["describe-repositories"],
            ["describe-repositories", "--max-items", "2"],
            ["describe-images", "--repository-name", "web"],
            ["describe-image-tags", "--repository-name", "web"],
            ["describe-registries"],
            ["get-repository-catalog-data", "--repository-name", "web"],
            ["batch-check-layer-availability", "--repository-name", "web", "--layer-digests", sha256Digest(Data("x".utf8))],
        ]
        for command in commands {
            let ours = try await service.succeed(command + ["--output", "text"])
            let theirs = try awsCLI(command, service: service)
            if command.contains("--max-items") {
                // The NextToken's encoding is each tool's own; the lines around it must match.
                XCTAssertEqual(ours.stdout.split(separator: "\n").dropLast(), theirs.split(separator: "\n").dropLast(),
                               command.joined(separator: " "))
                XCTAssertTrue(ours.stdout.split(separator: "\n").last?.hasPrefix("NEXTTOKEN\t") ?? false, ours.stdout)
            } else {
                XCTAssertEqual(ours.stdout, theirs, command.joined(separator: " "))
            }
        }
    }
}
