import AWSRuntime
import Foundation

/// A minimal awsJson 1.1 "service" for exercising the runtime without generated code.
enum TestService {
    static let metadata = ServiceMetadata(
        sdkId: "Test Service", signingName: "testservice", targetPrefix: "TestService_20240101",
        wireProtocol: .awsJson1_1, apiVersion: "2024-01-01", endpointRuleSet: nil)

    struct PingInput: OperationInput, Equatable {
        var name: String
        func validate(_ validator: inout Validator, path: MemberPath) {
            validator.checkLength(name, min: 1, max: 10, path: path.member("name"))
        }
    }

    struct PingOutput: Decodable, Sendable, Equatable {
        var greeting: String?
    }

    /// The service's error type: `Flaky` is modelled retryable, everything else is not.
    struct Failure: ServiceError, Equatable {
        let errorCode: String
        let message: String?
        let context: ServiceErrorContext
        var fault: ErrorFault { context.statusCode >= 500 ? .server : .client }
        var isRetryable: Bool { errorCode == "Flaky" }
        var isThrottling: Bool { false }
        var description: String { "\(errorCode): \(message ?? "")" }

        init(payload: ServiceErrorPayload) {
            errorCode = payload.code
            message = payload.message
            context = payload.context
        }
    }

    /// A runtime pointed at `url`, with recorded (not slept) backoff waits.
    static func runtime(url: URL, sleeps: SleepRecorder = SleepRecorder(), configure: (inout ClientConfiguration) -> Void = { _ in })
        -> ServiceRuntime
    {
        var configuration = ClientConfiguration(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG"),
            endpointURL: url.absoluteString, attemptTimeout: .seconds(5), environment: [:],
            sleep: { duration in sleeps.record(duration) })
        configure(&configuration)
        return ServiceRuntime(metadata: metadata, configuration: configuration)
    }

    static func ping(_ runtime: ServiceRuntime, name: String = "hi") async throws -> PingOutput {
        try await runtime.invoke(operation: "Ping", input: PingInput(name: name), output: PingOutput.self, error: Failure.self)
    }
}

/// Records the backoff waits the runtime asks for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Duration] = []

    func record(_ duration: Duration) {
        lock.lock()
        waits.append(duration)
        lock.unlock()
    }

    var recorded: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return waits
    }
}
