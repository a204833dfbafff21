import Foundation
import XCTest

/// The tool run as `docker-credential-ecr-public`: Docker's credential-helper protocol, with the JSON piped
/// in and out as Docker does, and the password cached between runs.
final class CredentialHelperTests: XCTestCase {
    private struct Credential: Decodable, Equatable {
        var ServerURL: String
        var Username: String
        var Secret: String
    }

    private struct Helper {
        let executable: URL
        let cacheHome: URL
        let service: PushTestService

        /// Runs `docker-credential-ecr-public <action>` with `input` on standard input.
        func run(_ action: String, input: String) async throws -> ToolResult {
            try await ToolRunner(environment: [
                "AWS_ACCESS_KEY_ID": ToolTestService.accessKeyId, "AWS_SECRET_ACCESS_KEY": ToolTestService.secretAccessKey,
                "AWS_ENDPOINT_URL_ECR_PUBLIC": service.endpointURL, "XDG_CACHE_HOME": cacheHome.path,
            ]).run([action], executable: executable, standardInput: Data(input.utf8))
        }

        func get(_ serverURL: String) async throws -> Credential {
            let result = try await run("get", input: serverURL + "\n")
            XCTAssertEqual(result.status, 0, result.description)
            return try JSONDecoder().decode(Credential.self, from: Data(result.stdout.utf8))
        }

        var cacheFile: URL { cacheHome.appendingPathComponent("ecr-public/docker-credentials.json") }
    }

    /// The tool linked under the helper's name, a private cache folder, and a test service.
    private func makeHelper() async throws -> Helper {
        let service = try await PushTestService.start(for: self)
        let folder = TestImages.temporaryURL("helper", for: self)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("docker-credential-ecr-public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ToolRunner.binary)
        return Helper(executable: link, cacheHome: folder.appendingPathComponent("cache"), service: service)
    }

    func testGetAnswersAWSAndAPasswordFromGetAuthorizationToken() async throws {
        let helper = try await makeHelper()
        let credential = try await helper.get("public.ecr.aws")
        XCTAssertEqual(credential.ServerURL, "public.ecr.aws")
        XCTAssertEqual(credential.Username, "AWS")
        XCTAssertEqual(credential.Secret.count, 32, "the test service's passwords are 24 random bytes in base64")
        let calls = try await helper.service.calls()
        XCTAssertEqual(calls["GetAuthorizationToken"], 1)
    }

    func testTheSecondGetUsesTheCachedPasswordAndTheCacheIsPrivate() async throws {
        let helper = try await makeHelper()
        let first = try await helper.get("public.ecr.aws")
        let second = try await helper.get("https://public.ecr.aws/v2/")
        XCTAssertEqual(second.Secret, first.Secret)
        XCTAssertEqual(second.ServerURL, "https://public.ecr.aws/v2/")
        let calls = try await helper.service.calls()
        XCTAssertEqual(calls["GetAuthorizationToken"], 1, "one call for both gets")
        let attributes = try FileManager.default.attributesOfItem(atPath: helper.cacheFile.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testAPasswordThatExpiresSoonIsFetchedAgain() async throws {
        let helper = try await makeHelper()
        let first = try await helper.get("public.ecr.aws")
        // Rewrite the cached expiry to ten minutes from now: inside the refresh margin.
        let cache = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: helper.cacheFile)) as? [String: [String: Any]])
        let soon = Date().addingTimeInterval(600).timeIntervalSince1970
        let rewritten = cache.mapValues { entry in entry.merging(["expiresAt": soon]) { $1 } }
        try JSONSerialization.data(withJSONObject: rewritten).write(to: helper.cacheFile)

        let second = try await helper.get("public.ecr.aws")
        XCTAssertNotEqual(second.Secret, first.Secret)
        let calls = try await helper.service.calls()
        XCTAssertEqual(calls["GetAuthorizationToken"], 2)
    }

    func testGetForAnotherRegistryIsNotFoundInDockersWords() async throws {
        let helper = try await makeHelper()
        let result = try await helper.run("get", input: "https://index.docker.io/v1/\n")
        XCTAssertEqual(result.status, 1, result.description)
        XCTAssertEqual(result.stdout, "credentials not found in native keychain\n")
        let calls = try await helper.service.calls()
        XCTAssertNil(calls["GetAuthorizationToken"])
    }

    func testListStoreAndErase() async throws {
        let helper = try await makeHelper()
        let list = try await helper.run("list", input: "")
        XCTAssertEqual(list.status, 0, list.description)
        XCTAssertEqual(list.stdout, #"{"public.ecr.aws":"AWS"}"# + "\n")

        let store = try await helper.run("store", input: #"{"ServerURL":"public.ecr.aws","Username":"AWS","Secret":"x"}"#)
        XCTAssertEqual(store.status, 0, store.description)
        XCTAssertEqual(store.stdout, "")

        let first = try await helper.get("public.ecr.aws")
        let erase = try await helper.run("erase", input: "public.ecr.aws\n")
        XCTAssertEqual(erase.status, 0, erase.description)
        let afterErase = try await helper.get("public.ecr.aws")
        XCTAssertNotEqual(afterErase.Secret, first.Secret, "erase dropped the cached password")
    }
}
