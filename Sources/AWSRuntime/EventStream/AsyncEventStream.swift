import Foundation

/// The events of an event stream (`@streaming` union): what Bedrock's `ConverseStream` or Transcribe's
/// `StartStreamTranscription` send back, and what a caller sends to Transcribe.
///
/// As an output it decodes the response body message by message as it arrives: iterate it
/// (`for try await event in output.stream`). A modelled exception event is thrown as the service's error type; an
/// event type this version of the model does not list arrives as the union's unknown case, never as a failure.
/// The stream is read once; dropping the iterator (a `break`, a thrown error, a cancelled task) closes the
/// connection. At most one message (16 MiB by AWS's limit) is buffered beyond the transport's read-ahead.
///
/// As an input it is the caller's `AsyncSequence` of events, each sent as a signed message as it is yielded; the
/// stream ends (and the end-of-stream message is sent) when the sequence ends.
public struct AsyncEventStream<Event: Sendable>: AsyncSequence, Sendable, Hashable, Codable, CustomStringConvertible {
    public typealias Element = Event

    private let source: EventSource<Event>

    /// No events.
    public init() {
        source = EventSource(kind: "empty") { { nil } }
    }

    /// The events of `events`, in order.
    public init(_ events: [Event]) {
        source = EventSource(kind: "\(events.count) events") {
            let box = ListIterator(events)
            return { box.next() }
        }
    }

    /// The events `sequence` yields, read once as the request is sent.
    public init<Events: AsyncSequence & Sendable>(_ sequence: Events) where Events.Element == Event {
        source = EventSource(kind: "sequence") {
            let box = EventIteratorBox(sequence.makeAsyncIterator())
            return { try await box.next() }
        }
    }

    /// A stream whose events come from `makeNext` (the response decoder).
    init(kind: String, makeNext: @escaping @Sendable () -> (@Sendable () async throws -> Event?)) {
        source = EventSource(kind: kind, makeNext: makeNext)
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(next: source.makeNext())
    }

    /// Reads an ``AsyncEventStream`` event by event.
    public struct Iterator: AsyncIteratorProtocol {
        private let nextEvent: @Sendable () async throws -> Event?
        private var done = false

        init(next: @escaping @Sendable () async throws -> Event?) {
            nextEvent = next
        }

        public mutating func next() async throws -> Event? {
            if done { return nil }
            do {
                guard let event = try await nextEvent() else {
                    done = true
                    return nil
                }
                return event
            } catch {
                // A failed stream stays ended, as an `AsyncThrowingStream` does.
                done = true
                throw error
            }
        }
    }

    // MARK: - Equality, coding, description

    /// A stream only equals itself.
    public static func == (lhs: AsyncEventStream, rhs: AsyncEventStream) -> Bool { lhs.source === rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(source)) }

    /// An event stream is never part of a document: it is the body of its own.
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: decoder.codingPath, debugDescription: "an event stream is not read from a document"))
    }

    /// An event stream is never part of a document: it is the body of its own.
    public func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue("event stream", EncodingError.Context(
            codingPath: encoder.codingPath, debugDescription: "an event stream cannot be written into a document"))
    }

    /// The kind of stream; never its events.
    public var description: String { "AsyncEventStream<\(Event.self)>(\(source.kind))" }
}

/// Where a stream's events come from: each pass starts with `makeNext`.
private final class EventSource<Event: Sendable>: Sendable {
    let kind: String
    let makeNext: @Sendable () -> (@Sendable () async throws -> Event?)

    init(kind: String, makeNext: @escaping @Sendable () -> (@Sendable () async throws -> Event?)) {
        self.kind = kind
        self.makeNext = makeNext
    }
}

/// One pass over a list of events.
private final class ListIterator<Event: Sendable>: @unchecked Sendable {
    // Read by one consumer at a time (one iterator's `next()` calls are sequential), which makes the unchecked
    // `Sendable` sound.
    private var remaining: ArraySlice<Event>

    init(_ events: [Event]) {
        remaining = events[...]
    }

    func next() -> Event? { remaining.popFirst() }
}

/// One pass over a caller's sequence, read by one consumer at a time.
private final class EventIteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable {
    private var base: Base

    init(_ base: Base) {
        self.base = base
    }

    func next() async throws -> Base.Element? {
        try await base.next()
    }
}
