import AWSRuntime
import Foundation
import STS
import XCTest

/// The client generated from `../shared/models/sts.json` (awsQuery: form-encoded requests, XML responses)
/// against moto_server with signature checking on.
final class STSTests: XCTestCase {
    func testGetCallerIdentityNamesTheSigningUser() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = STSClient(configuration: moto.configuration())
        let identity = try await client.getCallerIdentity()
        XCTAssertEqual(identity.account?.count, 12, "\(identity)")
        XCTAssertTrue(identity.arn?.hasPrefix("arn:aws:iam::") ?? false, "\(identity)")
        XCTAssertNotNil(identity.userId)
    }

    func testAssumeRoleReturnsTemporaryCredentialsThatSignTheNextCall() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = STSClient(configuration: moto.configuration())
        let output = try await client.assumeRole(
            roleArn: "arn:aws:iam::123456789012:role/e2e-role", roleSessionName: "e2e-session", durationSeconds: 900)
        let credentials = try XCTUnwrap(output.credentials)
        XCTAssertFalse(credentials.accessKeyId.isEmpty)
        XCTAssertFalse(credentials.sessionToken.isEmpty)
        XCTAssertGreaterThan(credentials.expiration.timeIntervalSinceNow, 0)
        XCTAssertTrue(output.assumedRoleUser?.arn.contains("assumed-role/e2e-role/e2e-session") ?? false, "\(output)")
        // The secret is sensitive: printing the output never shows it.
        XCTAssertFalse(String(describing: output).contains(credentials.secretAccessKey))
    }

    func testAWrongSecretIsATypedSignatureError() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = STSClient(configuration: moto.configuration(secretAccessKey: "not-the-secret"))
        do {
            _ = try await client.getCallerIdentity()
            XCTFail("a wrong secret must be refused")
        } catch let error as STSError {
            XCTAssertEqual(error.code.rawValue, "SignatureDoesNotMatch", "\(error)")
            XCTAssertEqual(error.context.statusCode, 403)
        }
    }
}
