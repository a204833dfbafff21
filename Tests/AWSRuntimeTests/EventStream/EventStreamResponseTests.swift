import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// A response body of event messages read as a stream of events: events in order, exceptions and errors thrown as
/// the service's error type, every malformed stream a typed error, never a crash or an unbounded wait.
final class EventStreamResponseTests: XCTestCase {
    private let encoder = EventStreamEncoder()

    func testEventsArriveInOrderAndAnUnknownTypeIsTheUnknownCase() async throws {
        let body = try encoder.encode([
            event("reading", json: #"{"celsius":21.5}"#, headers: [EventStreamHeader(name: "station", value: .string("north"))]),
            event("forecast", json: "{}"),
            event("reading", json: #"{"celsius":-3}"#),
        ])
        let events = try await collect(body)
        XCTAssertEqual(events, [
            .reading(Reading(station: "north", celsius: 21.5)), .sdkUnknown("forecast"), .reading(Reading(station: nil, celsius: -3)),
        ])
    }

    func testAnExceptionMessageIsThrownAsTheModelledError() async throws {
        let exception = EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("exception")),
            EventStreamHeader(name: ":exception-type", value: .string("failed")),
            EventStreamHeader(name: ":content-type", value: .string("application/json")),
        ], payload: Data(#"{"message":"sensor offline"}"#.utf8))
        let body = try encoder.encode([event("reading", json: #"{"celsius":1}"#), exception, event("reading", json: "{}")])
        var received: [Weather] = []
        do {
            for try await event in stream(body) { received.append(event) }
            XCTFail("expected the exception")
        } catch let error as WeatherError {
            XCTAssertEqual(error.errorCode, "SensorFailure", "the error shape's name, from the exception member")
            XCTAssertEqual(error.message, "sensor offline")
            XCTAssertEqual(error.context.operation, "Watch")
            XCTAssertEqual(error.context.requestId, "request-1")
        }
        XCTAssertEqual(received.count, 1, "the events before the exception arrive")
    }

    func testAnErrorMessageIsThrownWithItsCode() async throws {
        let error = EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("error")),
            EventStreamHeader(name: ":error-code", value: .string("InternalFailure")),
            EventStreamHeader(name: ":error-message", value: .string("try again")),
        ])
        do {
            _ = try await collect(try encoder.encode(error))
            XCTFail("expected the error")
        } catch let thrown as WeatherError {
            XCTAssertEqual(thrown.errorCode, "InternalFailure")
            XCTAssertEqual(thrown.message, "try again")
        }
    }

    /// Streams that break the protocol end with `ClientRuntimeError.invalidResponse`, naming what was wrong.
    func testMalformedStreamsAreInvalidResponses() async throws {
        let good = try encoder.encode(event("reading", json: #"{"celsius":1}"#))
        var badChecksum = good
        badChecksum[badChecksum.count - 1] ^= 1
        let noMessageType = try encoder.encode(EventStreamMessage(headers: [EventStreamHeader(name: ":event-type", value: .string("reading"))]))
        let numericMessageType = try encoder.encode(EventStreamMessage(headers: [EventStreamHeader(name: ":message-type", value: .int(1))]))
        let noEventType = try encoder.encode(EventStreamMessage(headers: [EventStreamHeader(name: ":message-type", value: .string("event"))]))
        let badJSON = try encoder.encode(event("reading", json: "{celsius"))
        let wrongHeaderType = try encoder.encode(event("reading", json: "{}", headers: [EventStreamHeader(name: "station", value: .int(3))]))
        let cases: [(Data, String)] = [
            (good.prefix(good.count - 5), "ended inside a message"), (badChecksum, "checksum"),
            (noMessageType, "no :message-type"), (numericMessageType, "not a string"), (noEventType, "no string :event-type"),
            (badJSON, "does not decode"), (wrongHeaderType, "is not a string"),
        ]
        for (body, reason) in cases {
            do {
                _ = try await collect(body)
                XCTFail("expected \(reason)")
            } catch ClientRuntimeError.invalidResponse(let operation, let message, let requestId, _) {
                XCTAssertEqual(operation, "Watch")
                XCTAssertEqual(requestId, "request-1")
                XCTAssertTrue(message.contains(reason), "\(message) should say \(reason)")
            }
        }
    }

    /// A prelude claiming a 4 GiB message is refused from its 12 bytes: the stream fails at once, without waiting
    /// for (or buffering) the rest.
    func testAnOversizedMessageFailsFromItsPreludeWithoutWaiting() async throws {
        var prelude = Data([0xFF, 0xFF, 0xFF, 0xF0, 0, 0, 0, 0])
        withUnsafeBytes(of: CRC32.checksum(prelude).bigEndian) { prelude.append(contentsOf: $0) }
        let (chunks, continuation) = AsyncStream<Data>.makeStream()
        continuation.yield(prelude)  // and never anything more, nor the end
        let response = HTTPResponse(statusCode: 200, bodyStream: ByteStream(chunks))
        let events = bindings(response).eventStream(Weather.self, errors: WeatherError.self)
        do {
            for try await _ in events {}
            XCTFail("expected the oversized message to be refused")
        } catch ClientRuntimeError.invalidResponse(_, let reason, _, _) {
            XCTAssertTrue(reason.contains("over the limit"), reason)
        }
        continuation.finish()
    }

    /// Seeded mutations of a valid stream (flipped, dropped, inserted and truncated bytes): each ends in events or a
    /// typed error, never anything else.
    func testMutatedStreamsEndInEventsOrTypedErrors() async throws {
        let original = try encoder.encode([
            event("reading", json: #"{"celsius":21.5}"#, headers: [EventStreamHeader(name: "station", value: .string("north"))]),
            event("reading", json: #"{"celsius":3}"#),
        ])
        var random = SplitMix64(seed: 0xE7E7)
        var outcomes = (events: 0, typed: 0)
        for _ in 0..<2_000 {
            var bytes = [UInt8](original)
            for _ in 0..<(1 + random.next(below: 4)) {
                let index = random.next(below: bytes.count)
                switch random.next(below: 4) {
                case 0: bytes[index] ^= UInt8(truncatingIfNeeded: 1 + random.next(below: 255))
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next(below: 256)), at: index)
                default: bytes.removeSubrange(index...)
                }
                if bytes.isEmpty { break }
            }
            do {
                _ = try await collect(Data(bytes))
                outcomes.events += 1
            } catch is ClientRuntimeError {
                outcomes.typed += 1
            } catch is WeatherError {
                outcomes.typed += 1
            }
        }
        XCTAssertEqual(outcomes.events + outcomes.typed, 2_000)
        XCTAssertGreaterThan(outcomes.typed, 1_500, "almost every mutation breaks a checksum")
    }

    // MARK: - Helpers

    private func event(_ type: String, json: String, headers: [EventStreamHeader] = []) -> EventStreamMessage {
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("event")),
            EventStreamHeader(name: ":event-type", value: .string(type)),
            EventStreamHeader(name: ":content-type", value: .string("application/json")),
        ] + headers, payload: Data(json.utf8))
    }

    private func bindings(_ response: HTTPResponse) -> HTTPResponseBindings {
        HTTPResponseBindings(response: response, bodyDecoder: JSONBodyDecoder(), operation: "Watch", requestID: "request-1")
    }

    private func stream(_ body: Data) -> AsyncEventStream<Weather> {
        bindings(HTTPResponse(statusCode: 200, body: body)).eventStream(Weather.self, errors: WeatherError.self)
    }

    private func collect(_ body: Data) async throws -> [Weather] {
        var events: [Weather] = []
        for try await event in stream(body) { events.append(event) }
        return events
    }
}

/// An event with a header member and a document payload, written as the generator writes them.
struct Reading: Codable, Hashable, Sendable {
    var station: String?
    var celsius: Double?

    private enum CodingKeys: String, CodingKey { case celsius }

    init(station: String?, celsius: Double?) {
        self.station = station
        self.celsius = celsius
    }

    init(from decoder: any Decoder) throws {
        celsius = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Double.self, forKey: .celsius)
    }
}

enum Weather: EventStreamUnion, Hashable {
    case reading(Reading)
    case sdkUnknown(String)

    init(eventType: String, message: EventMessageReader) throws {
        switch eventType {
        case "reading":
            var value = try message.body(Reading.self)
            value.station = try message.header("station", as: String.self)
            self = .reading(value)
        default:
            self = .sdkUnknown(eventType)
        }
    }

    static func errorCode(forExceptionType exceptionType: String) -> String? {
        exceptionType == "failed" ? "SensorFailure" : nil
    }

    func write(to message: inout EventMessageWriter) throws {
        switch self {
        case .reading(let value):
            message.event("reading")
            try message.header("station", value.station)
            try message.body(value)
        case .sdkUnknown(let name):
            throw EventMessageError.unknownEvent(name)
        }
    }
}

struct WeatherError: ServiceError {
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
