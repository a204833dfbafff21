import Foundation

/// The value of one event stream header: the ten types of the `application/vnd.amazon.eventstream` wire format.
///
/// Each case names its wire type code; booleans have two codes (0 for `true`, 1 for `false`) and no value bytes.
public enum EventStreamHeaderValue: Sendable, Hashable {
    /// A boolean, type code 0 (`true`) or 1 (`false`), with no value bytes.
    case bool(Bool)
    /// A signed 8-bit integer, type code 2.
    case byte(Int8)
    /// A big-endian signed 16-bit integer, type code 3.
    case short(Int16)
    /// A big-endian signed 32-bit integer, type code 4.
    case int(Int32)
    /// A big-endian signed 64-bit integer, type code 5.
    case long(Int64)
    /// Raw bytes with a big-endian 16-bit length prefix (at most 65,535 bytes), type code 6.
    case bytes(Data)
    /// UTF-8 text with a big-endian 16-bit byte-length prefix (at most 65,535 bytes), type code 7.
    case string(String)
    /// A point in time, sent as big-endian signed 64-bit milliseconds since the Unix epoch, type code 8.
    ///
    /// Sub-millisecond precision is lost on the wire: encoding rounds to the nearest millisecond.
    case timestamp(Date)
    /// A UUID as its 16 raw bytes, type code 9.
    case uuid(UUID)

    /// The wire type code of this value (0–9).
    public var typeCode: UInt8 {
        switch self {
        case .bool(let value): value ? 0 : 1
        case .byte: 2
        case .short: 3
        case .int: 4
        case .long: 5
        case .bytes: 6
        case .string: 7
        case .timestamp: 8
        case .uuid: 9
        }
    }

    /// The text of a `.string` value, or `nil` for any other type.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// One named header of an event stream message.
public struct EventStreamHeader: Sendable, Hashable {
    /// The header name: UTF-8, at most 255 bytes on the wire.
    public var name: String
    /// The header value.
    public var value: EventStreamHeaderValue

    /// Creates a header from a name and a value.
    public init(name: String, value: EventStreamHeaderValue) {
        self.name = name
        self.value = value
    }
}

/// One message of an `application/vnd.amazon.eventstream` stream: ordered headers and an opaque payload.
public struct EventStreamMessage: Sendable, Hashable {
    /// The headers, in wire order. Names may repeat; lookups return the first match.
    public var headers: [EventStreamHeader]
    /// The payload bytes.
    public var payload: Data

    /// Creates a message from headers (kept in the order given) and a payload.
    public init(headers: [EventStreamHeader] = [], payload: Data = Data()) {
        self.headers = headers
        self.payload = payload
    }

    /// The value of the first header named `name`, or `nil` if there is none.
    public subscript(header name: String) -> EventStreamHeaderValue? {
        headers.first { $0.name == name }?.value
    }

    /// The `:message-type` header (`event`, `exception` or `error`) when it is present and a string.
    public var messageType: String? { self[header: ":message-type"]?.stringValue }

    /// The `:event-type` header when it is present and a string.
    public var eventType: String? { self[header: ":event-type"]?.stringValue }

    /// The `:exception-type` header when it is present and a string.
    public var exceptionType: String? { self[header: ":exception-type"]?.stringValue }

    /// The `:content-type` header when it is present and a string.
    public var contentType: String? { self[header: ":content-type"]?.stringValue }

    /// The `:error-code` header (sent on `error` messages) when it is present and a string.
    public var errorCode: String? { self[header: ":error-code"]?.stringValue }

    /// The `:error-message` header (sent on `error` messages) when it is present and a string.
    public var errorMessage: String? { self[header: ":error-message"]?.stringValue }
}
