import AWSRuntime
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the listening socket could not be opened (used by `LoopbackListener`).
enum LoopbackHTTPServerError: Error {
    case socket(String, Int32)
}

/// A loopback HTTP/1.1 server that speaks event streams as AWS does: it answers at once with the response headers
/// and a chunked body of event messages, while it reads the request body (an event stream when it is chunked),
/// checking each message's chained SigV4 event signature as the service would.
final class EventStreamServer: @unchecked Sendable {
    /// What the server saw of the request's event stream.
    struct Received: Sendable {
        var headers: [String: String] = [:]
        /// Events inside signed envelopes whose signatures checked out, in order.
        var events: [EventStreamMessage] = []
        /// Whether the empty envelope that ends a stream arrived, signed.
        var sawEnd = false
        var failures: [String] = []
        /// Whether writing the response failed because the client closed the connection.
        var clientClosed = false
    }

    /// What to answer: response messages, written as fast as the client reads them.
    enum Answer: Sendable {
        case messages([Data])
        /// The message for index `i`, forever, until the client goes away.
        case endless(@Sendable (Int) -> Data)
        /// One message answering each event received (its index and the event), sent as soon as it is read.
        case echo(@Sendable (Int, EventStreamMessage) -> Data)
    }

    let port: Int
    var endpoint: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let answer: Answer
    private let secretAccessKey: String
    private let region: String
    private let service: String
    private let lock = NSLock()
    private var state = Received()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private let handled = DispatchSemaphore(value: 0)

    init(answer: Answer, secretAccessKey: String, region: String, service: String) throws {
        self.answer = answer
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.service = service
        (listener, port) = try LoopbackListener.open(backlog: 4)
        Thread { [self] in serve() }.start()
    }

    deinit { stop() }

    /// What arrived so far.
    var received: Received { lock.withLock { state } }

    /// Waits until the first connection has been handled to its end, for at most `seconds`.
    func waitForConnection(seconds: Double) -> Bool {
        handled.wait(timeout: .now() + seconds) == .success
    }

    func stop() {
        let wasRunning = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        if wasRunning { finished.wait() }
    }

    private var shouldStop: Bool { lock.withLock { stopping } }

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
            handled.signal()
        }
    }

    private func handle(_ connection: Int32) {
        var reader = SocketReader(connection: connection, shouldStop: { [self] in shouldStop })
        guard let head = reader.readHead() else { return }
        var headers: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        lock.withLock { state.headers = headers }

        // The response starts at once, before the request body has arrived: the stream is duplex.
        let responseHead = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.amazon.eventstream\r\n"
            + "Transfer-Encoding: chunked\r\nx-amzn-RequestId: loopback-request\r\n\r\n"
        guard write(connection, Data(responseHead.utf8)) else { return }
        if case .echo(let reply) = answer {
            // Each answer depends on an event received, so the two directions must be open at once.
            readEvents(&reader, seed: Self.signature(inAuthorization: headers["authorization"] ?? "")) { index, event in
                let message = reply(index, event)
                let chunk = Data(String(message.count, radix: 16).utf8) + Data("\r\n".utf8) + message + Data("\r\n".utf8)
                if !write(connection, chunk) { noteClosed() }
            }
            _ = write(connection, Data("0\r\n\r\n".utf8))
            return
        }
        let requestDone = DispatchSemaphore(value: 0)
        let writerDone = DispatchSemaphore(value: 0)
        Thread { [self] in
            writeAnswer(connection, requestDone: requestDone)
            writerDone.signal()
        }.start()

        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            readEvents(&reader, seed: Self.signature(inAuthorization: headers["authorization"] ?? ""))
        } else if let length = headers["content-length"].flatMap(Int.init) {
            _ = reader.readBody(length) { _ in }
        }
        requestDone.signal()
        writerDone.wait()
    }

    /// Writes the answer's messages as chunks (a few per chunk), then the last chunk once the request has been read.
    private func writeAnswer(_ connection: Int32, requestDone: DispatchSemaphore) {
        var batch = Data()
        func flush() -> Bool {
            defer { batch.removeAll(keepingCapacity: true) }
            return batch.isEmpty || write(connection, Data(String(batch.count, radix: 16).utf8) + Data("\r\n".utf8) + batch + Data("\r\n".utf8))
        }
        switch answer {
        case .messages(let messages):
            for message in messages {
                batch += message
                if batch.count >= 32 * 1024, !flush() { return noteClosed() }
            }
        case .echo:
            break
        case .endless(let make):
            var index = 0
            while !shouldStop {
                batch += make(index)
                index += 1
                if batch.count >= 4 * 1024, !flush() { return noteClosed() }
            }
        }
        guard flush() else { return noteClosed() }
        _ = requestDone.wait(timeout: .now() + 30)
        _ = write(connection, Data("0\r\n\r\n".utf8))
    }

    private func noteClosed() {
        lock.withLock { state.clientClosed = true }
    }

    /// Reads the chunked request body as event messages and checks each envelope's signature against the chain.
    private func readEvents(
        _ reader: inout SocketReader, seed: String, onEvent: (Int, EventStreamMessage) -> Void = { _, _ in }
    ) {
        var decoder = EventStreamDecoder()
        var prior = seed
        while let chunk = reader.readChunk() {
            decoder.append(chunk)
            do {
                while let envelope = try decoder.next() {
                    guard let signature = verify(envelope, prior: prior) else {
                        lock.withLock { state.failures.append("a message's signature does not check out") }
                        return
                    }
                    prior = signature
                    if envelope.payload.isEmpty {
                        lock.withLock { state.sawEnd = true }
                        continue
                    }
                    for event in try EventStreamDecoder.decodeAll(envelope.payload) {
                        let index = lock.withLock {
                            state.events.append(event)
                            return state.events.count - 1
                        }
                        onEvent(index, event)
                    }
                }
            } catch {
                lock.withLock { state.failures.append("the request body is not an event stream: \(error)") }
                return
            }
        }
    }

    /// The envelope's signature (hex) when it is the one the chain calls for; nil otherwise.
    private func verify(_ envelope: EventStreamMessage, prior: String) -> String? {
        guard case .timestamp(let date)? = envelope[header: ":date"],
              case .bytes(let sent)? = envelope[header: ":chunk-signature"] else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let amzDate = formatter.string(from: date)
        let day = String(amzDate.prefix(8))
        var key = HMAC.authenticationCode(for: Data(day.utf8), key: Data(("AWS4" + secretAccessKey).utf8)).bytes
        for part in [region, service, "aws4_request"] {
            key = HMAC.authenticationCode(for: Data(part.utf8), key: key).bytes
        }
        // The `:date` header alone, as the wire has it: between the prelude and the (empty) payload of a message
        // holding only it.
        guard let framed = try? EventStreamEncoder().encode(EventStreamMessage(
            headers: [EventStreamHeader(name: ":date", value: .timestamp(date))])) else { return nil }
        let headerBytes = framed[framed.startIndex + 12..<framed.endIndex - 4]
        let stringToSign = ["AWS4-HMAC-SHA256-PAYLOAD", amzDate, "\(day)/\(region)/\(service)/aws4_request", prior,
                            SHA256.hash(headerBytes).hexString, SHA256.hash(envelope.payload).hexString].joined(separator: "\n")
        let expected = HMAC.authenticationCode(for: Data(stringToSign.utf8), key: key)
        return Data(expected.bytes) == sent ? expected.hexString : nil
    }

    static func signature(inAuthorization header: String) -> String {
        guard let range = header.range(of: "Signature=") else { return "" }
        return String(header[range.upperBound...].prefix { $0.isHexDigit })
    }

    private func write(_ connection: Int32, _ data: Data) -> Bool {
        sendAll(connection, data, shouldStop: { [self] in shouldStop })
    }
}
