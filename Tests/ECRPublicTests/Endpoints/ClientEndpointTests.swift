import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// Where the generated client sends requests: the model's rule set, client options, environment and profile.
final class ClientEndpointTests: XCTestCase {
    func sentURL(_ configure: (inout ClientConfiguration) -> Void) async throws -> String? {
        let transport = ScriptedTransport { _, _ in .json(#"{"registries": []}"#) }
        var configuration = ClientConfiguration(
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKID", secretAccessKey: "secret"),
            maxAttempts: 1, httpClient: transport, environment: [:])
        configure(&configuration)
        _ = try await ECRPublicClient(configuration: configuration).describeRegistries(DescribeRegistriesRequest())
        return transport.requests.first?.url.absoluteString
    }

    func testRegionalEndpointFromTheRuleSet() async throws {
        let url = try await sentURL { $0.region = "us-east-1" }
        XCTAssertEqual(url, "https://api.ecr-public.us-east-1.amazonaws.com/")
    }

    func testFIPSAndDualStackOptions() async throws {
        let fips = try await sentURL { $0.region = "us-east-1"; $0.useFIPS = true }
        XCTAssertEqual(fips, "https://api.ecr-public-fips.us-east-1.amazonaws.com/")
        let dualStack = try await sentURL { $0.region = "us-east-1"; $0.useDualStack = true }
        XCTAssertEqual(dualStack, "https://api.ecr-public.us-east-1.api.aws/")
    }

    func testRegionFromTheEnvironment() async throws {
        let url = try await sentURL { $0.environment = ["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-1"] }
        XCTAssertEqual(url, "https://api.ecr-public.us-west-2.amazonaws.com/")
    }

    func testEndpointOverridesInOrder() async throws {
        let option = try await sentURL {
            $0.region = "us-east-1"
            $0.endpointURL = "http://127.0.0.1:4566"
            $0.environment = ["AWS_ENDPOINT_URL_ECR_PUBLIC": "http://127.0.0.2:1", "AWS_ENDPOINT_URL": "http://127.0.0.3:1"]
        }
        XCTAssertEqual(option, "http://127.0.0.1:4566/")
        let serviceVariable = try await sentURL {
            $0.region = "us-east-1"
            $0.environment = ["AWS_ENDPOINT_URL_ECR_PUBLIC": "http://127.0.0.2:1", "AWS_ENDPOINT_URL": "http://127.0.0.3:1"]
        }
        XCTAssertEqual(serviceVariable, "http://127.0.0.2:1/")
        let globalVariable = try await sentURL {
            $0.region = "us-east-1"
            $0.environment = ["AWS_ENDPOINT_URL": "http://127.0.0.3:1"]
        }
        XCTAssertEqual(globalVariable, "http://127.0.0.3:1/")
    }

    func testEndpointFromTheProfile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecr-endpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config")
        try Data("[profile local]\nregion = eu-central-1\nendpoint_url = http://127.0.0.1:9999\n".utf8).write(to: config)
        let url = try await sentURL {
            $0.environment = ["AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": folder.appendingPathComponent("none").path,
                              "AWS_PROFILE": "local"]
        }
        XCTAssertEqual(url, "http://127.0.0.1:9999/")
    }

    func testNoRegionIsAClearErrorNamingEverySourceTried() async throws {
        do {
            _ = try await sentURL {
                $0.environment = ["AWS_CONFIG_FILE": "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials"]
            }
            XCTFail("expected an error")
        } catch {
            let text = String(describing: error)
            for source in ["AWS_REGION", "AWS_DEFAULT_REGION", "region"] { XCTAssertTrue(text.contains(source), text) }
        }
    }

    func testFIPSWithACustomEndpointIsTheRuleSetsError() async throws {
        do {
            _ = try await sentURL { $0.region = "us-east-1"; $0.useFIPS = true; $0.endpointURL = "https://example.com" }
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(String(describing: error), "Invalid Configuration: FIPS and custom endpoint are not supported")
        }
    }
}

extension ClientEndpointTests {
    func testFIPSAndDualStackFromTheEnvironment() async throws {
        let url = try await sentURL {
            $0.region = "us-east-1"
            $0.environment = ["AWS_USE_FIPS_ENDPOINT": "true", "AWS_USE_DUALSTACK_ENDPOINT": "true"]
        }
        XCTAssertEqual(url, "https://api.ecr-public-fips.us-east-1.api.aws/")
        let optionWins = try await sentURL {
            $0.region = "us-east-1"
            $0.useFIPS = false
            $0.environment = ["AWS_USE_FIPS_ENDPOINT": "true"]
        }
        XCTAssertEqual(optionWins, "https://api.ecr-public.us-east-1.amazonaws.com/")
    }
}
