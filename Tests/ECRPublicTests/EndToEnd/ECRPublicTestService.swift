import AWSRuntime
import ECRPublic
import Foundation
import TestSupport
import XCTest

/// Starts `Tests/TestServices/ecr_public_server.py` on 127.0.0.1 for one test and makes clients for it.
///
/// The server checks every request's SigV4 signature with botocore, so each call proves signing, the
/// awsJson 1.1 framing and decoding against code nobody here wrote.
struct ECRPublicTestService {
    static let accessKeyId = "AKIDE2ETESTS"
    static let secretAccessKey = "e2e-test-secret-5f3c9a1e7b"
    static let region = "us-east-1"

    let server: TestServiceProcess

    /// Starts a server, or throws `XCTSkip` when python3 or botocore is missing. The server is stopped when
    /// the test ends, whether it passed or not.
    static func start(for test: XCTestCase, extraArguments: [String] = []) async throws -> ECRPublicTestService {
        if let reason = TestServiceProcess.pythonUnavailability(requiring: ["botocore"]) {
            throw XCTSkip("SKIPPED: ECR Public end-to-end tests need python3 with botocore: \(reason)")
        }
        let server = try await TestServiceProcess.start(
            script: RepositoryPaths.repository("Tests/TestServices/ecr_public_server.py"),
            arguments: ["--port", "0", "--access-key", accessKeyId, "--secret-key", secretAccessKey,
                        "--region", region, "--max-lifetime", "300"] + extraArguments,
            timeout: .seconds(30))
        test.addTeardownBlock { server.stop() }
        return ECRPublicTestService(server: server)
    }

    /// A client for the server, with the right keys unless others are given; one attempt per call, so an
    /// error response is seen as it came.
    func client(
        accessKeyId: String = Self.accessKeyId, secretAccessKey: String = Self.secretAccessKey,
        hooks: [any RequestHook] = []
    ) -> ECRPublicClient {
        ECRPublicClient(configuration: ClientConfiguration(
            region: Self.region,
            credentialProvider: StaticCredentialProvider(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey),
            endpointURL: server.endpointURL,
            maxAttempts: 1,
            attemptTimeout: .seconds(60),
            operationTimeout: .seconds(120),
            hooks: hooks,
            environment: [:]))
    }
}

/// Counts the attempts a client makes (`willSend` runs for every attempt, before signing).
struct AttemptCounter: RequestHook {
    actor Count {
        private(set) var attempts: [String] = []
        func record(_ operation: String) { attempts.append(operation) }
    }

    let count = Count()

    func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
        await count.record(context.operation)
    }
}

/// Asserts that `body` throws an `ECRPublicError` with `code`, and returns it.
@discardableResult
func assertECRPublicError<T>(
    _ code: ECRPublicError.Code, status: Int = 400, file: StaticString = #filePath, line: UInt = #line,
    _ body: () async throws -> T
) async -> ECRPublicError? {
    do {
        let result = try await body()
        XCTFail("expected \(code), got \(result)", file: file, line: line)
    } catch let error as ECRPublicError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        XCTAssertEqual(error.context.statusCode, status, file: file, line: line)
        XCTAssertNotNil(error.context.requestId, "every response of the test service has a request id", file: file, line: line)
        return error
    } catch {
        XCTFail("expected ECRPublicError \(code), got \(type(of: error)): \(error)", file: file, line: line)
    }
    return nil
}

/// Deterministic, incompressible-looking bytes for layers (no two layers of different `seed` are equal).
func layerBytes(count: Int, seed: UInt64) -> Data {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    var data = Data(count: count)
    data.withUnsafeMutableBytes { buffer in
        for index in buffer.indices {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            buffer[index] = UInt8(truncatingIfNeeded: state)
        }
    }
    return data
}

/// `sha256:<hex>` of `data`, as registries name layers.
func sha256Digest(_ data: Data) -> String {
    "sha256:" + SHA256.hash(data).hexString
}
