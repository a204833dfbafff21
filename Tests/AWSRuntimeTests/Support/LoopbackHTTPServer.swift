import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@testable import AWSRuntime

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: real sockets on an ephemeral port, scripted responses,
/// every request recorded.
///
/// One connection at a time, `Connection: close` on every answer. It is bounded: it stops itself after
/// `lifetime` or `maxRequests`, so a forgotten `stop()` cannot hang the test run.
final class LoopbackHTTPServer: @unchecked Sendable {
    /// A request as the server received it.
    struct RecordedRequest: Sendable, Equatable {
        var method: String
        /// The request target: path and query as sent.
        var target: String
        var headers: HTTPHeaders
        var body: Data
    }

    /// What to send back.
    enum Reply: Sendable {
        /// A well-formed HTTP response.
        case response(HTTPResponse)
        /// Raw bytes instead of HTTP (to test garbage handling).
        case raw(Data)
        /// Close the connection without answering.
        case close
        /// Wait, then answer (to test timeouts).
        indirect case delayed(Duration, Reply)
        /// A 200 whose body arrives one byte per `interval`: never idle, but slow (to test whole-attempt limits).
        case trickle(bodyBytes: Int, interval: Duration)
        /// `head` (status line and headers, blank line included), then `chunk` again and again until the client
        /// goes away or the server stops (to test body limits).
        case endless(head: String, chunk: Data)
        /// `bytes`, then a reset (RST, not FIN: `SO_LINGER` 0) instead of the rest of the response.
        case reset(after: Data)
        /// `bytes` (a whole response, or part of one), `chunk` bytes per `interval`, then an orderly close:
        /// slow status lines and headers as well as slow bodies.
        case slowly(Data, chunk: Int, interval: Duration)

        static func status(_ code: Int, _ body: String = "", headers: HTTPHeaders = [:]) -> Reply {
            .response(HTTPResponse(statusCode: code, headers: headers, body: Data(body.utf8)))
        }
    }

    typealias Responder = @Sendable (RecordedRequest) -> Reply

    /// The port the server listens on.
    let port: Int
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    // `listener`, `responder`, limits: immutable after init. `recorded`, `served` and `stopping` are guarded by
    // `lock`.
    private let listener: Int32
    private let responder: Responder
    private let maxRequests: Int
    private let deadline: ContinuousClock.Instant
    private let lock = NSLock()
    private var recorded: [RecordedRequest] = []
    private var served = 0
    private let recordsRequests: Bool
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening and serving on a background thread.
    /// - Parameter recordsRequests: false for long runs (the fuzzer), so memory does not grow with every request.
    init(lifetime: Duration = .seconds(30), maxRequests: Int = 100, recordsRequests: Bool = true,
         responder: @escaping Responder) throws {
        self.responder = responder
        self.recordsRequests = recordsRequests
        self.maxRequests = maxRequests
        self.deadline = ContinuousClock.now + lifetime
        (listener, port) = try LoopbackListener.open(backlog: 16)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// A server that answers each request from `replies` in order, then 500.
    convenience init(replies: [Reply]) throws {
        let queue = ReplyQueue(replies)
        try self.init(maxRequests: max(1, replies.count + 10)) { _ in queue.next() }
    }

    deinit { stop() }

    /// Every request received so far.
    var requests: [RecordedRequest] { lock.withLock { recorded } }

    /// Stops serving and waits for the server thread to finish.
    func stop() {
        let wasRunning = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        if wasRunning { finished.wait() }
    }

    private var shouldStop: Bool {
        lock.withLock { stopping || served >= maxRequests } || ContinuousClock.now >= deadline
    }

    private func serve() {
        defer {
            close(listener)
            lock.withLock { stopping = true }
            finished.signal()
        }
        while !shouldStop {
            var pollDescriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pollDescriptor, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        guard let request = readRequest(connection) else { return }
        lock.withLock {
            served += 1
            if recordsRequests { recorded.append(request) }
        }
        var reply = responder(request)
        while case .delayed(let delay, let inner) = reply {
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            reply = inner
        }
        switch reply {
        case .response(let response):
            var head = "HTTP/1.1 \(response.statusCode) \(response.statusCode == 200 ? "OK" : "Status")\r\n"
            for field in response.headers { head += "\(field.name): \(field.value)\r\n" }
            head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
            write(connection, Data(head.utf8) + response.body)
        case .raw(let bytes):
            write(connection, bytes)
        case .trickle(let count, let interval):
            write(connection, Data("HTTP/1.1 200 OK\r\nContent-Length: \(count)\r\nConnection: close\r\n\r\n".utf8))
            for _ in 0..<count where !shouldStop {
                Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
                write(connection, Data("x".utf8))
            }
        case .endless(let head, let chunk):
            write(connection, Data(head.utf8))
            while !shouldStop, write(connection, chunk) {}
        case .reset(let bytes):
            write(connection, bytes)
            resetOnClose(connection)
        case .slowly(let bytes, let chunk, let interval):
            var offset = bytes.startIndex
            while offset < bytes.endIndex, !shouldStop {
                let end = bytes.index(offset, offsetBy: max(1, chunk), limitedBy: bytes.endIndex) ?? bytes.endIndex
                guard write(connection, bytes[offset..<end]) else { break }
                offset = end
                Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
            }
        case .close, .delayed:
            return
        }
    }

    /// Makes the coming `close` send a reset instead of an orderly shutdown.
    private func resetOnClose(_ connection: Int32) {
        var linger = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
    }

    /// Reads one request: head up to the blank line, then `Content-Length` bytes of body. Gives up after
    /// two seconds of silence or 1 MiB.
    private func readRequest(_ connection: Int32) -> RecordedRequest? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        var headEnd: Range<Data.Index>?
        var expectedLength: Int?
        while buffer.count < 1 << 20 {
            if let headEnd, let expectedLength, buffer.count - headEnd.upperBound >= expectedLength { break }
            var pollDescriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&pollDescriptor, 1, 2000) > 0 else { return nil }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            buffer.append(contentsOf: chunk[0..<count])
            if headEnd == nil, let end = buffer.range(of: Data("\r\n\r\n".utf8)) {
                headEnd = end
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                expectedLength = head.split(separator: "\r\n").dropFirst().compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                    return Int(parts[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 0
            }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n")
        guard let requestLine = lines.first?.split(separator: " "), requestLine.count >= 2 else { return nil }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            headers.add(name: String(parts[0]), value: parts[1].trimmingCharacters(in: .whitespaces))
        }
        return RecordedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
            body: Data(buffer[headEnd.upperBound...]))
    }

    /// Sends all of `data`; false when the client has gone.
    @discardableResult
    private func write(_ connection: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let sent = send(connection, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }
}

/// Replies handed out in order, shared between the server thread and the test.
private final class ReplyQueue: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var replies: [LoopbackHTTPServer.Reply]

    init(_ replies: [LoopbackHTTPServer.Reply]) {
        self.replies = replies
    }

    func next() -> LoopbackHTTPServer.Reply {
        lock.withLock { replies.isEmpty ? .status(500, "no more scripted replies") : replies.removeFirst() }
    }
}

enum LoopbackHTTPServerError: Error {
    case socket(String, Int32)
}
