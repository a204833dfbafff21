import XCTest

@testable import AWSRuntime

final class SharedConfigTests: XCTestCase {
    private let locations = SharedConfigLocations(configFile: "/cfg/config", credentialsFile: "/cfg/credentials")

    func testProfileSectionsInConfigAndPlainSectionsInCredentialsMerge() throws {
        let config = try SharedConfig(
            configText: """
                [default]
                region = us-east-1
                [profile dev]
                region = eu-west-1
                aws_access_key_id = FROM_CONFIG
                max_attempts = 5
                retry_mode = adaptive
                endpoint_url = http://localhost:4566
                """,
            credentialsText: """
                [dev]
                aws_access_key_id = FROM_CREDENTIALS
                aws_secret_access_key = secret
                """,
            locations: locations)
        let dev = try config.profile(named: "dev")
        XCTAssertEqual(dev.region, "eu-west-1")
        XCTAssertEqual(dev.accessKeyId, "FROM_CREDENTIALS", "the credentials file wins")
        XCTAssertEqual(dev.secretAccessKey, "secret")
        XCTAssertEqual(try dev.maxAttempts, 5)
        XCTAssertEqual(dev.retryMode, "adaptive")
        XCTAssertEqual(dev.endpointURL, "http://localhost:4566")
        XCTAssertEqual(try config.profile(named: "default").region, "us-east-1")
        XCTAssertEqual(config.profileNames, ["default", "dev"])
    }

    func testPlainSectionInConfigFileIsNotAProfileAndTheErrorSaysWhy() throws {
        let config = try SharedConfig(
            configText: "[default]\nregion = x\n[dev]\nregion = y\n", credentialsText: "", locations: locations)
        XCTAssertThrowsError(try config.profile(named: "dev")) { error in
            XCTAssertEqual(
                error as? ConfigError,
                .profileNotFound(
                    profile: "dev", searched: ["/cfg/config", "/cfg/credentials"],
                    hints: ["/cfg/config:3 has [dev], which the config file ignores; write [profile dev]"]))
        }
    }

    func testOtherSectionKindsAreNotProfiles() throws {
        let config = try SharedConfig(
            configText: "[sso-session corp]\nsso_region = us-east-1\n[services local]\ndynamodb =\n  endpoint_url = x\n",
            credentialsText: "", locations: locations)
        XCTAssertEqual(config.profileNames, [])
    }

    func testMissingProfileIsAnError() throws {
        let config = try SharedConfig(configText: "", credentialsText: "", locations: locations)
        XCTAssertThrowsError(try config.profile(named: "nope")) { error in
            XCTAssertEqual("\(error)", "profile 'nope' not found in /cfg/config or /cfg/credentials")
        }
    }

    func testInvalidMaxAttemptsNamesProfileAndValue() throws {
        let config = try SharedConfig(
            configText: "[default]\nmax_attempts = lots\n", credentialsText: "", locations: locations)
        XCTAssertThrowsError(try config.profile(named: "default").maxAttempts) { error in
            XCTAssertEqual(
                error as? ConfigError,
                .invalidValue(key: "max_attempts", value: "lots", profile: "default", expected: "a positive integer"))
        }
    }

    func testLocationsComeFromEnvironment() {
        let fromHome = SharedConfigLocations(environment: ["HOME": "/home/me"])
        XCTAssertEqual(fromHome.configFile, "/home/me/.aws/config")
        XCTAssertEqual(fromHome.credentialsFile, "/home/me/.aws/credentials")
        XCTAssertEqual(fromHome.profileName, "default")
        XCTAssertFalse(fromHome.isProfileExplicit)
        let overridden = SharedConfigLocations(environment: [
            "HOME": "/home/me", "AWS_CONFIG_FILE": "~/alt/config", "AWS_SHARED_CREDENTIALS_FILE": "/etc/creds",
            "AWS_PROFILE": "ci",
        ])
        XCTAssertEqual(overridden.configFile, "/home/me/alt/config")
        XCTAssertEqual(overridden.credentialsFile, "/etc/creds")
        XCTAssertEqual(overridden.profileName, "ci")
        XCTAssertTrue(overridden.isProfileExplicit)
    }

    func testMissingFilesReadAsEmpty() throws {
        let config = try SharedConfig(environment: ["HOME": "/nonexistent-\(UUID())"])
        XCTAssertEqual(config.profileNames, [])
    }

    func testParseErrorFromDiskNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("config", "[default]\nregion us-east-1\n")
        XCTAssertThrowsError(try SharedConfig(environment: ["HOME": directory.path, "AWS_CONFIG_FILE": path])) {
            error in
            XCTAssertEqual("\(error)", "\(path):2: Expected an '=' sign defining a property")
        }
    }
}

/// A scratch directory removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("awsruntime-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String, executable: Bool = false) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        return file
    }
}
