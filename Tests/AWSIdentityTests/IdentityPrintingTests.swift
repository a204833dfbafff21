import AWSRuntime
import Foundation
import XCTest

@testable import AWSIdentity

/// What `print` and `dump` show of the identity providers: never the environment's secrets or a token.
final class IdentityPrintingTests: XCTestCase {
    private let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    private let token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN"

    func testProvidersPrintWithoutTheEnvironmentOrTokens() {
        let environment = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token]
        let client = ScriptedHTTPClient { _ in HTTPResponse(statusCode: 500) }
        let sso = ProfileChain.SSOSettings(profile: "dev", session: "corp", region: "us-east-1", startURL: "https://x")
        let role = ProfileChain.RoleAssumption(profile: "dev", roleArn: "arn:aws:iam::111122223333:role/R")
        let values: [Any] = [
            DefaultCredentialChain(environment: environment, httpClient: client),
            DefaultTokenChain(environment: environment, httpClient: client),
            SSOCredentialProvider(settings: sso, environment: environment, httpClient: client),
            SSOTokenProvider(settings: sso, environment: environment, httpClient: client),
            AssumeRoleCredentialProvider(role: role, source: StaticCredentialProvider(
                accessKeyId: "AKIDSOURCE", secretAccessKey: secret, sessionToken: token), environment: environment, httpClient: client),
            WebIdentityCredentialProvider(environment: environment, httpClient: client),
            ProfileChainCredentialProvider(profile: "dev", context: IdentityContext(environment: environment, region: nil, httpClient: client)),
            BearerToken(token: token),
        ]
        for value in values {
            var dumped = ""
            dump(value, to: &dumped)
            for text in [String(describing: value), String(reflecting: value), dumped] {
                XCTAssertFalse(text.contains(secret) || text.contains(token), "shows a secret: \(text)")
            }
        }
    }
}
