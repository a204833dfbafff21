import Foundation
import XCTest

@testable import AWSRuntime

/// The instance metadata service is the last place the region is looked for.
final class RegionFromInstanceMetadataTests: XCTestCase {
    static let metadata = ServiceMetadata(
        sdkId: "Test Service", signingName: "testservice", targetPrefix: "TestService_20240101",
        wireProtocol: .awsJson1_1, apiVersion: "2024-01-01",
        endpointRuleSet: #"{"version": "1.0", "parameters": {"Region": {"type": "String", "builtIn": "AWS::Region"}}, "rules": [{"conditions": [], "endpoint": {"url": "https://svc.{Region}.example.com"}, "type": "endpoint"}]}"#)

    /// Plays the metadata service (token, region) and the service itself.
    final class Instance: HTTPClient, @unchecked Sendable {
        private let lock = NSLock()
        private var sent: [HTTPRequest] = []
        let region: String?
        init(region: String?) { self.region = region }
        var requests: [HTTPRequest] { lock.withLock { sent } }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            lock.withLock { sent.append(request) }
            switch request.url.path {
            case "/latest/api/token":
                guard region != nil else { throw HTTPClientError.connectionFailed("connection refused") }
                return HTTPResponse(statusCode: 200, body: Data("metadata-token".utf8))
            case "/latest/meta-data/placement/region":
                return HTTPResponse(statusCode: 200, body: Data((region ?? "").utf8))
            default:
                return HTTPResponse(statusCode: 200, body: Data("{}".utf8))
            }
        }
    }

    private func ping(_ instance: Instance, environment: [String: String] = [:]) async throws {
        let runtime = ServiceRuntime(metadata: Self.metadata, configuration: ClientConfiguration(
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret"),
            maxAttempts: 1, httpClient: instance,
            environment: ["HOME": "/nonexistent-\(UUID().uuidString)"].merging(environment) { $1 }))
        for _ in 0..<2 {
            _ = try await runtime.invoke(operation: "Ping", input: TestService.PingInput(name: "hi"),
                                         output: TestService.PingOutput.self, error: TestService.Failure.self)
        }
    }

    func testWithoutAnyOtherSourceTheInstancesRegionIsUsedAndLookedUpOnce() async throws {
        let instance = Instance(region: "eu-central-1")
        try await ping(instance)
        let paths = instance.requests.map(\.url.path)
        XCTAssertEqual(paths, ["/latest/api/token", "/latest/meta-data/placement/region", "/", "/"])
        XCTAssertEqual(instance.requests[1].headers["X-aws-ec2-metadata-token"], "metadata-token")
        XCTAssertEqual(instance.requests[2].url.host, "svc.eu-central-1.example.com")
        XCTAssertTrue(instance.requests[2].headers["Authorization"]?.contains("/eu-central-1/testservice/") ?? false)
    }

    func testTheEnvironmentWinsAndTheMetadataServiceIsNotAsked() async throws {
        let instance = Instance(region: "eu-central-1")
        try await ping(instance, environment: ["AWS_REGION": "ap-south-1"])
        XCTAssertEqual(instance.requests.map(\.url.host), ["svc.ap-south-1.example.com", "svc.ap-south-1.example.com"])
    }

    func testOffEC2TheErrorListsEverySourceTried() async throws {
        let instance = Instance(region: nil)
        do {
            try await ping(instance)
            XCTFail("no region anywhere must fail")
        } catch let error as ConfigError {
            XCTAssertTrue("\(error)".contains("AWS_REGION"), "\(error)")
            XCTAssertTrue("\(error)".contains("EC2 instance metadata"), "\(error)")
        }
        XCTAssertEqual(instance.requests.map(\.url.path), ["/latest/api/token"], "looked up once, then remembered")
    }

    func testDisabledMetadataIsNotAsked() async throws {
        let instance = Instance(region: "eu-central-1")
        do {
            try await ping(instance, environment: ["AWS_EC2_METADATA_DISABLED": "true"])
            XCTFail("no region anywhere must fail")
        } catch {
            XCTAssertTrue("\(error)".contains("AWS_EC2_METADATA_DISABLED"), "\(error)")
        }
        XCTAssertTrue(instance.requests.isEmpty)
    }
}
