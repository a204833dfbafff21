import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport: Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// Cancelling the calling task cancels the request in flight; a response slower than the timeout fails
/// with ``HTTPClientError/timedOut``.
public final class URLSessionHTTPClient: HTTPClient {
    private let session: URLSession

    /// - Parameter session: the session to use; an ephemeral one (no cookies, no cache) by default.
    public init(session: URLSession? = nil) {
        if let session {
            self.session = session
        } else {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            self.session = URLSession(configuration: configuration)
        }
    }

    /// Sends `request` and reads the whole response; the whole attempt must finish within `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = max(0.001, timeout.seconds)
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            urlRequest.httpBody = request.body
        }
        let box = TaskBox()
        // URLSession's own timeout only limits idle time; this deadline limits the whole attempt, so a response
        // that trickles in slowly still ends on time.
        let deadline = Task {
            try await Task.sleep(for: timeout)
            box.expire()
        }
        defer { deadline.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        continuation.resume(throwing: box.hasExpired ? HTTPClientError.timedOut : Self.transportError(error))
                        return
                    }
                    guard let http = response as? HTTPURLResponse else {
                        continuation.resume(throwing: HTTPClientError.connectionFailed("no HTTP response"))
                        return
                    }
                    continuation.resume(returning: HTTPResponse(
                        statusCode: http.statusCode, headers: Self.headers(of: http), body: data ?? Data()))
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }

    private static func headers(of response: HTTPURLResponse) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in response.allHeaderFields {
            guard let name = name as? String, let value = value as? String else { continue }
            headers.add(name: name, value: value)
        }
        return headers
    }

    private static func transportError(_ error: any Error) -> HTTPClientError {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else { return .connectionFailed(error.localizedDescription) }
        switch nsError.code {
        case NSURLErrorTimedOut: return .timedOut
        case NSURLErrorCancelled: return .cancelled
        default: return .connectionFailed(nsError.localizedDescription)
        }
    }
}

/// Holds the data task so the cancellation handler can reach it; cancellation may arrive before the task exists.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }

    private var expired = false

    /// The attempt's deadline passed: cancel, and report a timeout rather than a cancellation.
    func expire() {
        lock.lock()
        expired = true
        lock.unlock()
        cancel()
    }

    var hasExpired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return expired
    }
}
