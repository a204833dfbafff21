import AWSRuntime
import Foundation
import Lambda
import TranscribeStreaming
import XCTest

/// Generated event-stream clients against a loopback server that speaks event streams as AWS does: Lambda's
/// `InvokeWithResponseStream` (output only) and Transcribe's `StartStreamTranscription` (duplex: signed audio
/// events out while transcripts come back on the same request).
final class EventStreamLoopbackTests: XCTestCase {
    private static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    private func configuration(_ server: EventStreamServer) -> ClientConfiguration {
        ClientConfiguration(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: Self.secret),
            endpointURL: server.endpoint, maxAttempts: 1, environment: [:])
    }

    private static func message(_ eventType: String, contentType: String, payload: Data, exception: Bool = false) throws -> Data {
        try EventStreamEncoder().encode(EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string(exception ? "exception" : "event")),
            EventStreamHeader(name: exception ? ":exception-type" : ":event-type", value: .string(eventType)),
            EventStreamHeader(name: ":content-type", value: .string(contentType)),
        ], payload: payload))
    }

    private static func transcript(_ index: Int) throws -> Data {
        let json = #"{"Transcript":{"Results":[{"ResultId":"r\#(index)","IsPartial":false,"Alternatives":[{"Transcript":"word \#(index)"}]}]}}"#
        return try Self.message("TranscriptEvent", contentType: "application/json", payload: Data(json.utf8))
    }

    /// 10,000 events stream through the generated output stream in order, each decoded as it arrives.
    func testTenThousandOutputEventsStreamThroughLambdasResponseStream() async throws {
        var messages = try (0..<10_000).map { try Self.message("PayloadChunk", contentType: "application/octet-stream", payload: Data("chunk \($0)".utf8)) }
        messages.append(try Self.message("InvokeComplete", contentType: "application/json", payload: Data(#"{"LogResult":"done"}"#.utf8)))
        let server = try EventStreamServer(answer: .messages(messages), secretAccessKey: Self.secret, region: "us-east-1", service: "lambda")
        defer { server.stop() }
        let client = LambdaClient(configuration: configuration(server))

        let output = try await client.invokeWithResponseStream(functionName: "streamer", payload: Data("{}".utf8))
        var chunks = 0
        var completion: InvokeWithResponseStreamCompleteEvent?
        for try await event in output.eventStream {
            switch event {
            case .payloadChunk(let update):
                XCTAssertEqual(update.payload, Data("chunk \(chunks)".utf8))
                chunks += 1
            case .invokeComplete(let complete):
                completion = complete
            default:
                XCTFail("unexpected event \(event)")
            }
        }
        XCTAssertEqual(chunks, 10_000)
        XCTAssertEqual(completion?.logResult, "done")
    }

    /// Duplex: 1,000 audio events go out signed (the server checks every chained signature and the signed end of
    /// the stream) while 10,000 transcripts come back on the same request.
    func testDuplexTranscriptionSignsEveryAudioEventWhileTranscriptsStreamBack() async throws {
        let transcripts = try (0..<10_000).map(Self.transcript)
        let server = try EventStreamServer(
            answer: .messages(transcripts), secretAccessKey: Self.secret, region: "us-east-1", service: "transcribe")
        defer { server.stop() }
        let client = TranscribeStreamingClient(configuration: configuration(server))
        let audio = AsyncStream<AudioStream> { continuation in
            for index in 0..<1_000 {
                continuation.yield(.audioEvent(AudioEvent(audioChunk: Data(repeating: UInt8(index % 251), count: 320))))
            }
            continuation.finish()
        }

        let output = try await client.startStreamTranscription(
            languageCode: .enUs, mediaSampleRateHertz: 16_000, mediaEncoding: .pcm, audioStream: AsyncEventStream(audio))
        var received = 0
        for try await event in output.transcriptResultStream {
            guard case .transcriptEvent(let transcript) = event else { return XCTFail("unexpected event \(event)") }
            XCTAssertEqual(transcript.transcript?.results?.first?.resultId, "r\(received)")
            received += 1
        }
        XCTAssertEqual(received, 10_000)
        XCTAssertTrue(server.waitForConnection(seconds: 30), "the request ended")

        let seen = server.received
        XCTAssertEqual(seen.failures, [])
        XCTAssertEqual(seen.events.count, 1_000, "audio events whose signatures checked out")
        XCTAssertTrue(seen.sawEnd, "the signed end of the stream")
        XCTAssertEqual(seen.headers["x-amz-content-sha256"], "STREAMING-AWS4-HMAC-SHA256-EVENTS")
        XCTAssertEqual(seen.headers["content-type"], "application/vnd.amazon.eventstream")
        XCTAssertEqual(seen.headers["x-amzn-transcribe-sample-rate"], "16000")
        for (index, event) in seen.events.enumerated() {
            XCTAssertEqual(event.eventType, "AudioEvent")
            XCTAssertEqual(event.payload, Data(repeating: UInt8(index % 251), count: 320))
        }
    }

    /// True duplex: each audio event is sent only after the transcript answering the one before has arrived, so
    /// the call only completes if both directions flow at once on one request.
    func testPingPongOverOneRequestProvesTheStreamIsDuplex() async throws {
        let server = try EventStreamServer(
            answer: .echo { index, _ in (try? Self.transcript(index)) ?? Data() },
            secretAccessKey: Self.secret, region: "us-east-1", service: "transcribe")
        defer { server.stop() }
        let client = TranscribeStreamingClient(configuration: configuration(server))
        let (audio, sender) = AsyncStream<AudioStream>.makeStream()
        sender.yield(.audioEvent(AudioEvent(audioChunk: Data([0]))))

        let output = try await client.startStreamTranscription(
            languageCode: .enUs, mediaSampleRateHertz: 16_000, mediaEncoding: .pcm, audioStream: AsyncEventStream(audio))
        var answered = 0
        for try await event in output.transcriptResultStream {
            guard case .transcriptEvent(let transcript) = event else { return XCTFail("unexpected event \(event)") }
            XCTAssertEqual(transcript.transcript?.results?.first?.resultId, "r\(answered)")
            answered += 1
            if answered < 100 {
                sender.yield(.audioEvent(AudioEvent(audioChunk: Data([UInt8(answered)]))))
            } else {
                sender.finish()
            }
        }
        XCTAssertEqual(answered, 100)
        XCTAssertTrue(server.waitForConnection(seconds: 30), "the request ended")
        XCTAssertEqual(server.received.failures, [])
        XCTAssertEqual(server.received.events.map(\.payload), (0..<100).map { Data([UInt8($0)]) })
        XCTAssertTrue(server.received.sawEnd, "the signed end of the stream")
    }

    /// A caller that reads the transcripts only once all its audio is sent: 10 MiB of transcripts wait unread (the
    /// download pauses when a MiB is buffered) while every audio event still goes out.
    func testAudioKeepsFlowingWhileTranscriptsWaitUnread() async throws {
        let padding = String(repeating: "x", count: 1_000)
        let transcripts = try (0..<10_000).map { index in
            try Self.message("TranscriptEvent", contentType: "application/json", payload: Data(
                #"{"Transcript":{"Results":[{"ResultId":"r\#(index)","Alternatives":[{"Transcript":"\#(padding)"}]}]}}"#.utf8))
        }
        let server = try EventStreamServer(
            answer: .messages(transcripts), secretAccessKey: Self.secret, region: "us-east-1", service: "transcribe")
        defer { server.stop() }
        let client = TranscribeStreamingClient(configuration: configuration(server))
        let (audio, microphone) = AsyncStream<AudioStream>.makeStream()
        let output = try await client.startStreamTranscription(
            languageCode: .enUs, mediaSampleRateHertz: 16_000, mediaEncoding: .pcm, audioStream: AsyncEventStream(audio))
        for index in 0..<1_000 {
            microphone.yield(.audioEvent(AudioEvent(audioChunk: Data(repeating: UInt8(index % 251), count: 320))))
        }
        microphone.finish()

        // Nothing is read yet: the audio must still all arrive.
        let deadline = ContinuousClock.now + .seconds(20)
        while !server.received.sawEnd, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        XCTAssertTrue(server.received.sawEnd, "all audio arrived while the transcripts waited unread")
        XCTAssertEqual(server.received.events.count, 1_000)

        var received = 0
        for try await event in output.transcriptResultStream {
            guard case .transcriptEvent(let transcript) = event else { return XCTFail("unexpected event \(event)") }
            XCTAssertEqual(transcript.transcript?.results?.first?.resultId, "r\(received)")
            received += 1
        }
        XCTAssertEqual(received, 10_000)
        XCTAssertEqual(server.received.failures, [])
    }

    /// The caller's own audio sequence failing ends the call with the caller's error, not a connection failure.
    func testTheCallersOwnErrorEndsTheStreamAsItIs() async throws {
        struct MicrophoneUnplugged: Error {}
        let server = try EventStreamServer(
            answer: .echo { index, _ in (try? Self.transcript(index)) ?? Data() },
            secretAccessKey: Self.secret, region: "us-east-1", service: "transcribe")
        defer { server.stop() }
        let client = TranscribeStreamingClient(configuration: configuration(server))
        let audio = AsyncThrowingStream<AudioStream, any Error> { microphone in
            for index in 0..<3 { microphone.yield(.audioEvent(AudioEvent(audioChunk: Data([UInt8(index)])))) }
            microphone.finish(throwing: MicrophoneUnplugged())
        }
        do {
            let output = try await client.startStreamTranscription(
                languageCode: .enUs, mediaSampleRateHertz: 16_000, mediaEncoding: .pcm, audioStream: AsyncEventStream(audio))
            for try await _ in output.transcriptResultStream {}
            XCTFail("expected the caller's error")
        } catch is MicrophoneUnplugged {
            // The call, or its stream, ended with the caller's own error.
        }
        XCTAssertFalse(server.received.sawEnd, "a failed stream is not ended as if it were complete")
    }

    /// A modelled exception event ends the stream with the service's error type; the events before it arrive.
    func testAnExceptionEventIsThrownAsTheServicesError() async throws {
        var messages = try (0..<3).map(Self.transcript)
        messages.append(try Self.message("BadRequestException", contentType: "application/json",
                                    payload: Data(#"{"Message":"the audio is not PCM"}"#.utf8), exception: true))
        messages.append(try Self.transcript(3))
        let server = try EventStreamServer(answer: .messages(messages), secretAccessKey: Self.secret, region: "us-east-1", service: "transcribe")
        defer { server.stop() }
        let client = TranscribeStreamingClient(configuration: configuration(server))

        let output = try await client.startStreamTranscription(languageCode: .enUs, mediaSampleRateHertz: 16_000, mediaEncoding: .pcm)
        var received = 0
        do {
            for try await _ in output.transcriptResultStream { received += 1 }
            XCTFail("expected the exception event to be thrown")
        } catch let error as TranscribeStreamingError {
            XCTAssertEqual(error.code, .badRequestException)
            XCTAssertEqual(error.message, "the audio is not PCM")
            XCTAssertEqual(error.context.requestId, "loopback-request")
        }
        XCTAssertEqual(received, 3)
    }

    /// A consumer that stops reading closes the connection: the server's endless stream sees it go.
    func testLeavingTheStreamEarlyClosesTheConnection() async throws {
        let chunk = try Self.message("PayloadChunk", contentType: "application/octet-stream", payload: Data(repeating: 7, count: 1024))
        let server = try EventStreamServer(answer: .endless { _ in chunk }, secretAccessKey: Self.secret, region: "us-east-1", service: "lambda")
        defer { server.stop() }
        let client = LambdaClient(configuration: configuration(server))
        do {
            let output = try await client.invokeWithResponseStream(functionName: "endless")
            var count = 0
            for try await _ in output.eventStream {
                count += 1
                if count == 100 { break }
            }
            XCTAssertEqual(count, 100)
        }
        XCTAssertTrue(server.waitForConnection(seconds: 10), "the server's endless response ended")
        XCTAssertTrue(server.received.clientClosed, "the client closed the connection")
    }
}
