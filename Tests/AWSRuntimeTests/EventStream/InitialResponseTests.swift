import Foundation
import XCTest

@testable import AWSRuntime

/// awsJson event-stream outputs: the initial-response message carries the output's other members, the events follow
/// it; the rest of the body is read once, and leaving it early closes the connection.
final class InitialResponseTests: XCTestCase {
    private let codec = AWSJSONCodec(version: "1.1", targetPrefix: "Weather", isQueryCompatible: false)
    private let encoder = EventStreamEncoder()

    func testTheInitialResponseFillsTheOtherMembersAndTheEventsFollow() async throws {
        let output = try await decode(try encoder.encode([initialResponse(#"{"session":"s-1"}"#), reading(21)]))
        XCTAssertEqual(output.session, "s-1")
        let events = try await collect(output.events)
        XCTAssertEqual(events, [.reading(Reading(station: nil, celsius: 21))])
    }

    func testWithoutAnInitialResponseTheFirstEventIsNotLost() async throws {
        let output = try await decode(try encoder.encode([reading(1), reading(2)]))
        XCTAssertNil(output.session)
        let events = try await collect(output.events)
        XCTAssertEqual(events.count, 2)
    }

    func testTheRestOfTheBodyIsReadOnce() async throws {
        let output = try await decode(try encoder.encode([initialResponse("{}"), reading(1)]))
        let events = try await collect(output.events)
        XCTAssertEqual(events.count, 1)
        do {
            _ = try await collect(output.events)
            XCTFail("a second pass must fail")
        } catch ByteStreamError.concurrentRead {}
    }

    /// The body streams from the transport's channel: once the reader leaves after the first event, the channel is
    /// closed and the transport told to stop.
    func testLeavingTheEventsEarlyClosesTheConnection() async throws {
        let channel = ResponseBodyChannel()
        let first = try encoder.encode([initialResponse("{}"), reading(1)])
        XCTAssertTrue(first.withUnsafeBytes { channel.write($0) })
        let body = ByteStream(source: .response(ResponseBodyReader(channel: channel, length: nil)))
        var output: WatchOutput? = try await decode(HTTPResponse(statusCode: 200, bodyStream: body))
        for try await _ in try XCTUnwrap(output).events { break }
        output = nil
        let more = try encoder.encode(reading(2))
        XCTAssertFalse(more.withUnsafeBytes { channel.write($0) }, "the channel is closed: the transport stops")
    }

    // MARK: - Helpers

    private func decode(_ body: Data) async throws -> WatchOutput {
        try await decode(HTTPResponse(statusCode: 200, body: body))
    }

    private func decode(_ response: HTTPResponse) async throws -> WatchOutput {
        let ready = try await codec.prepareStreamedResponse(response, operation: "Watch")
        return try codec.decode(WatchOutput.self, from: ready, operation: "Watch")
    }

    private func collect(_ events: AsyncEventStream<Weather>) async throws -> [Weather] {
        var all: [Weather] = []
        for try await event in events { all.append(event) }
        return all
    }

    private func initialResponse(_ json: String) -> EventStreamMessage {
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("event")),
            EventStreamHeader(name: ":event-type", value: .string("initial-response")),
        ], payload: Data(json.utf8))
    }

    private func reading(_ celsius: Double) -> EventStreamMessage {
        EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("event")),
            EventStreamHeader(name: ":event-type", value: .string("reading")),
        ], payload: Data(#"{"celsius":\#(celsius)}"#.utf8))
    }
}

/// An awsJson output with an event stream, written as the generator writes them.
struct WatchOutput: EventStreamOutput {
    var session: String?
    var events = AsyncEventStream<Weather>()

    private enum CodingKeys: String, CodingKey { case session }

    init(from decoder: any Decoder) throws {
        session = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .session)
    }

    mutating func readEvents(from response: HTTPResponseBindings) {
        events = response.eventStream(Weather.self, errors: WeatherError.self)
    }
}
