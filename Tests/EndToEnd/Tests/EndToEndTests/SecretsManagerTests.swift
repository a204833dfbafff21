import AWSRuntime
import Foundation
import SecretsManager
import XCTest

/// The client generated from `../shared/models/secrets-manager.json` (awsJson 1.1) against moto_server with
/// signature checking on.
final class SecretsManagerTests: XCTestCase {
    func testTwentyFiveSecretsListInThreePagesOfTenThroughThePaginator() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = SecretsManagerClient(configuration: moto.configuration())
        var created: [String: String] = [:]  // name -> ARN
        for index in 1...25 {
            let name = String(format: "e2e/secret-%02d", index)
            let output = try await client.createSecret(name: name, description: "secret \(index)",
                                                       secretString: #"{"index":\#(index)}"#)
            XCTAssertEqual(output.name, name)
            created[name] = try XCTUnwrap(output.arn)
        }

        var pageSizes: [Int] = []
        var listed: [SecretListEntry] = []
        for try await page in client.listSecretsPaginator(ListSecretsRequest(maxResults: 10)) {
            pageSizes.append(page.secretList?.count ?? 0)
            listed += page.secretList ?? []
        }
        XCTAssertEqual(pageSizes, [10, 10, 5])
        XCTAssertEqual(listed.count, 25)
        let names = listed.compactMap(\.name)
        XCTAssertEqual(Set(names).count, names.count, "no secret listed twice")
        XCTAssertEqual(Set(names), Set(created.keys))
        for entry in listed {
            XCTAssertEqual(entry.arn, created[entry.name ?? ""], "ARN of \(entry.name ?? "?")")
            XCTAssertLessThan(abs(try XCTUnwrap(entry.createdDate).timeIntervalSinceNow), 300)
        }

        let value = try await client.getSecretValue(secretId: "e2e/secret-07")
        XCTAssertEqual(value.name, "e2e/secret-07")
        XCTAssertEqual(value.arn, created["e2e/secret-07"])
        XCTAssertEqual(value.secretString, #"{"index":7}"#)
        // The model marks SecretString sensitive: printing the output never shows it.
        var dumped = ""
        dump(value, to: &dumped)
        for printed in [String(describing: value), String(reflecting: value), "\(value)", dumped] {
            XCTAssertFalse(printed.contains(#""index":7"#), printed)
            XCTAssertTrue(printed.contains("*** sensitive ***"), printed)
        }
        XCTAssertNil(value.secretBinary)
        XCTAssertEqual(value.versionStages, ["AWSCURRENT"])
        XCTAssertNotNil(value.versionId)
        XCTAssertLessThan(abs(try XCTUnwrap(value.createdDate).timeIntervalSinceNow), 300)
    }

    func testABinarySecretComesBackByteForByte() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = SecretsManagerClient(configuration: moto.configuration())
        let bytes = Data((0...255).map { UInt8($0) } + [0, 0xFF, 0x0A, 0x0D])
        _ = try await client.createSecret(name: "e2e/binary", secretBinary: bytes)
        let value = try await client.getSecretValue(secretId: "e2e/binary")
        XCTAssertEqual(value.secretBinary, bytes)
        XCTAssertNil(value.secretString)
    }

    func testAMissingSecretIsTheTypedResourceNotFoundException() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = SecretsManagerClient(configuration: moto.configuration())
        do {
            _ = try await client.getSecretValue(secretId: "e2e/missing")
            XCTFail("expected ResourceNotFoundException")
        } catch let error as SecretsManagerError {
            XCTAssertEqual(error.code, .resourceNotFoundException, "\(error)")
            XCTAssertEqual(error.context.operation, "GetSecretValue")
            // AWS answers 400; moto answers 404. Either way the typed error comes from the JSON body.
            XCTAssertTrue([400, 404].contains(error.context.statusCode), "HTTP \(error.context.statusCode)")
            XCTAssertEqual(error.fault, .client)
            XCTAssertNotNil(error.message)
            guard case .resourceNotFoundException(let details)? = error.details else {
                return XCTFail("details did not decode: \(error)")
            }
            XCTAssertEqual(details.message, error.message)
        }
    }
}
