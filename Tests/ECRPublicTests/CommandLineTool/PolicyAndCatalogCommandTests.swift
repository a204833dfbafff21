import Foundation
import XCTest

/// set-repository-policy / get-repository-policy (inline and `file://`) and put-repository-catalog-data.
final class PolicyAndCatalogCommandTests: XCTestCase {
    private let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":"*","Action":["ecr-public:BatchGetImage"]}]}"#

    func testSetFromAFileThenGetReturnsThePolicy() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
        try Data(policy.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let set = try await service.succeed(["set-repository-policy", "--repository-name", "web",
                                             "--policy-text", "file://\(file.path)"])
        XCTAssertEqual(set.json?["policyText"] as? String, policy)
        let got = try await service.succeed(["get-repository-policy", "--repository-name", "web"])
        XCTAssertEqual(got.json?["policyText"] as? String, policy)
        XCTAssertEqual(got.json?["repositoryName"] as? String, "web")

        let table = try await service.succeed(["get-repository-policy", "--repository-name", "web", "--output", "table"])
        XCTAssertTrue(table.stdout.contains("web         123456789012  \(policy)"), table.stdout)
    }

    func testGetWithoutAPolicyIsAServiceError() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let result = try await service.run(["get-repository-policy", "--repository-name", "web"])
        XCTAssertEqual(result.status, 1, result.description)
        XCTAssertTrue(result.stderr.contains(
            "An error occurred (RepositoryPolicyNotFoundException) when calling the GetRepositoryPolicy operation: "),
            result.description)
    }

    func testPutCatalogDataPrintsTheStoredData() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let result = try await service.succeed([
            "put-repository-catalog-data", "--repository-name", "web",
            "--catalog-data", #"{"description": "A web server", "architectures": ["x86-64", "ARM 64"], "operatingSystems": ["Linux"]}"#,
        ])
        let catalog = try XCTUnwrap(result.json?["catalogData"] as? [String: Any], result.description)
        XCTAssertEqual(catalog["description"] as? String, "A web server")
        XCTAssertEqual(catalog["architectures"] as? [String], ["x86-64", "ARM 64"])
        XCTAssertEqual(catalog["operatingSystems"] as? [String], ["Linux"])

        let table = try await service.succeed(["put-repository-catalog-data", "--repository-name", "web",
                                               "--catalog-data", #"{"aboutText": "About the web server"}"#, "--output", "table"])
        XCTAssertTrue(table.stdout.contains("\naboutText             About the web server\n"), table.stdout)
    }

    func testCatalogDataWithAnUnknownMemberIsAUsageError() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.run(["put-repository-catalog-data", "--repository-name", "web",
                                            "--catalog-data", #"{"descripton": "typo"}"#])
        XCTAssertEqual(result.status, 2, result.description)
        XCTAssertTrue(result.stderr.contains("Unknown parameter descripton"), result.description)
    }
}
