import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// - Redirects are never followed: a signed request or a credential request answered with a 3xx fails with
///   ``HTTPClientError/redirectNotFollowed(statusCode:location:)``, so neither the `Authorization` header,
///   the session token nor the body reaches another host.
/// - A response body larger than ``maximumResponseBodySize`` (after `gzip`/`deflate` decoding) stops the
///   transfer as soon as the limit is passed and fails with ``HTTPClientError/responseTooLarge(limit:)``:
///   an endless or decompression-bomb body cannot exhaust memory.
/// - Cancelling the calling task cancels the request in flight; a response slower than the timeout fails
///   with ``HTTPClientError/timedOut``.
///
/// On Linux the default is ``CurlHTTPClient`` instead: FoundationNetworking stops the process when a connection
/// closes in the middle of the response headers (swift-corelibs-foundation #5285), and it reads and inflates
/// ahead of this client's delegate, so there the body limit acts late and a gzip bomb can fill memory first.
public final class URLSessionHTTPClient: HTTPClient {
    /// 64 MiB: far above any awsJson response (the largest, image manifests and policies, are a few MiB), far
    /// below what a server would need to send to hurt a process.
    public static let defaultMaximumResponseBodySize = 64 * 1024 * 1024

    /// The most body bytes one response may have once decoded; more fails the request.
    public let maximumResponseBodySize: Int

    private let session: URLSession

    /// - Parameters:
    ///   - configuration: the session settings; an ephemeral session (no cookies, no cache) by default. The
    ///     session's delegate is this client's own: it is what refuses redirects and enforces the body limit.
    ///   - maximumResponseBodySize: the most body bytes a response may have after content decoding.
    public init(
        configuration: URLSessionConfiguration? = nil,
        maximumResponseBodySize: Int = URLSessionHTTPClient.defaultMaximumResponseBodySize
    ) {
        let configuration = configuration ?? {
            let ephemeral = URLSessionConfiguration.ephemeral
            ephemeral.httpCookieStorage = nil
            ephemeral.urlCache = nil
            ephemeral.requestCachePolicy = .reloadIgnoringLocalCacheData
            return ephemeral
        }()
        self.maximumResponseBodySize = max(0, maximumResponseBodySize)
        self.session = URLSession(configuration: configuration, delegate: URLSessionTransferRouter(), delegateQueue: nil)
    }

    deinit {
        // The session holds its delegate until invalidated; tasks still running finish first.
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` and reads the whole response; the whole attempt must finish within `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        // FoundationNetworking truncates this to whole seconds (0.8 s would become 0, an immediate timeout); the
        // deadline below enforces the exact limit.
        urlRequest.timeoutInterval = max(1, timeout.seconds.rounded(.up))
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            urlRequest.httpBody = request.body
        }
        let transfer = URLSessionTransfer(limit: maximumResponseBodySize)
        // URLSession's own timeout only limits idle time; this deadline limits the whole attempt, so a response
        // that trickles in slowly still ends on time.
        let deadline = Task {
            try await Task.sleep(for: timeout)
            transfer.stop(.expired)
        }
        defer { deadline.cancel() }
        guard let router = session.delegate as? URLSessionTransferRouter else {
            preconditionFailure("the session was created with a URLSessionTransferRouter delegate")
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                transfer.begin(continuation)
                let task = session.dataTask(with: urlRequest)
                router.register(transfer, for: task)
                transfer.attach(task)
                task.resume()
            }
        } onCancel: {
            transfer.stop(.cancelled)
        }
    }
}
