import Foundation
import XCTest

/// create-repository, describe-repositories (JSON and table) and delete-repository through the built tool.
final class RepositoryCommandTests: XCTestCase {
    func testCreateThenDescribeAsJSONInTheAWSCLIShape() async throws {
        let service = try await ToolTestService.start(for: self)
        let created = try await service.succeed(["create-repository", "--repository-name", "web"])
        let repository = try XCTUnwrap(created.json?["repository"] as? [String: Any], created.description)
        XCTAssertEqual(repository["repositoryUri"] as? String, "public.ecr.aws/e2e-test/web")

        let described = try await service.succeed(["describe-repositories", "--repository-names", "web"])
        let repositories = try XCTUnwrap(described.json?["repositories"] as? [[String: Any]], described.description)
        XCTAssertEqual(repositories.map { $0["repositoryName"] as? String }, ["web"])
        XCTAssertEqual(repositories.first?["registryId"] as? String, "123456789012")
        XCTAssertEqual(repositories.first?["repositoryArn"] as? String, "arn:aws:ecr-public::123456789012:repository/web")
        let createdAt = try XCTUnwrap(repositories.first?["createdAt"] as? String)
        XCTAssertNotNil(createdAt.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$"#, options: .regularExpression),
                        "timestamps print as ISO 8601 like the AWS CLI: \(createdAt)")
        XCTAssertNil(described.json?["NextToken"], "no NextToken without --max-items")
    }

    func testJSONIsIndentedWithFourSpacesLikeTheAWSCLI() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let described = try await service.succeed(["describe-repositories"])
        let lines = described.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "{")
        XCTAssertEqual(lines.dropFirst().first, #"    "repositories": ["#)
        XCTAssertTrue(lines.contains(#"            "repositoryName": "web","#), described.stdout)
        XCTAssertEqual(lines.last, "}")
    }

    func testDescribeAsTableAlignsNameURIAndCreated() async throws {
        let service = try await ToolTestService.start(for: self)
        for name in ["web", "backend-api"] {
            _ = try await service.succeed(["create-repository", "--repository-name", name])
        }
        let table = try await service.succeed(["describe-repositories", "--output", "table"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, table.stdout)
        XCTAssertTrue(lines[0].hasPrefix("NAME         URI"), table.stdout)
        XCTAssertTrue(lines[1].hasPrefix("-----------  ---"), table.stdout)
        XCTAssertTrue(lines[2].hasPrefix("web          public.ecr.aws/e2e-test/web  "), table.stdout)
        XCTAssertTrue(lines[3].hasPrefix("backend-api  public.ecr.aws/e2e-test/backend-api  "), table.stdout)
        let uriColumn = lines[0].range(of: "URI")?.lowerBound.utf16Offset(in: lines[0])
        let createdColumn = lines[0].range(of: "CREATED")?.lowerBound.utf16Offset(in: lines[0])
        for row in lines.dropFirst(2) {
            XCTAssertEqual(row.range(of: "public.ecr.aws")?.lowerBound.utf16Offset(in: row), uriColumn)
            XCTAssertNotNil(createdColumn)
            if let createdColumn {
                let created = String(row.dropFirst(createdColumn))
                XCTAssertNotNil(created.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#, options: .regularExpression), row)
            }
        }
    }

    func testDeleteWithForceRemovesARepositoryThatHoldsImages() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        _ = try await service.client().putImage(repositoryName: "web", imageManifest: #"{"schemaVersion":2}"#, imageTag: "v1")

        let refused = try await service.run(["delete-repository", "--repository-name", "web"])
        XCTAssertEqual(refused.status, 1, refused.description)
        XCTAssertTrue(refused.stderr.contains(
            "An error occurred (RepositoryNotEmptyException) when calling the DeleteRepository operation: "), refused.description)

        let deleted = try await service.succeed(["delete-repository", "--repository-name", "web", "--force"])
        XCTAssertEqual((deleted.json?["repository"] as? [String: Any])?["repositoryName"] as? String, "web")
        let gone = try await service.run(["describe-repositories", "--repository-names", "web"])
        XCTAssertEqual(gone.status, 1, gone.description)
    }
}
