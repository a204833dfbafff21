import Foundation

/// An input event stream as a request body: the caller's events, each encoded as a message as it is yielded.
///
/// The attempt loop signs each message (``EventStreamSigner``) and frames it once the request itself is signed,
/// since the request's signature seeds the chain.
public struct EventStreamRequestBody: Sendable {
    /// Starts the one pass over the events: the closure returned yields each as a message, then nil.
    let makeNext: @Sendable (_ validate: ValidationCheck?) -> (@Sendable () async throws -> EventStreamMessage?)
    /// Checks each event against the model's constraints before it is sent (the call's validation options).
    var validation: ValidationCheck?

    /// A check of one event: the violations it has, if any.
    public typealias ValidationCheck = @Sendable (any Validatable) -> ValidationError?

    /// The events of `stream`, written with `encodeDocument` (the protocol's body format) for their payloads.
    public init<Event: EventStreamUnion>(
        _ stream: AsyncEventStream<Event>, encodeDocument: @escaping @Sendable (any Encodable) throws -> Data
    ) {
        makeNext = { validate in
            let iterator = EventPass(stream.makeAsyncIterator())
            return {
                guard let event = try await iterator.next() else { return nil }
                // An invalid event never reaches the network: the stream (and the call) fails with its violations.
                if let validate, let checked = event as? any Validatable, let violations = validate(checked) {
                    throw violations
                }
                var writer = EventMessageWriter(encodeDocument: encodeDocument)
                try event.write(to: &writer)
                return writer.message
            }
        }
    }

    /// The events read to their end now, validated and encoded, for a transport that sends the body at once.
    func collected() async throws -> EventStreamRequestBody {
        let next = makeNext(validation)
        var messages: [EventStreamMessage] = []
        while let message = try await next() { messages.append(message) }
        return EventStreamRequestBody(messages: messages)
    }

    private init(messages: [EventStreamMessage]) {
        let stream = AsyncEventStream(messages)
        makeNext = { _ in
            let iterator = EventPass(stream.makeAsyncIterator())
            return { try await iterator.next() }
        }
    }

    /// The framed body: each message signed by `signer` at the time it is sent (`now`), then the signed empty
    /// message that ends the stream; without a signer (an unsigned call) the messages as they are.
    func frames(signer: EventStreamSigner?, now: @escaping @Sendable () -> Date) -> ByteStream {
        let pass = FramePass(next: makeNext(validation), signer: signer, now: now)
        return ByteStream(FrameSequence(pass: pass))
    }
}

/// The framed messages of one pass, for ``ByteStream``'s chunk source.
private struct FrameSequence: AsyncSequence, Sendable {
    typealias Element = Data
    let pass: FramePass

    func makeAsyncIterator() -> Iterator { Iterator(pass: pass) }

    struct Iterator: AsyncIteratorProtocol {
        let pass: FramePass
        mutating func next() async throws -> Data? { try await pass.next() }
    }
}

/// Encodes, signs and frames messages in order; read by one consumer at a time (the transfer reading the body),
/// which makes the unchecked `Sendable` sound.
private final class FramePass: @unchecked Sendable {
    private let nextMessage: @Sendable () async throws -> EventStreamMessage?
    private var signer: EventStreamSigner?
    private let now: @Sendable () -> Date
    private let encoder = EventStreamEncoder()
    private var ended = false

    init(next: @escaping @Sendable () async throws -> EventStreamMessage?, signer: EventStreamSigner?,
         now: @escaping @Sendable () -> Date) {
        nextMessage = next
        self.signer = signer
        self.now = now
    }

    func next() async throws -> Data? {
        if ended { return nil }
        guard let message = try await nextMessage() else {
            ended = true
            // The end of the stream: a signed envelope with nothing in it.
            guard var signer else { return nil }
            let end = try signer.sign(payload: Data(), date: now())
            self.signer = signer
            return try encoder.encode(end)
        }
        let encoded = try encoder.encode(message)
        guard var signer else { return encoded }
        let envelope = try signer.sign(payload: encoded, date: now())
        self.signer = signer
        return try encoder.encode(envelope)
    }
}

/// One pass over a stream's events, read by one consumer at a time.
private final class EventPass<Event: Sendable>: @unchecked Sendable {
    private var iterator: AsyncEventStream<Event>.Iterator

    init(_ iterator: AsyncEventStream<Event>.Iterator) {
        self.iterator = iterator
    }

    func next() async throws -> Event? { try await iterator.next() }
}
