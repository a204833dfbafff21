import Foundation

/// An operation output (awsJson) whose body is an event stream: its other members come in the stream's first
/// message, `initial-response`, and its event stream member reads the messages after it. The call returns once
/// the initial response is in.
public protocol EventStreamOutput: Decodable, Sendable {
    /// Sets the event stream member to the events of `response`'s body (what follows the initial response).
    mutating func readEvents(from response: HTTPResponseBindings)
}

/// Splits the `initial-response` message off the front of a streamed event-stream body.
enum InitialResponseSplitter {
    /// `response` with the initial response's payload (a JSON document of the output's other members) as its
    /// body, and the messages after it as its body stream; when the first message is something else, an empty
    /// body and the whole stream.
    static func split(_ response: HTTPResponse, operation: String, requestID: String?) async throws -> HTTPResponse {
        // A transport that cannot stream gave the whole body.
        let stream = response.bodyStream ?? ByteStream(response.body)
        let chunks = SharedIterator(stream.makeAsyncIterator())
        var decoder = EventStreamDecoder()
        var first: EventStreamMessage?
        do {
            while first == nil {
                first = try decoder.next()
                if first != nil { break }
                guard let chunk = try await chunks.next() else {
                    try decoder.finish()
                    break
                }
                decoder.append(chunk)
            }
        } catch let error as EventStreamError {
            throw ClientRuntimeError.invalidResponse(
                operation: operation, reason: "the event stream is malformed: \(error)", requestId: requestID,
                bodyExcerpt: "(event stream not shown)")
        }
        var split = response
        let isInitialResponse = first?.messageType == "event" && first?.eventType == "initial-response"
        split.body = isInitialResponse ? first?.payload ?? Data() : Data()
        // What the decoder holds past the first message, then the rest of the body; an unexpected first message
        // goes back in front.
        var prefix = isInitialResponse ? Data() : try first.map { try EventStreamEncoder().encode($0) } ?? Data()
        prefix += decoder.remainingBytes
        split.bodyStream = ByteStream(RestOfBody(prefix: prefix, rest: chunks), length: nil)
        return split
    }

    /// The body after the initial response: bytes already read, then the rest as it arrives. Read once: a second
    /// pass fails with ``ByteStreamError/concurrentRead``, and when the pass ends early (its reader dropped) the
    /// connection closes, as for any response body.
    private struct RestOfBody: AsyncSequence, Sendable {
        typealias Element = Data
        let prefix: Data
        let rest: SharedIterator

        func makeAsyncIterator() -> Iterator { Iterator(prefix: prefix, pass: rest.claim()) }

        struct Iterator: AsyncIteratorProtocol {
            var prefix: Data?
            let pass: Pass?

            mutating func next() async throws -> Data? {
                guard let pass else { throw ByteStreamError.concurrentRead }
                if let bytes = prefix {
                    prefix = nil
                    if !bytes.isEmpty { return bytes }
                }
                return try await pass.rest.next()
            }
        }
    }

    /// The one pass over the rest of the body: when it goes, the body's iterator goes with it.
    private final class Pass: Sendable {
        let rest: SharedIterator

        init(_ rest: SharedIterator) {
            self.rest = rest
        }

        deinit { rest.close() }
    }

    /// The response body's iterator, carried over from the initial response to the messages after it: read by the
    /// splitter, then by the one pass that claims it. Dropping it closes the connection.
    private final class SharedIterator: @unchecked Sendable {
        // `iterator` is read by one consumer at a time (the splitter, then the claimed pass); `claimed` is guarded
        // by `lock`.
        private var iterator: ByteStream.Iterator?
        private let lock = NSLock()
        private var claimed = false

        init(_ iterator: ByteStream.Iterator) {
            self.iterator = iterator
        }

        func next() async throws -> Data? { try await iterator?.next() }

        /// The pass over what follows; nil when one was taken already.
        func claim() -> Pass? {
            let first = lock.withLock {
                defer { claimed = true }
                return !claimed
            }
            return first ? Pass(self) : nil
        }

        func close() { iterator = nil }
    }
}
