import AWSRuntime
import ECRPublic
import Foundation

/// A transport that answers from a script and records what it was asked, for tests that need no sockets.
final class ScriptedTransport: HTTPClient, @unchecked Sendable {
    /// Decides each response from the request and how many came before it.
    typealias Responder = @Sendable (_ request: HTTPRequest, _ index: Int) throws -> HTTPResponse

    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let responder: Responder

    init(_ responder: @escaping Responder) {
        self.responder = responder
    }

    /// A transport that fails the test run if anything is sent.
    static func mustNotBeCalled() -> ScriptedTransport {
        ScriptedTransport { request, _ in
            throw HTTPClientError.connectionFailed("unexpected request to \(request.url)")
        }
    }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The JSON body of request `index`.
    func body(_ index: Int) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: requests[index].body) as? [String: Any]) ?? [:]
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let index: Int = {
            lock.lock()
            defer { lock.unlock() }
            recorded.append(request)
            return recorded.count - 1
        }()
        return try responder(request, index)
    }
}

extension ECRPublicClient {
    /// A client that sends through `transport` with fixed credentials and no retries.
    static func scripted(_ transport: ScriptedTransport, validation: ValidationOptions = .all) -> ECRPublicClient {
        ECRPublicClient(configuration: ClientConfiguration(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret"),
            maxAttempts: 1, validation: validation, httpClient: transport, environment: [:]))
    }
}

extension HTTPResponse {
    /// A 200 response with a JSON body.
    static func json(_ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: 200, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Data(text.utf8))
    }
}
