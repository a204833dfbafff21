import Foundation

/// Turns a response body of `application/vnd.amazon.eventstream` messages into a stream of events: each event
/// message becomes a case of the union, an exception message the service's error, an error message the
/// service's error with the code the message names.
///
/// Any framing, header or decoding failure ends the stream with ``ClientRuntimeError/invalidResponse(operation:reason:requestId:bodyExcerpt:)``
/// (payloads are described, never quoted: they may hold what the caller sent).
enum EventStreamResponseDecoder {
    static func events<Event: EventStreamUnion, Failure: ServiceError>(
        of body: ByteStream, as event: Event.Type, errors: Failure.Type, bodyDecoder: any HTTPBodyDecoder,
        operation: String, requestID: String?
    ) -> AsyncEventStream<Event> {
        AsyncEventStream(kind: "response") {
            let reader = MessageReader(
                body: body, bodyDecoder: bodyDecoder, operation: operation, requestID: requestID)
            return { try await reader.next(Event.self, errors: Failure.self) }
        }
    }

    /// One pass over a response body, read by one consumer at a time (which makes the unchecked `Sendable`
    /// sound, as for ``ByteStream``'s iterator).
    private final class MessageReader: @unchecked Sendable {
        private var chunks: ByteStream.Iterator
        private var decoder = EventStreamDecoder()
        private let bodyDecoder: any HTTPBodyDecoder
        private let operation: String
        private let requestID: String?

        init(body: ByteStream, bodyDecoder: any HTTPBodyDecoder, operation: String, requestID: String?) {
            chunks = body.makeAsyncIterator()
            self.bodyDecoder = bodyDecoder
            self.operation = operation
            self.requestID = requestID
        }

        func next<Event: EventStreamUnion, Failure: ServiceError>(_ event: Event.Type, errors: Failure.Type)
            async throws -> Event?
        {
            while true {
                let message: EventStreamMessage?
                do {
                    message = try decoder.next()
                } catch {
                    throw invalid("the event stream is malformed: \(error)")
                }
                if let message {
                    // An initial response (awsJson) carries the output's other members, read with the headers.
                    if message.messageType == "event", message.eventType == "initial-response" { continue }
                    return try decode(message, as: Event.self, errors: Failure.self)
                }
                guard let chunk = try await chunks.next() else {
                    do {
                        try decoder.finish()
                    } catch {
                        throw invalid("the event stream is malformed: \(error)")
                    }
                    return nil
                }
                decoder.append(chunk)
            }
        }

        private func decode<Event: EventStreamUnion, Failure: ServiceError>(
            _ message: EventStreamMessage, as event: Event.Type, errors: Failure.Type
        ) throws -> Event {
            switch message[header: ":message-type"] {
            case .string("event")?:
                guard let eventType = message.eventType else {
                    throw invalid("an event message has no string :event-type header")
                }
                do {
                    return try Event(eventType: eventType, message: EventMessageReader(message: message, bodyDecoder: bodyDecoder))
                } catch {
                    throw invalid("the \(eventType) event does not decode: \(DecodingFailure.describe(error))")
                }
            case .string("exception")?:
                guard let exceptionType = message.exceptionType else {
                    throw invalid("an exception message has no string :exception-type header")
                }
                let code = Event.errorCode(forExceptionType: exceptionType) ?? exceptionType
                throw Failure(payload: ServiceErrorPayload(
                    code: code, message: exceptionMessage(message.payload), context: context,
                    body: message.payload, bodyDecoder: bodyDecoder))
            case .string("error")?:
                throw Failure(payload: ServiceErrorPayload(
                    code: message.errorCode ?? "UnknownError", message: message.errorMessage, context: context,
                    body: Data(), bodyDecoder: bodyDecoder))
            case .string(let other)?:
                throw invalid("an event stream message has the unknown :message-type \(other.prefix(64))")
            case nil:
                throw invalid("an event stream message has no :message-type header")
            case _?:
                throw invalid("an event stream message's :message-type header is not a string")
            }
        }

        /// The error's context: the stream's response was a success, so its status is 200.
        private var context: ServiceErrorContext {
            ServiceErrorContext(operation: operation, statusCode: 200, requestId: requestID)
        }

        private func exceptionMessage(_ payload: Data) -> String? {
            guard let fields = try? bodyDecoder.decode(MessageFields.self, from: payload) else { return nil }
            return fields.message ?? fields.Message
        }

        private func invalid(_ reason: String) -> ClientRuntimeError {
            .invalidResponse(operation: operation, reason: reason, requestId: requestID, bodyExcerpt: "(event stream not shown)")
        }
    }

    /// The message of an exception event, under either spelling of its key.
    private struct MessageFields: Decodable {
        let message: String?
        let Message: String?
    }
}
