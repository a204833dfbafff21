import Foundation

/// A generated event-stream union (`@streaming` union): how each member becomes a message and back.
///
/// A member targeting a structure is an event, sent with `:message-type: event` and `:event-type` its member
/// name; its `eventHeader` members are message headers and its `eventPayload` member (or, without one, its other
/// members as a document) the payload. A member targeting an error structure is an exception, sent with
/// `:message-type: exception`.
public protocol EventStreamUnion: Sendable {
    /// The event a `:message-type: event` message of `:event-type` `eventType` carries; a type the model does
    /// not list is the union's unknown case.
    init(eventType: String, message: EventMessageReader) throws

    /// The error code (the error shape's name) of the exception member `exceptionType`; nil when the union has
    /// no such member.
    static func errorCode(forExceptionType exceptionType: String) -> String?

    /// Writes the event's type, headers and payload into `message`.
    func write(to message: inout EventMessageWriter) throws
}

/// Why an event could not be read from a message or written into one.
public enum EventMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header the event binds has another wire type than its member (`name`, the type expected).
    case headerType(name: String, expected: String)
    /// A header value does not fit its member's type.
    case headerRange(name: String)
    /// The unknown case of a union cannot be sent.
    case unknownEvent(String)

    public var description: String {
        switch self {
        case .headerType(let name, let expected): "event header '\(name)' is not \(expected)"
        case .headerRange(let name): "event header '\(name)' is out of its member's range"
        case .unknownEvent(let name): "cannot send the unknown event \(name)"
        }
    }
}
