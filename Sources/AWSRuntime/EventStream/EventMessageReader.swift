import Foundation

/// Reads one event's members from a message: `eventHeader` members from its headers, the `eventPayload`
/// member (or the other members as a document) from its payload, in the protocol's body format.
public struct EventMessageReader: Sendable {
    /// The message being read.
    public let message: EventStreamMessage
    /// Decodes payload documents (JSON for the JSON protocols, XML for restXml).
    let bodyDecoder: any HTTPBodyDecoder

    /// A reader of `message` whose documents `bodyDecoder` reads.
    public init(message: EventStreamMessage, bodyDecoder: any HTTPBodyDecoder) {
        self.message = message
        self.bodyDecoder = bodyDecoder
    }

    // MARK: - Payload

    /// The members that are not headers, decoded from the payload as a document (an empty payload as `{}`).
    public func body<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try bodyDecoder.decode(type, from: message.payload)
    }

    /// A value with every member unset or zero, for events whose members are all headers or the payload.
    public func empty<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try bodyDecoder.decode(type, from: Data())
    }

    /// A structure or union `eventPayload` member: the payload as a document.
    public func payload<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try body(type)
    }

    /// A blob `eventPayload` member: the payload's bytes.
    public func payloadBytes() -> Data { message.payload }

    /// A string `eventPayload` member: the payload as UTF-8.
    public func payloadText() -> String { String(decoding: message.payload, as: UTF8.self) }

    // MARK: - Headers

    /// A boolean header; nil when absent.
    public func header(_ name: String, as type: Bool.Type) throws -> Bool? {
        guard let value = message[header: name] else { return nil }
        guard case .bool(let flag) = value else { throw EventMessageError.headerType(name: name, expected: "a boolean") }
        return flag
    }

    /// An integer header (any of the four integer wire types), narrowed to the member's type; nil when absent.
    public func header<Value: FixedWidthInteger>(_ name: String, as type: Value.Type) throws -> Value? {
        guard let value = message[header: name] else { return nil }
        let wide: Int64
        switch value {
        case .byte(let number): wide = Int64(number)
        case .short(let number): wide = Int64(number)
        case .int(let number): wide = Int64(number)
        case .long(let number): wide = number
        default: throw EventMessageError.headerType(name: name, expected: "an integer")
        }
        guard let narrowed = Value(exactly: wide) else { throw EventMessageError.headerRange(name: name) }
        return narrowed
    }

    /// A bytes header (blob members); nil when absent.
    public func header(_ name: String, as type: Data.Type) throws -> Data? {
        guard let value = message[header: name] else { return nil }
        guard case .bytes(let bytes) = value else { throw EventMessageError.headerType(name: name, expected: "bytes") }
        return bytes
    }

    /// A string header; nil when absent.
    public func header(_ name: String, as type: String.Type) throws -> String? {
        guard let value = message[header: name] else { return nil }
        guard case .string(let text) = value else { throw EventMessageError.headerType(name: name, expected: "a string") }
        return text
    }

    /// A timestamp header; nil when absent.
    public func header(_ name: String, as type: Date.Type) throws -> Date? {
        guard let value = message[header: name] else { return nil }
        guard case .timestamp(let date) = value else { throw EventMessageError.headerType(name: name, expected: "a timestamp") }
        return date
    }

    /// An int-enum header, from its raw value; nil when absent.
    public func header<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value?
    where Value.RawValue == Int {
        try header(name, as: Int.self).flatMap(Value.init(rawValue:))
    }

    /// A string-enum header, from its raw value; nil when absent.
    public func header<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        try header(name, as: String.self).flatMap(Value.init(rawValue:))
    }
}
