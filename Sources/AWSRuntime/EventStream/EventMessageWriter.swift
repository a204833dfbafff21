import Foundation

/// Writes one event into a message: its type headers, `eventHeader` members as headers, and the payload in the
/// protocol's body format.
public struct EventMessageWriter: Sendable {
    /// The message written so far.
    public private(set) var message = EventStreamMessage()
    /// Encodes payload documents (JSON for the JSON protocols).
    let encodeDocument: @Sendable (any Encodable) throws -> Data

    /// A writer whose documents `encodeDocument` writes.
    public init(encodeDocument: @escaping @Sendable (any Encodable) throws -> Data) {
        self.encodeDocument = encodeDocument
    }

    /// Marks the message as the event `eventType` (`:message-type: event`).
    public mutating func event(_ eventType: String) {
        add(":message-type", .string("event"))
        add(":event-type", .string(eventType))
    }

    /// Marks the message as the modelled exception `exceptionType` (`:message-type: exception`).
    public mutating func exception(_ exceptionType: String) {
        add(":message-type", .string("exception"))
        add(":exception-type", .string(exceptionType))
    }

    // MARK: - Payload

    /// The members that are not headers, as a document.
    public mutating func body(_ value: some Encodable) throws {
        setPayload(try encodeDocument(value), contentType: "application/json")
    }

    /// A structure or union `eventPayload` member, as a document; nothing when unset.
    public mutating func payload(_ value: (some Encodable)?) throws {
        guard let value else { return }
        setPayload(try encodeDocument(value), contentType: "application/json")
    }

    /// A blob `eventPayload` member, as its bytes; nothing when unset.
    public mutating func payloadBytes(_ value: Data?, contentType: String = "application/octet-stream") {
        guard let value else { return }
        setPayload(value, contentType: contentType)
    }

    /// A string `eventPayload` member, as UTF-8; nothing when unset.
    public mutating func payloadText(_ value: String?, contentType: String = "text/plain") {
        guard let value else { return }
        setPayload(Data(value.utf8), contentType: contentType)
    }

    private mutating func setPayload(_ data: Data, contentType: String) {
        add(":content-type", .string(contentType))
        message.payload = data
    }

    // MARK: - Headers

    /// A boolean header; nothing when unset. (Every header method throws, as the `Int` one must, so generated code
    /// calls them all alike.)
    public mutating func header(_ name: String, _ value: Bool?) throws {
        if let value { add(name, .bool(value)) }
    }

    /// A byte header; nothing when unset.
    public mutating func header(_ name: String, _ value: Int8?) throws {
        if let value { add(name, .byte(value)) }
    }

    /// A short header; nothing when unset.
    public mutating func header(_ name: String, _ value: Int16?) throws {
        if let value { add(name, .short(value)) }
    }

    /// An integer header (sent as 32 bits, the wire's `int`); throws when the value does not fit.
    public mutating func header(_ name: String, _ value: Int?) throws {
        guard let value else { return }
        guard let narrowed = Int32(exactly: value) else { throw EventMessageError.headerRange(name: name) }
        add(name, .int(narrowed))
    }

    /// A long header; nothing when unset.
    public mutating func header(_ name: String, _ value: Int64?) throws {
        if let value { add(name, .long(value)) }
    }

    /// A bytes header (blob members); nothing when unset.
    public mutating func header(_ name: String, _ value: Data?) throws {
        if let value { add(name, .bytes(value)) }
    }

    /// A string header; nothing when unset.
    public mutating func header(_ name: String, _ value: String?) throws {
        if let value { add(name, .string(value)) }
    }

    /// A timestamp header; nothing when unset.
    public mutating func header(_ name: String, _ value: Date?) throws {
        if let value { add(name, .timestamp(value)) }
    }

    /// An int-enum header, as its raw value (32 bits); nothing when unset.
    public mutating func header<Value: RawRepresentable>(_ name: String, _ value: Value?) throws where Value.RawValue == Int {
        try header(name, value?.rawValue)
    }

    /// A string-enum header, as its raw value; nothing when unset.
    public mutating func header<Value: RawRepresentable>(_ name: String, _ value: Value?) throws
    where Value.RawValue == String {
        if let value { add(name, .string(value.rawValue)) }
    }

    private mutating func add(_ name: String, _ value: EventStreamHeaderValue) {
        message.headers.append(EventStreamHeader(name: name, value: value))
    }
}
