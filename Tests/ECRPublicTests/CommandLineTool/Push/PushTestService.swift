import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import XCTest

/// The ECR Public test service started with `--inspection` (and any of its fault options), so push tests
/// can read back the blobs and manifests it stored and count the requests it got.
struct PushTestService {
    let tool: ToolTestService
    var endpointURL: String { tool.server.endpointURL }

    /// Starts a server with `options` (e.g. `--part-delay 0.25`), or throws `XCTSkip` when python3 or
    /// botocore is missing; stopped when the test ends.
    static func start(for test: XCTestCase, options: [String] = []) async throws -> PushTestService {
        try ToolRunner.requireBinary()
        if let reason = TestServiceProcess.pythonUnavailability(requiring: ["botocore"]) {
            throw XCTSkip("SKIPPED: push tests need python3 with botocore: \(reason)")
        }
        let server = try await TestServiceProcess.start(
            script: RepositoryPaths.repository("Tests/TestServices/ecr_public_server.py"),
            arguments: ["--port", "0", "--access-key", ECRPublicTestService.accessKeyId,
                        "--secret-key", ECRPublicTestService.secretAccessKey, "--region", ECRPublicTestService.region,
                        "--max-lifetime", "300", "--inspection"] + options,
            timeout: .seconds(30))
        test.addTeardownBlock { server.stop() }
        return PushTestService(tool: ToolTestService(service: ECRPublicTestService(server: server)))
    }

    /// Runs the tool against the server and fails the test unless it exits 0.
    func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) async throws -> ToolResult {
        try await tool.succeed(arguments, file: file, line: line)
    }

    /// Runs the tool against the server; `environment` adds to the keys and region it gets.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> ToolResult {
        var runner = tool.runner
        runner.environment.merge(environment) { $1 }
        return try await runner.run(arguments + ["--endpoint-url", endpointURL])
    }

    /// Requests per operation the server has handled so far.
    func calls() async throws -> [String: Int] {
        let data = try await get("/_inspect/calls") ?? Data()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int]) ?? [:]
    }

    /// The most UploadLayerPart requests the server was handling at once.
    func maxPartsInFlight() async throws -> Int {
        let data = try await get("/_inspect/concurrency") ?? Data()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int])?["maxPartsInFlight"] ?? 0
    }

    /// The bytes of the layer or config blob `digest` in `repository`, as the service stored them.
    func blob(_ digest: String, in repository: String) async throws -> Data? {
        try await get("/_inspect/blob?repository=\(repository)&digest=\(digest)")
    }

    /// The manifest of image `digest` in `repository`, as the service stored it.
    func manifest(_ digest: String, in repository: String) async throws -> Data? {
        try await get("/_inspect/manifest?repository=\(repository)&digest=\(digest)")
    }

    /// `describe-images` for one image, parsed.
    func imageDetail(_ imageId: String, in repository: String) async throws -> [String: Any] {
        let result = try await succeed(["describe-images", "--repository-name", repository, "--image-ids", imageId])
        let details = try XCTUnwrap(result.json?["imageDetails"] as? [[String: Any]], result.description)
        XCTAssertEqual(details.count, 1, result.stdout)
        return try XCTUnwrap(details.first)
    }

    private func get(_ path: String) async throws -> Data? {
        let url = try XCTUnwrap(URL(string: endpointURL + path))
        let (data, response) = try await URLSession.shared.data(from: url)
        return (response as? HTTPURLResponse)?.statusCode == 200 ? data : nil
    }
}
