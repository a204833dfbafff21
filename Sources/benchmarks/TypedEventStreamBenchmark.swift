import AWSRuntime
import Foundation

/// The whole read path of an output event stream: 10,000 Bedrock `InvokeModelWithResponseStream` chunk messages
/// arriving in 16 KiB pieces, decoded through `AsyncEventStream` into typed union values (the union written as the
/// generator writes Bedrock's `ResponseStream`), beside botocore's `EventStream` parsing the same bytes with Bedrock's
/// model, in the same run.
func typedEventStreamBenchmarkRows() async -> [BenchmarkRow] {
    let count = 10_000
    let messages = (0..<count).map { index in
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("event")),
            EventStreamHeader(name: ":event-type", value: .string("chunk")),
            EventStreamHeader(name: ":content-type", value: .string("application/json")),
        ], payload: Data(#"{"bytes":"eyJ0eXBlIjoiY29udGVudF9ibG9ja19kZWx0YSIsImluZGV4IjowLCJkZWx0YSI6eyJ0ZXh0IjoiXCJcXG4ifX0=","p":"\#(index)"}"#.utf8))
    }
    guard let stream = try? EventStreamEncoder().encode(messages) else { return [] }
    let chunk = 16 * 1024
    var decoded = 0
    var best = Double.infinity
    for _ in 0..<10 {
        let pieces = stride(from: 0, to: stream.count, by: chunk).map { stream[$0..<min($0 + chunk, stream.count)] }
        let response = HTTPResponse(statusCode: 200, bodyStream: ByteStream(PieceSequence(pieces: pieces)))
        let bindings = HTTPResponseBindings(response: response, bodyDecoder: JSONBodyDecoder(), operation: "InvokeModelWithResponseStream")
        let start = ContinuousClock.now
        var events = 0
        do {
            for try await event in bindings.eventStream(BenchmarkResponseStream.self, errors: BenchmarkServiceError.self) {
                if case .chunk(let part) = event, part.bytes?.isEmpty == false { events += 1 }
            }
        } catch {
            print("typed event-stream benchmark failed: \(error)")
            return []
        }
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        decoded = events
    }
    guard decoded == count else {
        print("typed event-stream benchmark: decoded \(decoded) of \(count) events")
        return []
    }
    let botocore = botocoreTypedEventsPerSecond(stream, chunk: chunk, count: count)
    return [BenchmarkRow(
        name: "event stream: \(count) Bedrock chunks to typed events (\(String(format: "%.0f", Double(stream.count) / best / 1e6)) MB/s)",
        ours: Double(count) / best / 1000, unit: "k events/s", referenceName: botocore.map { _ in "botocore EventStream, Bedrock model" },
        reference: botocore.map { $0 / 1000 }, goal: "informational", met: nil)]
}

/// Pieces of a body as a transport hands them on.
private struct PieceSequence: AsyncSequence, Sendable {
    typealias Element = Data
    let pieces: [Data]

    func makeAsyncIterator() -> Iterator { Iterator(pieces: pieces[...]) }

    struct Iterator: AsyncIteratorProtocol {
        var pieces: ArraySlice<Data>
        mutating func next() async -> Data? { pieces.popFirst() }
    }
}

/// Bedrock's `PayloadPart`, as generated.
private struct BenchmarkPayloadPart: Codable, Hashable, Sendable {
    var bytes: Data?
}

/// Bedrock's `ResponseStream` (its chunk event), as the generator writes event stream unions.
private enum BenchmarkResponseStream: EventStreamUnion {
    case chunk(BenchmarkPayloadPart)
    case sdkUnknown(String)

    init(eventType: String, message: EventMessageReader) throws {
        switch eventType {
        case "chunk": self = .chunk(try message.body(BenchmarkPayloadPart.self))
        default: self = .sdkUnknown(eventType)
        }
    }

    static func errorCode(forExceptionType exceptionType: String) -> String? { nil }

    func write(to message: inout EventMessageWriter) throws {
        switch self {
        case .chunk(let value):
            message.event("chunk")
            try message.body(value)
        case .sdkUnknown(let name):
            throw EventMessageError.unknownEvent(name)
        }
    }
}

private struct BenchmarkServiceError: ServiceError {
    let errorCode: String
    let message: String?
    let context: ServiceErrorContext
    var fault: ErrorFault { .server }
    var isRetryable: Bool { false }
    var isThrottling: Bool { false }
    var description: String { errorCode }

    init(payload: ServiceErrorPayload) {
        errorCode = payload.code
        message = payload.message
        context = payload.context
    }
}

private func botocoreTypedEventsPerSecond(_ stream: Data, chunk: Int, count: Int) -> Double? {
    let script = """
        import sys, time
        import botocore.session
        from botocore.eventstream import EventStream
        from botocore.parsers import EventStreamJSONParser
        data = sys.stdin.buffer.read()
        chunk, best = int(sys.argv[1]), float("inf")
        model = botocore.session.get_session().get_service_model("bedrock-runtime")
        shape = model.operation_model("InvokeModelWithResponseStream").get_event_stream_output()
        class Raw:
            def stream(self):
                for offset in range(0, len(data), chunk):
                    yield data[offset:offset + chunk]
        for _ in range(5):
            start = time.perf_counter()
            n = 0
            for event in EventStream(Raw(), shape, EventStreamJSONParser(), "InvokeModelWithResponseStream"):
                if event["chunk"]["bytes"]:
                    n += 1
            best = min(best, time.perf_counter() - start)
        print(n / best if n == int(sys.argv[2]) else -1)
        """
    guard let value = pythonFigure(script, arguments: [String(chunk), String(count)], input: stream) else {
        print("botocore typed event-stream benchmark failed (is botocore installed, with the bedrock-runtime model?)")
        return nil
    }
    return value
}
