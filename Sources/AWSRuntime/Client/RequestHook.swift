import Foundation

/// Observes or edits each attempt of a call: before it is signed, and after its response arrives.
///
/// Hooks see the request before the `Authorization` header exists, so they cannot leak it; the
/// response hook sees every response, success or error, with its request id.
public protocol RequestHook: Sendable {
    /// Called before signing; may change the request (add a header, point it elsewhere in tests).
    func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws
    /// Called with each response, before it is decoded.
    func didReceive(_ response: HTTPResponse, context: RequestHookContext) async
}

extension RequestHook {
    /// Does nothing, so hooks implement only what they need.
    public func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {}
    /// Does nothing, so hooks implement only what they need.
    public func didReceive(_ response: HTTPResponse, context: RequestHookContext) async {}
}

/// Which call and attempt a hook is seeing.
public struct RequestHookContext: Sendable {
    /// The service's SDK id, e.g. `ECR PUBLIC`.
    public var service: String
    /// The operation being called, e.g. `DescribeImages`.
    public var operation: String
    /// 1 for the first attempt.
    public var attempt: Int

    /// The context of attempt `attempt` (1-based) of a call.
    public init(service: String, operation: String, attempt: Int) {
        self.service = service
        self.operation = operation
        self.attempt = attempt
    }
}

/// A hook that prints one line per request and response, never the `Authorization` header, tokens or bodies.
public struct RequestLogger: RequestHook {
    private let write: @Sendable (String) -> Void

    /// - Parameter write: where lines go; standard error by default.
    public init(write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.write = write
    }

    /// Logs the method, URL, `X-Amz-Target` and body size of the attempt.
    public func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
        let target = request.headers["X-Amz-Target"].map { " \($0)" } ?? ""
        write("→ \(context.operation) attempt \(context.attempt): \(request.method) \(request.url.absoluteString)\(target) (\(request.body.count) bytes)")
    }

    /// Logs the status, request id and body size of the response.
    public func didReceive(_ response: HTTPResponse, context: RequestHookContext) async {
        let requestId = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"] ?? "-"
        write("← \(context.operation) attempt \(context.attempt): HTTP \(response.statusCode), request id \(requestId), \(response.body.count) bytes")
    }
}
