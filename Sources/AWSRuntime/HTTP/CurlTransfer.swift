#if os(Linux)
import CCurl
import Foundation

/// One request on ``CurlHTTPClient``: configures the easy handle, runs it to the end on the calling thread,
/// and turns what arrived into a response or a typed error.
final class CurlTransfer: @unchecked Sendable {
    /// Why the transfer was stopped before it completed on its own.
    enum StopReason: Equatable {
        case cancelled
        case expired
        case tooLarge
        case headersTooLarge
        /// A streamed response's reader went away: nobody is told, the transfer just ends.
        case readerClosed
        /// A streamed response was a redirect (not followed).
        case redirected
    }

    /// Response headers beyond this are refused (libcurl's own limit per line is 100 KiB).
    static let maximumHeaderSize = 1 << 20

    /// The request; its body is let go as soon as the transfer ends (see ``run(timeout:)``).
    private var request: HTTPRequest
    private let limit: Int
    private let handles: CurlHandles

    // Written only by the transfer's own thread (the callbacks run on it).
    private var statusLine: String?
    private var headers = HTTPHeaders()
    private var headerBytes = 0
    private var headersComplete = false
    private var body = Data()
    /// A streamed request body, read as libcurl asks for it.
    private var upload: UploadBodyReader?
    /// Whether sending is paused because the body's sequence had nothing yet (an event stream waiting for the
    /// caller's next event): libcurl meanwhile goes on receiving, which is what makes a stream duplex.
    private var uploadPaused = false
    /// Whether receiving is paused because the reader is a MiB behind, in a transfer that must keep sending
    /// meanwhile (a duplex event stream): the thread is not parked in the body callback, so the upload goes on.
    private var downloadPaused = false
    /// When the response streams: where its body goes, and who is told once the headers are in.
    private let responseChannel: ResponseBodyChannel?
    private let deliverHeaders: (@Sendable (_ statusCode: Int, _ headers: HTTPHeaders) -> Void)?
    private var headersDelivered = false
    /// When body bytes last arrived (or the reader last made room), for a streamed body's idle timeout.
    private var lastProgress = ContinuousClock.now

    // Guarded by `lock`: set from other threads.
    private let lock = NSLock()
    private var stopReason: StopReason?
    private var finished = false

    /// A transfer of `request`; with `responseChannel`, the response body streams into it and
    /// `deliverHeaders` is called as soon as the final headers are in.
    init(request: HTTPRequest, limit: Int, handles: CurlHandles, responseChannel: ResponseBodyChannel? = nil,
         deliverHeaders: (@Sendable (_ statusCode: Int, _ headers: HTTPHeaders) -> Void)? = nil) {
        self.request = request
        self.limit = limit
        self.handles = handles
        self.responseChannel = responseChannel
        self.deliverHeaders = deliverHeaders
    }

    /// What the caller's body sequence threw when that ended the transfer (the transport reports it as it is,
    /// rather than as a connection failure).
    private(set) var requestBodyFailure: (any Error)? {
        get { lock.withLock { bodyFailure } }
        set { lock.withLock { bodyFailure = newValue } }
    }
    private var bodyFailure: (any Error)?

    /// Whether the response headers were handed over (the body then streams, and the outcome goes to the channel).
    var deliveredHeaders: Bool { lock.withLock { headersDeliveredFlag } }
    private var headersDeliveredFlag = false

    /// Stops the transfer; the first reason wins and is what the caller is told.
    func stop(_ reason: StopReason) {
        let upload = lock.withLock {
            if stopReason == nil { stopReason = reason }
            // Once the transfer has ended its handles may serve another request: leave them alone.
            if !finished { _ = ccurl_multi_wakeup(handles.multi) }
            return self.upload
        }
        // Wake a callback waiting on the body's reader or writer, so the transfer sees the stop.
        upload?.cancel()
        switch reason {
        case .cancelled: responseChannel?.finish(throwing: HTTPClientError.cancelled)
        case .expired: responseChannel?.finish(throwing: HTTPClientError.timedOut)
        default: break
        }
    }

    private var currentStopReason: StopReason? { lock.withLock { stopReason } }

    /// Wakes the transfer's poll, unless the transfer has ended (its handles may serve another request by now).
    private func wake() {
        lock.withLock {
            if !finished { _ = ccurl_multi_wakeup(handles.multi) }
        }
    }

    /// Runs the transfer to its end and returns the outcome.
    func run(timeout: Duration) -> Result<HTTPResponse, HTTPClientError> {
        // libcurl reads the body from the request's own bytes, which stay put for the whole transfer: a large
        // body (a 20 MiB layer part's JSON) is not copied again.
        if let stream = request.bodyStream {
            do {
                let reader = try UploadBodyReader(stream, idleTimeout: timeout)
                // New bytes wake the transfer's poll, so a paused send resumes at once.
                reader.onAvailable = { [weak self] in self?.wake() }
                // A duplex stream never parks the transfer's thread on a slow reader: the download pauses instead.
                if reader.readsWithoutWaiting { responseChannel?.onRoom = { [weak self] in self?.wake() } }
                lock.withLock { upload = reader }
            } catch {
                return .failure(.connectionFailed("the request body could not be read: \(error)"))
            }
        }
        let outcome = request.body.withUnsafeBytes { body in run(timeout: timeout, body: body) }
        // The transfer object outlives the call a little (the timeout task holds it until it wakes to its
        // cancellation): without this, the next call's body would be built while this one is still in memory.
        request.body = Data()
        request.bodyStream = nil
        // A transfer can end before its body was all read (the service answered early): stop the task reading it.
        let reader = lock.withLock { upload }
        reader?.cancel()
        // What the caller's sequence (or the events made from it: a `ValidationError`) threw is handed on as it is.
        if case .failure = outcome, let error = reader?.error, !(error is UploadBodyReader.IdleTimeout), !(error is ByteStreamError) {
            requestBodyFailure = error
        }
        lock.withLock { upload = nil }
        return outcome
    }

    private func run(timeout: Duration, body bodyBytes: UnsafeRawBufferPointer) -> Result<HTTPResponse, HTTPClientError> {
        defer { lock.withLock { finished = true } }
        let easy = handles.easy
        ccurl_easy_reset(easy)
        var headerList: UnsafeMutableRawPointer?
        for field in request.headers {
            // `Name;` is libcurl's spelling of a header with an empty value.
            headerList = ccurl_slist_append(headerList, field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        // No `Expect: 100-continue` round trip for large bodies; no `Accept: */*` the request did not ask for.
        headerList = ccurl_slist_append(headerList, "Expect:")
        if request.headers["Accept"] == nil { headerList = ccurl_slist_append(headerList, "Accept:") }
        defer { ccurl_slist_free_all(headerList) }

        let milliseconds = max(1, Int(timeout.components.seconds) * 1000 + Int(timeout.components.attoseconds / 1_000_000_000_000_000))
        let context = Unmanaged.passUnretained(self).toOpaque()
        var status = ccurl_set_defaults(easy, milliseconds)
        if status == 0 { status = ccurl_set_url(easy, request.url.absoluteString) }
        if status == 0 { status = ccurl_set_method(easy, request.method) }
        if status == 0, upload != nil {
            status = ccurl_set_upload(
                easy,
                { buffer, size, count, context in
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                    return transfer.sendBody(UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
                },
                context, request.bodyStream?.length ?? -1)
        } else if status == 0, !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            status = ccurl_set_body(easy, bodyBytes.baseAddress, Int64(request.body.count))
        }
        // A streamed body takes as long as it takes: only connecting and each idle wait are timed.
        if status == 0, responseChannel != nil || upload != nil { status = ccurl_set_streaming_timeouts(easy, milliseconds) }
        if status == 0 { status = ccurl_set_headers(easy, headerList) }
        if status == 0 {
            status = ccurl_set_callbacks(
                easy,
                { bytes, size, count, context in
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                    return transfer.receiveBody(UnsafeRawBufferPointer(start: bytes, count: size * count))
                },
                { bytes, size, count, context in
                    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                    return transfer.receiveHeader(UnsafeRawBufferPointer(start: bytes, count: size * count)) ? size * count : 0
                },
                context)
        }
        guard status == 0 else {
            return .failure(.connectionFailed("libcurl refused the request: \(Self.describe(status))"))
        }

        guard ccurl_multi_add(handles.multi, easy) == 0 else {
            return .failure(.connectionFailed("libcurl could not start the request"))
        }
        defer { _ = ccurl_multi_remove(handles.multi, easy) }
        var running: Int32 = 1
        var code: Int32 = 0
        // A streamed body has no whole-transfer limit: instead nothing may arrive or leave for `timeout`.
        let streams = responseChannel != nil || upload != nil
        lastProgress = .now
        while currentStopReason == nil {
            guard ccurl_multi_perform(handles.multi, &running) == 0 else {
                return .failure(.connectionFailed("libcurl failed while transferring"))
            }
            if running == 0 { break }
            _ = ccurl_multi_poll(handles.multi, 1000)
            let resumesUpload = uploadPaused && upload?.hasDataOrEnd == true
            let resumesDownload = downloadPaused && responseChannel?.hasRoomOrClosed == true
            if resumesUpload || resumesDownload {
                // One call resumes both directions; one still waiting pauses itself again in its callback.
                uploadPaused = false
                downloadPaused = false
                _ = ccurl_easy_unpause(easy)
            }
            // A reader that is behind is not an idle connection.
            if downloadPaused { lastProgress = .now }
            if streams, ContinuousClock.now - lastProgress > timeout { stop(.expired) }
        }
        let done = ccurl_multi_done(handles.multi, &code) == 1
        return outcome(code: done ? code : nil)
    }

    private func outcome(code: Int32?) -> Result<HTTPResponse, HTTPClientError> {
        switch currentStopReason {
        case .cancelled: return .failure(.cancelled)
        case .expired: return .failure(.timedOut)
        case .tooLarge: return .failure(.responseTooLarge(limit: limit))
        case .headersTooLarge:
            return .failure(.connectionFailed("the response headers are larger than \(Self.maximumHeaderSize) bytes"))
        case .readerClosed: return .failure(.cancelled)
        case .redirected:
            return .failure(.redirectNotFollowed(
                statusCode: ccurl_response_code(handles.easy), location: headers["Location"].flatMap { Self.origin(of: $0, from: request.url) }))
        case nil: break
        }
        if let error = upload?.error {
            if error is UploadBodyReader.IdleTimeout { return .failure(.timedOut) }
            return .failure(.connectionFailed("the request body could not be read: \(error)"))
        }
        guard let code else { return .failure(.connectionFailed("the transfer ended without a result")) }
        switch code {
        case 0: break
        case 28: return .failure(.timedOut)  // CURLE_OPERATION_TIMEDOUT
        default: return .failure(.connectionFailed(Self.describe(code)))
        }
        let statusCode = ccurl_response_code(handles.easy)
        guard headersComplete, statusCode > 0 else {
            return .failure(.connectionFailed("the connection closed before the response headers were complete"))
        }
        if (300..<400).contains(statusCode), let location = headers["Location"] {
            return .failure(.redirectNotFollowed(statusCode: statusCode, location: Self.origin(of: location, from: request.url)))
        }
        return .success(HTTPResponse(statusCode: statusCode, headers: headers, body: body))
    }

    /// One body block, already decoded from `gzip` / `deflate`: how many bytes were taken (all of them, 0 to stop
    /// the transfer, or `CURL_WRITEFUNC_PAUSE`).
    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard currentStopReason == nil else { return 0 }
        if let responseChannel, headersDelivered {
            if upload?.readsWithoutWaiting == true {
                switch responseChannel.offer(bytes) {
                case .taken: break
                case .full:
                    // libcurl keeps the block and offers it again once unpaused.
                    downloadPaused = true
                    return 0x1000_0001  // CURL_WRITEFUNC_PAUSE
                case .closed:
                    stop(.readerClosed)
                    return 0
                }
            } else if !responseChannel.write(bytes) {
                // `write` waits while the reader is a MiB behind: the connection waits with it.
                stop(.readerClosed)
                return 0
            }
            lastProgress = .now
            return bytes.count
        }
        guard bytes.count <= limit - body.count else {
            body = Data()
            stop(.tooLarge)
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// One header line, status lines included; false stops the transfer.
    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard currentStopReason == nil else { return false }
        headerBytes += bytes.count
        guard headerBytes <= Self.maximumHeaderSize else {
            stop(.headersTooLarge)
            return false
        }
        // Parsed as bytes: Foundation's `trimmingCharacters` goes through UTF-16 and cost more than the rest of
        // a loopback call's header handling.
        let line = Self.trimmed(bytes[...], dropping: [10, 13])
        if line.starts(with: Self.statusPrefix) {
            // A new status line: an interim `100 Continue` came first, or this is the final response.
            statusLine = String(decoding: line, as: UTF8.self)
            headers = HTTPHeaders()
            headersComplete = false
        } else if line.isEmpty {
            headersComplete = statusLine != nil
            if headersComplete, deliverHeaders != nil { return headersEnded() }
        } else if let colon = line.firstIndex(of: 58) {
            let name = String(decoding: Self.trimmed(line[..<colon], dropping: [32, 9]), as: UTF8.self)
            let value = String(decoding: Self.trimmed(line[(colon + 1)...], dropping: [32, 9]), as: UTF8.self)
            headers.add(name: name, value: value)
            if responseChannel == nil, name.lowercased() == "content-length", let length = Int(value), length > limit {
                stop(.tooLarge)
                return false
            }
        }
        return true
    }

    /// The final headers of a streamed response are in: hand them over, unless they are interim (1xx) or a
    /// redirect, which is refused here rather than streamed.
    private func headersEnded() -> Bool {
        // Handed over once: a blank line after trailers is not a second response.
        guard !headersDelivered else { return true }
        let statusCode = statusLine.flatMap { line in line.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        guard statusCode >= 200 else { return true }
        if (300..<400).contains(statusCode), headers["Location"] != nil {
            stop(.redirected)
            return false
        }
        headersDelivered = true
        lock.withLock { headersDeliveredFlag = true }
        lastProgress = .now
        deliverHeaders?(statusCode, headers)
        return true
    }

    /// Copies the next bytes of a streamed request body into libcurl's buffer; aborts the transfer when the
    /// body cannot be read.
    private func sendBody(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard currentStopReason == nil, let upload = lock.withLock({ self.upload }),
              let count = upload.read(into: buffer) else { return 0x1000_0000 }  // CURL_READFUNC_ABORT
        if count < 0 {
            // Nothing yet: pause sending (and keep receiving) until the sequence yields.
            uploadPaused = true
            return 0x1000_0001  // CURL_READFUNC_PAUSE
        }
        lastProgress = .now
        return count
    }

    private static let statusPrefix = Array("HTTP/".utf8)

    /// `bytes` without leading and trailing bytes from `set`.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>, dropping set: [UInt8])
        -> Slice<UnsafeRawBufferPointer>
    {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, set.contains(bytes[start]) { start += 1 }
        while end > start, set.contains(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func describe(_ code: Int32) -> String {
        ccurl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code)"
    }

    /// Scheme, host and port of a redirect target (resolved against the request's URL): enough to recognise
    /// it, without a path or query that may carry a token.
    private static func origin(of location: String, from base: URL) -> String? {
        guard let url = URL(string: location, relativeTo: base)?.absoluteURL, let scheme = url.scheme, let host = url.host
        else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
#endif
