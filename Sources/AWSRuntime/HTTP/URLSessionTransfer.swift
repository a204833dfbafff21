import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request in flight on ``URLSessionHTTPClient``: collects the response as it arrives, enforces the body
/// limit, and resumes the caller exactly once.
final class URLSessionTransfer: @unchecked Sendable {
    /// Why the transfer was stopped before it completed on its own.
    enum StopReason: Equatable {
        case cancelled
        case expired
        case tooLarge
        case redirect(statusCode: Int, location: String?)
    }

    private let limit: Int
    // Everything below is guarded by `lock`; @unchecked Sendable relies on that.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var task: URLSessionTask?
    private var response: HTTPURLResponse?
    private var body = Data()
    private var stopReason: StopReason?

    init(limit: Int) {
        self.limit = limit
    }

    func begin(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Cancellation or the deadline may come before the task exists: then it is cancelled as it is attached.
    func attach(_ task: URLSessionTask) {
        let stopNow = lock.withLock {
            self.task = task
            return stopReason != nil
        }
        if stopNow { task.cancel() }
    }

    /// A refused redirect: the task completes with the 3xx response, which is reported as this error.
    func refuseRedirect(statusCode: Int, location: String?) {
        lock.withLock {
            if stopReason == nil { stopReason = .redirect(statusCode: statusCode, location: location) }
        }
    }

    /// Stops the transfer; the first reason wins, and is what the caller is told.
    func stop(_ reason: StopReason) {
        let task: URLSessionTask? = lock.withLock {
            if stopReason == nil { stopReason = reason }
            return self.task
        }
        task?.cancel()
    }

    /// The response head; false when its announced length is already over the limit.
    func receive(_ response: URLResponse) -> Bool {
        let tooLarge = lock.withLock {
            self.response = response as? HTTPURLResponse
            return response.expectedContentLength > Int64(limit)
        }
        if tooLarge { stop(.tooLarge) }
        return !tooLarge
    }

    /// Body bytes as they arrive (already decoded from `gzip` / `deflate`); past the limit the transfer stops
    /// and what was read is dropped.
    func receive(_ data: Data) {
        let tooLarge = lock.withLock {
            guard stopReason == nil else { return false }
            guard data.count <= limit - body.count else {
                body = Data()
                return true
            }
            body.append(data)
            return false
        }
        if tooLarge { stop(.tooLarge) }
    }

    /// The task finished, failed or was cancelled: resumes the caller with the response or a typed error.
    func complete(error: (any Error)?, taskResponse: URLResponse?) {
        let (continuation, result): (CheckedContinuation<HTTPResponse, any Error>?, Result<HTTPResponse, HTTPClientError>) =
            lock.withLock {
                defer {
                    self.continuation = nil
                    body = Data()
                }
                return (self.continuation, outcome(error: error, taskResponse: taskResponse))
            }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }

    private func outcome(error: (any Error)?, taskResponse: URLResponse?) -> Result<HTTPResponse, HTTPClientError> {
        switch stopReason {
        case .cancelled: return .failure(.cancelled)
        case .expired: return .failure(.timedOut)
        case .tooLarge: return .failure(.responseTooLarge(limit: limit))
        case .redirect(let statusCode, let location):
            return .failure(.redirectNotFollowed(statusCode: statusCode, location: location))
        case nil: break
        }
        if let error { return .failure(Self.transportError(error)) }
        guard let http = response ?? taskResponse as? HTTPURLResponse else {
            return .failure(.connectionFailed("no HTTP response"))
        }
        return .success(HTTPResponse(statusCode: http.statusCode, headers: Self.headers(of: http), body: body))
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

/// The session delegate of ``URLSessionHTTPClient``: hands each task's events to its ``URLSessionTransfer``
/// and refuses every redirect.
final class URLSessionTransferRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var transfers: [Int: URLSessionTransfer] = [:]

    func register(_ transfer: URLSessionTransfer, for task: URLSessionTask) {
        lock.withLock { transfers[task.taskIdentifier] = transfer }
    }

    private func transfer(for task: URLSessionTask) -> URLSessionTransfer? {
        lock.withLock { transfers[task.taskIdentifier] }
    }

    /// Following would send the signed headers and the body to wherever `Location` points, even from https
    /// to http: the redirect is refused and the request fails with the status and target.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        transfer(for: task)?.refuseRedirect(statusCode: response.statusCode, location: Self.origin(of: request.url))
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let proceed = transfer(for: dataTask)?.receive(response) ?? false
        completionHandler(proceed ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        transfer(for: dataTask)?.receive(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let transfer = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier) }
        transfer?.complete(error: error, taskResponse: task.response)
    }

    /// Scheme, host and port of a redirect target: enough to recognise it, without a path or query that may
    /// carry a token.
    private static func origin(of url: URL?) -> String? {
        guard let url, let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
