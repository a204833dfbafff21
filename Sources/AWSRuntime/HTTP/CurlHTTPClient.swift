#if os(Linux)
import CCurl
import Foundation

/// The default transport on Linux: libcurl, driven directly rather than through FoundationNetworking.
///
/// FoundationNetworking stops the whole process (`Fatal error: Transfer completed, but there's no response.`,
/// swift-corelibs-foundation #5285) when a connection closes in the middle of the response headers, and it
/// inflates `gzip` bodies ahead of its delegate, so a decompression bomb fills memory before a limit can act.
/// Here both are ordinary, typed failures. The library is the `libcurl.so.4` FoundationNetworking itself
/// links, opened at run time: nothing to install, no headers needed to build.
///
/// Like ``URLSessionHTTPClient``: redirects are never followed
/// (``HTTPClientError/redirectNotFollowed(statusCode:location:)``), a body past ``maximumResponseBodySize``
/// after decoding fails with ``HTTPClientError/responseTooLarge(limit:)`` (checked on every block libcurl
/// decodes, so memory stays within the limit), cancelling the calling task cancels the transfer, and the
/// whole attempt must finish within the timeout. Connections are kept and reused between requests.
///
/// Where `libcurl.so.4` cannot be opened (a fully static binary), requests go through
/// ``URLSessionHTTPClient`` instead, with the same limits.
public final class CurlHTTPClient: HTTPClient {
    /// The most body bytes one response may have once decoded; more fails the request.
    public let maximumResponseBodySize: Int

    private let pool = CurlHandlePool()
    private let loadsLibcurl: @Sendable () -> Bool
    private let fallback = LockedValue<URLSessionHTTPClient?>(nil)

    /// - Parameter maximumResponseBodySize: the most body bytes a response may have after content decoding.
    public convenience init(maximumResponseBodySize: Int = URLSessionHTTPClient.defaultMaximumResponseBodySize) {
        self.init(maximumResponseBodySize: maximumResponseBodySize, loadsLibcurl: { ccurl_load() == 0 })
    }

    /// `loadsLibcurl` opens libcurl and tells whether that worked (tests pretend it does not).
    init(maximumResponseBodySize: Int, loadsLibcurl: @escaping @Sendable () -> Bool) {
        self.maximumResponseBodySize = max(0, maximumResponseBodySize)
        self.loadsLibcurl = loadsLibcurl
    }

    /// Sends `request` and reads the whole response; the whole attempt must finish within `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        guard loadsLibcurl() else {
            let client = fallback.withLock { client in
                if client == nil { client = URLSessionHTTPClient(maximumResponseBodySize: maximumResponseBodySize) }
                return client!
            }
            return try await client.send(request, timeout: timeout)
        }
        if Task.isCancelled { throw HTTPClientError.cancelled }
        let handles = try pool.acquire()
        let transfer = CurlTransfer(request: request, limit: maximumResponseBodySize, handles: handles)
        // libcurl's own timeout is set too; this one also ends a transfer stuck in name resolution. A streamed
        // body has no whole-attempt limit (it takes as long as it takes): the transfer times each idle wait instead.
        let deadline = Task {
            guard request.bodyStream == nil else { return }
            try await Task.sleep(for: timeout)
            transfer.stop(.expired)
        }
        defer { deadline.cancel() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) in
                // The transfer blocks in poll(2): it runs on a worker thread, never one of the cooperative pool.
                BlockingWorkers.shared.run {
                    continuation.resume(returning: transfer.run(timeout: timeout))
                }
            }
        } onCancel: {
            transfer.stop(.cancelled)
        }
        pool.release(handles)
        if case .failure = result, let cause = transfer.requestBodyFailure { throw cause }
        return try result.get()
    }

    /// Streams request bodies from files and sequences, and response bodies as they arrive.
    public var streamsBodies: Bool { loadsLibcurl() }

    /// Sends `request` and returns once the response headers are in; the body follows in
    /// ``HTTPResponse/bodyStream``, at most a MiB of it read ahead of its reader. `timeout` bounds the wait
    /// for the headers and then every wait for more body bytes.
    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        guard loadsLibcurl() else { return try await send(request, timeout: timeout) }
        if Task.isCancelled { throw HTTPClientError.cancelled }
        let handles = try pool.acquire()
        let channel = ResponseBodyChannel()
        let handOver = StreamHandOver()
        let transfer = CurlTransfer(
            request: request, limit: maximumResponseBodySize, handles: handles, responseChannel: channel,
            deliverHeaders: { statusCode, headers in
                // libcurl decodes `gzip` and `deflate`: the stated length is then not what the reader gets.
                let encoded = headers["Content-Encoding"].map { !$0.isEmpty && $0.lowercased() != "identity" } ?? false
                let length = encoded ? nil : headers["Content-Length"].flatMap { Int64($0) }
                let body = ByteStream(source: .response(ResponseBodyReader(channel: channel, length: length)))
                handOver.resume(with: .success(HTTPResponse(statusCode: statusCode, headers: headers, bodyStream: body)))
            })
        channel.setOnReaderClose { transfer.stop(.readerClosed) }
        let deadline = Task {
            try await Task.sleep(for: timeout)
            if !transfer.deliveredHeaders { transfer.stop(.expired) }
        }
        defer { deadline.cancel() }
        let pool = self.pool
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                handOver.set(continuation)
                BlockingWorkers.shared.run {
                    let result = transfer.run(timeout: timeout)
                    pool.release(handles)
                    switch result {
                    case .success(let response):
                        // Headers already handed over: the body ends; otherwise (never for a final status) it is the whole response.
                        handOver.resume(with: .success(response))
                        channel.finish()
                    case .failure(let error):
                        let cause = transfer.requestBodyFailure ?? error
                        handOver.resume(with: .failure(cause))
                        channel.finish(throwing: cause)
                    }
                }
            }
        } onCancel: {
            // Before the headers: the call is cancelled. After them, the body's reader decides (see ByteStream).
            if !transfer.deliveredHeaders { transfer.stop(.cancelled) }
        }
    }
}

/// Resumes the caller of ``CurlHTTPClient/stream(_:timeout:)`` once: with the headers, or with the failure
/// that came first.
private final class StreamHandOver: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var early: Result<HTTPResponse, any Error>?
    private var resumed = false

    func set(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let early: Result<HTTPResponse, any Error>? = lock.withLock {
            if let early = self.early { return early }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func resume(with result: Result<HTTPResponse, any Error>) {
        let continuation: CheckedContinuation<HTTPResponse, any Error>? = lock.withLock {
            guard !resumed else { return nil }
            resumed = true
            guard let continuation = self.continuation else {
                early = result
                return nil
            }
            return continuation
        }
        continuation?.resume(with: result)
    }
}

/// A libcurl multi handle and the easy handle it drives; kept together so the connection cache of the multi
/// handle serves the next request.
final class CurlHandles: @unchecked Sendable {
    // Used by one transfer at a time (the pool hands them out); `ccurl_multi_wakeup` is thread-safe.
    let multi: UnsafeMutableRawPointer
    let easy: UnsafeMutableRawPointer

    init() throws {
        guard let multi = ccurl_multi_init() else { throw HTTPClientError.connectionFailed("curl_multi_init failed") }
        guard let easy = ccurl_easy_init() else {
            ccurl_multi_cleanup(multi)
            throw HTTPClientError.connectionFailed("curl_easy_init failed")
        }
        self.multi = multi
        self.easy = easy
    }

    deinit {
        ccurl_easy_cleanup(easy)
        ccurl_multi_cleanup(multi)
    }
}

/// Idle handles (and so open connections) for reuse; a few are kept, the rest closed.
final class CurlHandlePool: @unchecked Sendable {
    private static let keptIdle = 8
    // Guarded by `lock`.
    private let lock = NSLock()
    private var idle: [CurlHandles] = []

    func acquire() throws -> CurlHandles {
        if let handles = lock.withLock({ idle.popLast() }) { return handles }
        return try CurlHandles()
    }

    func release(_ handles: CurlHandles) {
        lock.withLock {
            if idle.count < Self.keptIdle { idle.append(handles) }
        }
    }
}
#endif
