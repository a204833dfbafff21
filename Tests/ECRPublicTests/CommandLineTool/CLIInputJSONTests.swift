import Foundation
import XCTest

/// `--cli-input-json`: parameters as the operation's input JSON, inline or from a file, with options on the
/// command line taking precedence.
final class CLIInputJSONTests: XCTestCase {
    func testCreateRepositoryFromInputJSONWithCatalogDataAndTags() async throws {
        let service = try await ToolTestService.start(for: self)
        let input = #"{"repositoryName": "web", "catalogData": {"description": "A web server"}, "#
            + #""tags": [{"Key": "team", "Value": "web"}]}"#
        let created = try await service.succeed(["create-repository", "--cli-input-json", input])
        let repository = try XCTUnwrap(created.json?["repository"] as? [String: Any], created.description)
        XCTAssertEqual(repository["repositoryName"] as? String, "web")
        XCTAssertEqual((created.json?["catalogData"] as? [String: Any])?["description"] as? String, "A web server")
        let arn = try XCTUnwrap(repository["repositoryArn"] as? String)
        let tags = try await service.succeed(["list-tags-for-resource", "--cli-input-json", #"{"resourceArn": "\#(arn)"}"#])
        XCTAssertEqual(tags.json?["tags"] as? [[String: String]], [["Key": "team", "Value": "web"]])
    }

    func testOptionsOnTheCommandLineWinOverTheInputJSON() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let result = try await service.succeed(["describe-repositories", "--cli-input-json",
                                                #"{"repositoryNames": ["nope"]}"#, "--repository-names", "web"])
        XCTAssertEqual((result.json?["repositories"] as? [[String: Any]])?.map { $0["repositoryName"] as? String }, ["web"])
    }

    func testInputFromAFileWithABooleanMember() async throws {
        let service = try await ToolTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let manifest = #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}"#
        _ = try await service.client().putImage(repositoryName: "web", imageManifest: manifest, imageTag: "latest")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString).json")
        try Data(#"{"repositoryName": "web", "force": true}"#.utf8).write(to: file)
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }

        let deleted = try await service.succeed(["delete-repository", "--cli-input-json", "file://" + file.path])
        XCTAssertEqual((deleted.json?["repository"] as? [String: Any])?["repositoryName"] as? String, "web",
                       "force let the repository go with its image")
    }

    func testAnUnknownMemberIsAUsageError() async throws {
        let service = try await ToolTestService.start(for: self)
        let result = try await service.run(["describe-images", "--cli-input-json", #"{"repositoryName": "web", "bogus": 1}"#])
        XCTAssertEqual(result.status, 2, result.description)
        XCTAssertTrue(result.stderr.contains(#"argument --cli-input-json: Unknown parameter in input: "bogus""#), result.description)
    }
}
