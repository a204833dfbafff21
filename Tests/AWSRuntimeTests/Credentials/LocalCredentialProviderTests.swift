import XCTest

@testable import AWSRuntime

/// Static, environment, shared-file and credential_process providers.
final class LocalCredentialProviderTests: XCTestCase {
    func testStaticProviderReturnsItsKeys() async throws {
        let credentials = try await StaticCredentialProvider(accessKeyId: "AKID", secretAccessKey: "SECRET").credentials()
        XCTAssertEqual(credentials, AWSCredentials(accessKeyId: "AKID", secretAccessKey: "SECRET"))
    }

    func testEnvironmentProviderReadsKeysAndToken() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "SECRET", "AWS_SESSION_TOKEN": "TOKEN",
        ])
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials, AWSCredentials(accessKeyId: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN"))
    }

    func testEnvironmentProviderWithoutVariablesIsNotConfigured() async {
        await assertThrows(EnvironmentCredentialProvider(environment: [:])) { error in
            guard case .notConfigured(let provider, _) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(provider, "environment")
        }
    }

    func testEnvironmentProviderWithHalfAKeyPairFails() async {
        await assertThrows(EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKID"])) { error in
            XCTAssertEqual(
                error, .failed(provider: "environment", reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"))
        }
    }

    func testProfileProviderReadsKeysFromCredentialsFileAndNamedProfile() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "credentials",
            "[default]\naws_access_key_id = DEFAULT\naws_secret_access_key = S1\n\n# ci keys\n[ci]\naws_access_key_id=CI\naws_secret_access_key=S2\naws_session_token = T2\n"
        )
        let environment = ["HOME": directory.path, "AWS_SHARED_CREDENTIALS_FILE": directory.path + "/credentials"]
        let defaultKeys = try await ProfileCredentialProvider(environment: environment).credentials()
        XCTAssertEqual(defaultKeys, AWSCredentials(accessKeyId: "DEFAULT", secretAccessKey: "S1"))
        let ciKeys = try await ProfileCredentialProvider(
            environment: environment.merging(["AWS_PROFILE": "ci"]) { $1 }
        ).credentials()
        XCTAssertEqual(ciKeys, AWSCredentials(accessKeyId: "CI", secretAccessKey: "S2", sessionToken: "T2"))
    }

    func testProfileProviderReadsKeysFromConfigFile() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("config", "[profile dev]\naws_access_key_id = DEV\naws_secret_access_key = S\n")
        let environment = ["HOME": directory.path, "AWS_CONFIG_FILE": directory.path + "/config"]
        let credentials = try await ProfileCredentialProvider(profile: "dev", environment: environment).credentials()
        XCTAssertEqual(credentials.accessKeyId, "DEV")
    }

    func testRoleProfilesFailInsteadOfFallingThroughToAnotherIdentity() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("config", """
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/Admin
            source_profile = default
            [default]
            aws_access_key_id = BASE
            aws_secret_access_key = S
            """)
        let environment = ["HOME": directory.path, "AWS_CONFIG_FILE": directory.path + "/config"]
        await assertThrows(ProfileCredentialProvider(profile: "admin", environment: environment)) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.contains("role_arn") && reason.contains("AWSIdentity"), reason)
        }
    }

    /// As in the cross-SDK chain suite (`ecs_credentials_invalid_profile`): a profile that is not there lets the
    /// chain go on, and the reason names it in case no other source has credentials either.
    func testMissingProfilesAreNotConfiguredAndNamed() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("config", "[profile other]\nregion = us-east-1\n")
        let environment = ["HOME": directory.path, "AWS_CONFIG_FILE": directory.path + "/config"]
        await assertThrows(ProfileCredentialProvider(profile: "ghost", environment: environment)) { error in
            guard case .notConfigured(let provider, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(provider, "profile 'ghost'")
            XCTAssertTrue(reason.contains("not in the config or credentials file"), reason)
        }
        await assertThrows(ProfileCredentialProvider(environment: ["HOME": directory.path])) { error in
            guard case .notConfigured = error else { return XCTFail("unexpected \(error)") }
        }
    }

    func testMalformedCredentialsFileFailsNamingFileAndLine() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("credentials", "[default]\naws_access_key_id AKID\n")
        await assertThrows(ProfileCredentialProvider(environment: ["HOME": directory.path, "AWS_SHARED_CREDENTIALS_FILE": path])) {
            error in
            XCTAssertEqual(
                error, .failed(provider: "profile 'default'", reason: "\(path):2: Expected an '=' sign defining a property"))
        }
    }

    func testCredentialProcessOutputIsParsed() async throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write(
            "creds.sh",
            """
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "PROC", "SecretAccessKey": "PSECRET", "SessionToken": "PTOKEN", "Expiration": "2030-01-02T03:04:05Z"}'
            """, executable: true)
        try directory.write("config", "[default]\ncredential_process = \(script) --flag\n")
        let credentials = try await ProfileCredentialProvider(
            environment: ["HOME": directory.path, "AWS_CONFIG_FILE": directory.path + "/config"]
        ).credentials()
        XCTAssertEqual(credentials.accessKeyId, "PROC")
        XCTAssertEqual(credentials.secretAccessKey, "PSECRET")
        XCTAssertEqual(credentials.sessionToken, "PTOKEN")
        XCTAssertEqual(credentials.expiration, Date(timeIntervalSince1970: 1_893_553_445))
    }

    func testCredentialProcessRunsWithNoSignalsBlocked() async throws {
        #if os(Linux)
            // The command prints credentials only when its SigBlk mask is empty (read with shell built-ins).
            let provider = ProcessCredentialProvider(
                command: #"""
                    while read -r key value; do [ "$key" = "SigBlk:" ] && blocked=$value; done < /proc/self/status
                    [ "$blocked" = 0000000000000000 ] || { echo "blocked: $blocked" >&2; exit 4; }
                    echo '{"Version": 1, "AccessKeyId": "UNBLOCKED", "SecretAccessKey": "S"}'
                    """#,
                environment: [:])
            let credentials = try await provider.credentials()
            XCTAssertEqual(credentials.accessKeyId, "UNBLOCKED")
        #else
            throw XCTSkip("SKIPPED: reads the signal mask from /proc, which only Linux has")
        #endif
    }

    func testCredentialProcessNonZeroExitReportsStatusAndTheSizeOfStandardError() async {
        // Standard error may echo a token: its size is reported, not its text.
        let provider = ProcessCredentialProvider(command: "echo 'token expired, run login' >&2; exit 3", environment: [:])
        await assertThrows(provider) { error in
            XCTAssertEqual(
                error,
                .failed(
                    provider: "credential_process",
                    reason: "command `echo …` exited with status 3 (25 bytes on standard error, not shown)"))
        }
    }

    func testCredentialProcessBadJSONDoesNotEchoOutput() async {
        let provider = ProcessCredentialProvider(command: "echo 'SecretAccessKey: LEAKED-SECRET'", environment: [:])
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.contains("did not return a JSON credentials object"), reason)
            XCTAssertFalse(reason.contains("LEAKED-SECRET") && !reason.contains("command `"), reason)
        }
    }

    func testCredentialProcessUnsupportedVersion() async {
        let provider = ProcessCredentialProvider(
            command: #"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}'"#, environment: [:])
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.hasSuffix("printed Version 2; only Version 1 is supported"), reason)
        }
    }

    func testCredentialProcessTimeoutTerminatesTheCommand() async {
        let provider = ProcessCredentialProvider(command: "exec sleep 30", environment: [:], timeout: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.contains("did not finish within"), reason)
        }
        XCTAssertLessThan(clock.now - start, .seconds(10))
    }

    func testCredentialProcessTimeoutAlsoEndsWhatTheCommandStarted() async {
        // The pipeline's `sleep` holds the output pipe open: killing only the shell would leave the read waiting.
        let provider = ProcessCredentialProvider(command: "sleep 30 | cat", environment: [:], timeout: .milliseconds(300))
        let clock = ContinuousClock()
        let start = clock.now
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.contains("did not finish within"), reason)
        }
        XCTAssertLessThan(clock.now - start, .seconds(10))
    }
}

/// Asserts that `provider` throws a ``CredentialProviderError`` and hands it to `check`.
func assertThrows(
    _ provider: some CredentialProvider, file: StaticString = #filePath, line: UInt = #line,
    _ check: (CredentialProviderError) -> Void
) async {
    do {
        let credentials = try await provider.credentials()
        XCTFail("expected an error, got \(credentials)", file: file, line: line)
    } catch let error as CredentialProviderError {
        check(error)
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: line)
    }
}
