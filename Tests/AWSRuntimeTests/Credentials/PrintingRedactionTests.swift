import Foundation
import XCTest

@testable import AWSRuntime

/// What `print`, `dump` and error messages show of a client, its configuration, its signer and its credential
/// sources: never the environment's secrets, signing keys, metadata tokens or a credential command's arguments.
final class PrintingRedactionTests: XCTestCase {
    private let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    private let token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN"
    private var environment: [String: String] {
        ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token]
    }

    /// Every way a value is commonly printed.
    private func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), dumped]
    }

    private func assertHidden(_ value: Any, _ needles: [String], file: StaticString = #filePath, line: UInt = #line) {
        for text in renderings(value) {
            for needle in needles {
                XCTAssertFalse(text.contains(needle), "shows \(needle): \(text)", file: file, line: line)
            }
        }
    }

    func testAClientConfigurationPrintsTheNumberOfEnvironmentVariablesNotTheirValues() {
        let configuration = ClientConfiguration(region: "eu-west-1", environment: environment)
        assertHidden(configuration, [secret, token, "AKIDEXAMPLE"])
        XCTAssertTrue(String(describing: configuration).contains("environment: <3 variables, not shown>"),
                      String(describing: configuration))
        XCTAssertTrue(String(describing: configuration).contains("region: Optional(\"eu-west-1\")"))
    }

    func testAServiceRuntimeShowsNeitherTheEnvironmentNorItsCredentialChain() async throws {
        let runtime = ServiceRuntime(
            metadata: TestService.metadata, configuration: ClientConfiguration(region: "us-east-1", environment: environment))
        // The chain has found (and cached) the environment's credentials.
        _ = try await runtime.state.credentials.credentials()
        assertHidden(runtime, [secret, token])
    }

    func testTheSigningKeyCacheShowsHowManyKeysItHoldsNotTheKeys() throws {
        let signer = SigV4Signer()
        var request = HTTPRequest(method: "POST", url: URL(string: "https://example.com/")!)
        try signer.sign(
            &request, credentials: AWSCredentials(accessKeyId: "AKID", secretAccessKey: secret), region: "us-east-1",
            signingName: "svc")
        let signingKey = SigningKeyCache.deriveSigningKey(
            secretAccessKey: secret, dateStamp: String(request.headers["X-Amz-Date"]!.prefix(8)), region: "us-east-1",
            service: "svc")
        assertHidden(signer, [secret, signingKey.hexString, "secretAccessKey"])
        assertHidden(signer.keyCache, [secret, "secretAccessKey"])
        XCTAssertEqual(String(describing: signer.keyCache), "SigningKeyCache(1 keys, not shown)")
    }

    func testTheInstanceMetadataTokenHeaderIsRedacted() {
        let headers: HTTPHeaders = ["X-aws-ec2-metadata-token": "AQAEAImdsSessionToken=="]
        assertHidden(headers, ["AQAEAImdsSessionToken=="])
        XCTAssertEqual(headers.description, "[X-aws-ec2-metadata-token: <redacted>]")
    }

    func testCredentialProvidersPrintWithoutTheEnvironment() {
        let client = TestURLSessionHTTPClient()
        let providers: [any CredentialProvider] = [
            EnvironmentCredentialProvider(environment: environment),
            ProfileCredentialProvider(environment: environment),
            ContainerCredentialProvider(environment: environment, httpClient: client),
            IMDSCredentialProvider(environment: environment, httpClient: client),
            ProcessCredentialProvider(command: "helper --secret \(token)", environment: environment),
            LocalCredentialChain(environment: environment, httpClient: client),
        ]
        for provider in providers {
            assertHidden(provider, [secret, token])
        }
    }

    func testCredentialProcessErrorsNameTheProgramButNotItsArgumentsOrStandardError() async {
        let provider = ProcessCredentialProvider(
            command: #"HELPER_TOKEN=env-secret-1 /bin/sh -c "echo stderr-secret-2 >&2; exit 3" --key=arg-secret-3"#,
            environment: [:])
        await assertThrows(provider) { error in
            XCTAssertEqual(
                error,
                .failed(
                    provider: "credential_process",
                    reason: "command `/bin/sh …` exited with status 3 (16 bytes on standard error, not shown)"))
        }
    }

    func testCredentialProcessProgramNames() {
        XCTAssertEqual(ChildProcess.programName(of: "aws-vault export dev --format=json"), "aws-vault …")
        XCTAssertEqual(ChildProcess.programName(of: "  /usr/local/bin/helper"), "/usr/local/bin/helper")
        XCTAssertEqual(ChildProcess.programName(of: "A=1 B_2=x 'my helper' --x"), "my …")
        XCTAssertEqual(ChildProcess.programName(of: ""), "")
    }
}

/// Values inside a sensitive structure, list or map are never quoted by validation errors, even when the
/// member itself is not marked sensitive.
final class SensitiveValidationTests: XCTestCase {
    private struct Input: Validatable {
        var name: String
        var secrets: [String]

        func validate(_ validator: inout Validator, path: MemberPath) {
            let pattern = ValidationPattern("^[a-z]+$")
            validator.checkPattern(name, pattern, path: path.member("name"))
            // What generated code does for a member that targets a `@sensitive` list of plain strings.
            validator.withinSensitiveValue { validator in
                for (index, value) in secrets.enumerated() {
                    validator.checkPattern(value, pattern, path: path.member("secrets").index(index))
                    validator.checkEnum(isKnown: false, rawValue: value, path: path.member("secrets").index(index))
                    validator.checkRange(
                        value.count, min: 100, max: nil, minText: "100", maxText: nil, path: path.member("secrets").index(index))
                }
            }
        }
    }

    func testChecksInsideASensitiveValueNameThePathButNotTheValue() throws {
        let error = try XCTUnwrap(
            Validator.validate(Input(name: "Visible1", secrets: ["Hunter2!"]), operation: "Op", options: .all))
        XCTAssertEqual(error.violations.map(\.path), ["name", "secrets[0]", "secrets[0]", "secrets[0]"])
        XCTAssertEqual(error.violations.map(\.actual), ["\"Visible1\"", nil, nil, nil])
        XCTAssertFalse(String(describing: error).contains("Hunter2"), String(describing: error))
    }

    func testTheSensitiveScopeEndsWithItsChecks() {
        var validator = Validator()
        validator.withinSensitiveValue { XCTAssertTrue($0.isInsideSensitiveValue) }
        XCTAssertFalse(validator.isInsideSensitiveValue)
    }
}
