import AWSRuntime
import ECR
import Foundation
import STS
import XCTest

/// The default credential chain against moto_server with signature checking on: a profile that assumes a role
/// through `source_profile`, and a web identity token file, each followed by ECR calls signed with the role's
/// credentials (no credential provider is configured: the generated clients' default chain finds them).
final class IdentityTests: XCTestCase {
    static let roleArn = "arn:aws:iam::123456789012:role/e2e-assumed-role"

    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// Settings with no credential provider: the chain reads `environment` (files, STS endpoint) instead.
    private func configuration(_ moto: MotoServer, profile: String?, environment: [String: String]) -> ClientConfiguration {
        ClientConfiguration(
            region: moto.region, profile: profile, endpointURL: moto.process.endpointURL, maxAttempts: 1,
            attemptTimeout: .seconds(30), operationTimeout: .seconds(60),
            environment: environment.merging(["AWS_ENDPOINT_URL_STS": moto.process.endpointURL]) { $1 })
    }

    func testAProfileAssumesARoleFromItsSourceProfileAndCallsECRWithIt() async throws {
        let moto = try await MotoServer.start(for: self)
        let home = try folder()
        try Data("""
            [profile base]
            aws_access_key_id = \(moto.accessKeyId)
            aws_secret_access_key = \(moto.secretAccessKey)

            [profile pusher]
            role_arn = \(Self.roleArn)
            source_profile = base
            role_session_name = e2e-from-profile
            duration_seconds = 900
            """.utf8).write(to: home.appendingPathComponent("config"))
        let environment = ["HOME": home.path, "AWS_CONFIG_FILE": home.appendingPathComponent("config").path,
                           "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("credentials").path]
        let settings = configuration(moto, profile: "pusher", environment: environment)

        let identity = try await STSClient(configuration: settings).getCallerIdentity()
        XCTAssertTrue(identity.arn?.contains("assumed-role/e2e-assumed-role/e2e-from-profile") ?? false, "\(identity)")
        let ecr = ECRClient(configuration: settings)
        let created = try await ecr.createRepository(repositoryName: "e2e-identity-profile")
        XCTAssertEqual(created.repository?.repositoryName, "e2e-identity-profile")
        let listed = try await ecr.describeRepositories(repositoryNames: ["e2e-identity-profile"])
        XCTAssertEqual(listed.repositories?.count, 1)
    }

    /// AssumeRoleWithWebIdentity is unsigned (the token is the proof), and moto 5 with signature checking on
    /// answers every request without an `Authorization` header with a 500 (a `KeyError` in its access control;
    /// boto3's own unsigned call fails the same way). So this moto checks no signatures; that the role's
    /// credentials sign the calls after the exchange is shown by GetCallerIdentity naming the role session,
    /// which moto works out from the access key a request is signed with.
    func testAWebIdentityTokenFileIsExchangedForTheRoleAndCallsECRWithIt() async throws {
        let moto = try await MotoServer.start(for: self, checkingSignatures: false)
        let home = try folder()
        let token = home.appendingPathComponent("token")
        // moto does not verify the token's signature; any OIDC-shaped token is exchanged.
        try Data("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlMmUifQ.c2lnbmF0dXJl".utf8).write(to: token)
        let environment = [
            "HOME": home.path, "AWS_CONFIG_FILE": home.appendingPathComponent("config").path,
            "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("credentials").path,
            "AWS_WEB_IDENTITY_TOKEN_FILE": token.path, "AWS_ROLE_ARN": Self.roleArn,
            "AWS_ROLE_SESSION_NAME": "e2e-web-identity",
        ]
        let settings = configuration(moto, profile: nil, environment: environment)
        let identity = try await STSClient(configuration: settings).getCallerIdentity()
        XCTAssertTrue(identity.arn?.contains("assumed-role/e2e-assumed-role/e2e-web-identity") ?? false, "\(identity)")
        let ecr = ECRClient(configuration: settings)
        _ = try await ecr.createRepository(repositoryName: "e2e-identity-web")
        let listed = try await ecr.describeRepositories()
        XCTAssertTrue(listed.repositories?.contains { $0.repositoryName == "e2e-identity-web" } ?? false)
    }
}
