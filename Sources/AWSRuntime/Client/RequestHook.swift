import Foundation

/// Observes or edits each attempt of a call: where it goes, the request before and after signing, the response
/// or transport error, and each retry decision.
///
/// Hooks never see a secret: `willSend` runs before the `Authorization` header exists, and `didSign` gets a copy
/// of the signed request with `Authorization` and the session token replaced.
public protocol RequestHook: Sendable {
    /// Called once per call with the endpoint and signing region it resolved to.
    func didResolveEndpoint(_ endpoint: URL, region: String, context: RequestHookContext) async
    /// Called before signing; may change the request (add a header, point it elsewhere in tests).
    func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws
    /// Called with the signed request as it is sent, its secrets redacted.
    func didSign(_ request: HTTPRequest, context: RequestHookContext) async
    /// Called with each response, before it is decoded.
    func didReceive(_ response: HTTPResponse, context: RequestHookContext) async
    /// Called when an attempt ends without a response (the connection failed, the attempt timed out).
    func didFail(_ error: any Error, context: RequestHookContext) async
    /// Called when the client will try again: the error of the attempt that failed and the wait before the next.
    func willRetry(after delay: Duration, error: any Error, context: RequestHookContext) async
}

extension RequestHook {
    /// Does nothing, so hooks implement only what they need.
    public func didResolveEndpoint(_ endpoint: URL, region: String, context: RequestHookContext) async {}
    /// Does nothing, so hooks implement only what they need.
    public func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {}
    /// Does nothing, so hooks implement only what they need.
    public func didSign(_ request: HTTPRequest, context: RequestHookContext) async {}
    /// Does nothing, so hooks implement only what they need.
    public func didReceive(_ response: HTTPResponse, context: RequestHookContext) async {}
    /// Does nothing, so hooks implement only what they need.
    public func didFail(_ error: any Error, context: RequestHookContext) async {}
    /// Does nothing, so hooks implement only what they need.
    public func willRetry(after delay: Duration, error: any Error, context: RequestHookContext) async {}
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

/// A hook that logs calls to standard error (or wherever `write` sends lines), never the `Authorization` header,
/// tokens or bodies.
///
/// `.info` writes one line per request, response, transport failure and retry; `.debug` adds the resolved endpoint
/// and each request's signed headers (`Authorization` and tokens redacted).
public struct RequestLogger: RequestHook {
    /// How much the logger writes.
    public enum Level: Int, Sendable, Comparable {
        case info, debug

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private let level: Level
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - level: `.info` by default.
    ///   - write: where lines go; standard error by default.
    public init(level: Level = .info,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.level = level
        self.write = write
    }

    public func didResolveEndpoint(_ endpoint: URL, region: String, context: RequestHookContext) async {
        guard level >= .debug else { return }
        write("· \(context.operation): endpoint \(endpoint.absoluteString), region \(region)")
    }

    /// Logs the method, URL, `X-Amz-Target` and body size of the attempt.
    public func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
        let target = request.headers["X-Amz-Target"].map { " \($0)" } ?? ""
        write("→ \(context.operation) attempt \(context.attempt): \(request.method) \(request.url.absoluteString)\(target) (\(request.body.count) bytes)")
    }

    public func didSign(_ request: HTTPRequest, context: RequestHookContext) async {
        guard level >= .debug else { return }
        write("  signed headers: \(request.headers)")
    }

    /// Logs the status, request id and body size of the response.
    public func didReceive(_ response: HTTPResponse, context: RequestHookContext) async {
        let requestId = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"] ?? "-"
        write("← \(context.operation) attempt \(context.attempt): HTTP \(response.statusCode), request id \(requestId), \(response.body.count) bytes")
    }

    public func didFail(_ error: any Error, context: RequestHookContext) async {
        write("✗ \(context.operation) attempt \(context.attempt): \(error)")
    }

    public func willRetry(after delay: Duration, error: any Error, context: RequestHookContext) async {
        write("↻ \(context.operation): retrying after attempt \(context.attempt) in \(String(format: "%.3f", delay.seconds)) s")
    }
}
