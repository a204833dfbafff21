import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@testable import AWSRuntime

/// A loopback HTTP/1.1 server for streamed bodies: it reads request bodies of any size (by `Content-Length` or
/// chunked) without keeping them, only their length and SHA-256, and answers with a generated body of any size,
/// written as fast as the client takes it, so a test can see what the client holds in memory.
final class BulkHTTPServer: @unchecked Sendable {
    /// What arrived.
    struct Received: Sendable {
        var method: String
        var headers: HTTPHeaders
        var bodyLength: Int
        var bodySHA256: String
        var wasChunked: Bool
    }

    /// What to answer.
    struct Answer: Sendable {
        var statusCode = 200
        /// Body bytes to send (a repeating pattern; see ``BulkHTTPServer/pattern(count:)``).
        var bodyLength = 0
        /// Bytes sent before the server stops sending (but keeps the connection open), to test idle timeouts.
        var stallAfter: Int? = nil
        var headers: HTTPHeaders = [:]
    }

    let port: Int
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let listener: Int32
    private let answer: @Sendable (Received) -> Answer
    private let lock = NSLock()
    private var received: [Received] = []
    private var sent: [Int] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init(answer: @escaping @Sendable (Received) -> Answer) throws {
        self.answer = answer
        (listener, port) = try LoopbackListener.open(backlog: 4)
        Thread { [self] in serve() }.start()
    }

    deinit { stop() }

    /// The requests received so far.
    var requests: [Received] { lock.withLock { received } }
    /// Body bytes sent per answer, counted when its connection ended.
    var bytesSent: [Int] { lock.withLock { sent } }

    func stop() {
        let wasRunning = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        if wasRunning { finished.wait() }
    }

    private var shouldStop: Bool { lock.withLock { stopping } }

    /// Generated bodies repeat these bytes (a prime length, so blocks never line up with it), twice over so any
    /// `period` bytes from any offset are one slice.
    static let period = 65_521
    private static let table: [UInt8] = {
        let once = (0..<period).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        return once + once
    }()

    /// Byte `i` of every generated body.
    static func byte(at index: Int) -> UInt8 { table[index % period] }

    /// `count` bytes of every generated body from `offset` on.
    static func pattern(from offset: Int = 0, count: Int) -> Data {
        var data = Data(capacity: count)
        var position = offset
        while data.count < count {
            let start = position % period
            let take = min(period, count - data.count)
            table.withUnsafeBytes { data.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[start..<(start + take)])) }
            position += take
        }
        return data
    }

    private func serve() {
        defer {
            close(listener)
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
        var reader = SocketReader(connection: connection, shouldStop: { [self] in shouldStop })
        guard let head = reader.readHead() else { return }
        let lines = head.split(separator: "\r\n")
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers.add(name: String(parts[0]), value: parts[1].trimmingCharacters(in: .whitespaces)) }
        }
        var hasher = SHA256()
        var length = 0
        let chunked = headers["Transfer-Encoding"]?.lowercased() == "chunked"
        if chunked {
            while let chunk = reader.readChunk() {
                hasher.update(chunk)
                length += chunk.count
            }
        } else if let expected = headers["Content-Length"].flatMap(Int.init) {
            guard reader.readBody(expected, into: { hasher.update(bufferPointer: $0); length += $0.count }) else { return }
        }
        let request = Received(
            method: String(lines.first?.split(separator: " ").first ?? ""), headers: headers, bodyLength: length,
            bodySHA256: hasher.finalize().hexString, wasChunked: chunked)
        lock.withLock { received.append(request) }
        let reply = answer(request)
        var head2 = "HTTP/1.1 \(reply.statusCode) Status\r\nContent-Length: \(reply.bodyLength)\r\nConnection: close\r\n"
        for field in reply.headers { head2 += "\(field.name): \(field.value)\r\n" }
        guard write(connection, Array((head2 + "\r\n").utf8)) else { return }
        var offset = 0
        defer { lock.withLock { sent.append(offset) } }
        while offset < reply.bodyLength, !shouldStop {
            if let stall = reply.stallAfter, offset >= stall {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            let count = min(64 * 1024, reply.bodyLength - offset, (reply.stallAfter ?? .max) - offset)
            guard write(connection, [UInt8](Self.pattern(from: offset, count: count))) else { return }
            offset += count
        }
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        sendAll(connection, bytes, shouldStop: { [self] in shouldStop })
    }
}
