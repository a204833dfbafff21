import XCTest

@testable import AWSRuntime

final class RegionResolverTests: XCTestCase {
    private func environment(_ directory: TemporaryDirectory, _ extra: [String: String] = [:]) throws -> [String: String] {
        try directory.write("config", "[default]\nregion = from-profile-default\n[profile dev]\nregion = from-profile-dev\n")
        return [
            "HOME": directory.path, "AWS_CONFIG_FILE": directory.path + "/config",
            "AWS_SHARED_CREDENTIALS_FILE": directory.path + "/credentials",
        ].merging(extra) { _, new in new }
    }

    func testClientOptionWinsOverEverything() throws {
        let directory = try TemporaryDirectory()
        let resolver = RegionResolver(environment: try environment(directory, ["AWS_REGION": "env-region"]))
        XCTAssertEqual(try resolver.resolve(clientRegion: "client-region"), "client-region")
    }

    func testAWSRegionBeforeAWSDefaultRegion() throws {
        let directory = try TemporaryDirectory()
        let both = try environment(directory, ["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"])
        XCTAssertEqual(try RegionResolver(environment: both).resolve(), "a")
        let onlyDefault = try environment(directory, ["AWS_DEFAULT_REGION": "b"])
        XCTAssertEqual(try RegionResolver(environment: onlyDefault).resolve(), "b")
    }

    func testProfileRegionLast() throws {
        let directory = try TemporaryDirectory()
        XCTAssertEqual(try RegionResolver(environment: try environment(directory)).resolve(), "from-profile-default")
        let dev = try environment(directory, ["AWS_PROFILE": "dev"])
        XCTAssertEqual(try RegionResolver(environment: dev).resolve(), "from-profile-dev")
        XCTAssertEqual(try RegionResolver(environment: try environment(directory), profile: "dev").resolve(), "from-profile-dev")
    }

    func testNoRegionListsEverySourceTried() throws {
        let directory = try TemporaryDirectory()
        let environment = ["HOME": directory.path]
        XCTAssertThrowsError(try RegionResolver(environment: environment).resolve()) { error in
            guard case .noRegion(let tried) = error as? ConfigError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(tried.count, 4)
            XCTAssertEqual(Array(tried.prefix(3)), ["the client option", "AWS_REGION", "AWS_DEFAULT_REGION"])
            XCTAssertTrue(tried[3].contains("profile 'default'"))
        }
    }

    func testExplicitProfileThatDoesNotExistIsReported() throws {
        let directory = try TemporaryDirectory()
        let environment = try environment(directory, ["AWS_PROFILE": "typo"])
        XCTAssertThrowsError(try RegionResolver(environment: environment).resolve()) { error in
            guard case .profileNotFound(let profile, _, _) = error as? ConfigError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(profile, "typo")
        }
    }
}
