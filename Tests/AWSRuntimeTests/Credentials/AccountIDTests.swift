import AWSRuntime
import Foundation
import XCTest

/// The caller's account id travels with the credentials (DynamoDB routes to account endpoints by it), from
/// wherever the AWS CLI reads it.
final class AccountIDTests: XCTestCase {
    func testTheEnvironmentNamesTheAccount() async throws {
        let credentials = try await EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "S", "AWS_ACCOUNT_ID": "111122223333",
        ]).credentials()
        XCTAssertEqual(credentials.accountId, "111122223333")
        let without = try await EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "S"])
            .credentials()
        XCTAssertNil(without.accountId)
    }

    func testAProfileNamesTheAccount() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("credentials", "[default]\naws_access_key_id = A\naws_secret_access_key = S\naws_account_id = 444455556666\n")
        let environment = ["HOME": directory.path, "AWS_SHARED_CREDENTIALS_FILE": directory.path + "/credentials"]
        let credentials = try await ProfileCredentialProvider(environment: environment).credentials()
        XCTAssertEqual(credentials.accountId, "444455556666")
    }

    func testTheAccountIsShownWhenPrintedAndTheSecretsAreNot() {
        let credentials = AWSCredentials(accessKeyId: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN", accountId: "111122223333")
        let printed = String(describing: credentials)
        XCTAssertTrue(printed.contains("accountId: 111122223333"), printed)
        XCTAssertFalse(printed.contains("SECRET") || printed.contains("TOKEN"), printed)
    }
}
