import Foundation

/// Reads an output's bound members from a response: headers, status code and payload; body members come from
/// the protocol's body decoder.
public struct HTTPResponseBindings: Sendable {
    /// The response being read.
    public let response: HTTPResponse
    /// Decodes a body in the protocol's format (JSON for restJson1, XML for restXml).
    let bodyDecoder: any HTTPBodyDecoder
    /// The operation and request id, for the errors an event stream payload throws.
    let operation: String
    let requestID: String?

    /// Bindings over `response`, whose body `bodyDecoder` reads; `operation` and `requestID` name the call in
    /// the errors an event stream payload throws.
    public init(response: HTTPResponse, bodyDecoder: any HTTPBodyDecoder, operation: String = "", requestID: String? = nil) {
        self.response = response
        self.bodyDecoder = bodyDecoder
        self.operation = operation
        self.requestID = requestID
    }

    /// The HTTP status (`httpResponseCode` members).
    public var statusCode: Int { response.statusCode }

    /// Decodes the body members (an empty body as the empty object).
    public func body<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try bodyDecoder.decode(type, from: response.body)
    }

    /// A value with every member unset or zero: outputs whose body is a payload member start from it.
    public func empty<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try bodyDecoder.decode(type, from: Data())
    }

    /// The payload member of a structure, union or document type; nil for an empty body.
    public func payload<Value: Decodable>(_ type: Value.Type) throws -> Value? {
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
        return try bodyDecoder.decode(type, from: response.body)
    }

    /// A blob payload: the body as it is; nil when empty.
    public func payloadBytes() -> Data? {
        response.body.isEmpty ? nil : response.body
    }

    /// A streaming blob payload: the body as it arrives when the response streams, else the body read.
    public func payloadStream() -> ByteStream {
        response.bodyStream ?? ByteStream(response.body)
    }

    /// An event stream payload: the body's messages decoded as they arrive, exceptions thrown as `errors`.
    public func eventStream<Event: EventStreamUnion, Failure: ServiceError>(_ type: Event.Type, errors: Failure.Type)
        -> AsyncEventStream<Event>
    {
        EventStreamResponseDecoder.events(
            of: payloadStream(), as: Event.self, errors: Failure.self, bodyDecoder: bodyDecoder, operation: operation,
            requestID: requestID)
    }

    /// A string payload: the body as UTF-8; nil when empty.
    public func payloadText() -> String? {
        response.body.isEmpty ? nil : String(decoding: response.body, as: UTF8.self)
    }

    // MARK: - Headers

    /// The header `name` as a value of the member's type; nil when absent.
    public func header<Value: HTTPBindingValue>(_ name: String, as type: Value.Type = Value.self) throws -> Value? {
        guard let text = joinedHeader(name) else { return nil }
        guard let value = Value(httpBindingText: text.trimmingCharacters(in: .whitespaces)) else {
            throw HTTPBindingError.invalidHeader(name: name, expected: String(describing: Value.self))
        }
        return value
    }

    /// A list header's elements; nil when absent.
    public func header<Value: HTTPBindingValue>(_ name: String, as type: [Value].Type = [Value].self) throws -> [Value]? {
        guard let text = joinedHeader(name) else { return nil }
        return try HTTPHeaderList.split(text).map { element in
            guard let value = Value(httpBindingText: element) else {
                throw HTTPBindingError.invalidHeader(name: name, expected: "a list of \(Value.self)")
            }
            return value
        }
    }

    /// A timestamp header (HTTP-date unless the member says otherwise).
    public func header(_ name: String, as type: Date.Type = Date.self, format: TimestampFormat = .httpDate) throws -> Date? {
        guard let text = joinedHeader(name) else { return nil }
        guard let date = TimestampFormat.date(from: text.trimmingCharacters(in: .whitespaces)) else {
            throw HTTPBindingError.invalidHeader(name: name, expected: "a timestamp")
        }
        return date
    }

    /// A header listing timestamps.
    public func header(_ name: String, as type: [Date].Type = [Date].self, format: TimestampFormat = .httpDate) throws -> [Date]? {
        guard let text = joinedHeader(name) else { return nil }
        let elements = format == .httpDate ? HTTPHeaderList.splitHTTPDates(text) : HTTPHeaderList.split(text)
        return try elements.map { element in
            guard let date = TimestampFormat.date(from: element) else {
                throw HTTPBindingError.invalidHeader(name: name, expected: "a list of timestamps")
            }
            return date
        }
    }

    /// A blob header, base64-decoded.
    public func header(_ name: String, as type: Data.Type = Data.self) throws -> Data? {
        guard let text = joinedHeader(name) else { return nil }
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespaces)) else {
            throw HTTPBindingError.invalidHeader(name: name, expected: "base64")
        }
        return data
    }

    /// A string header with a `mediaType` trait: base64-decoded.
    public func base64Header(_ name: String) throws -> String? {
        guard let data = try header(name, as: Data.self) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every header whose name starts with `prefix` (case-insensitively), keyed by the rest of its name; an
    /// empty map when there are none (the member is bound, so its absence is an empty map, as Smithy says).
    public func prefixHeaders(_ prefix: String) -> [String: String]? {
        let lowered = prefix.lowercased()
        var map: [String: String] = [:]
        for field in response.headers where field.name.lowercased().hasPrefix(lowered) {
            let key = String(field.name.dropFirst(prefix.count))
            map[key] = map[key].map { $0 + ", " + field.value } ?? field.value
        }
        return map
    }

    /// A required header's value: an event stream's initial response must carry it (the events that follow cannot
    /// make up for it), so its absence fails the call instead of being corrected to a zero value.
    public func required<Value>(_ value: Value?, header name: String) throws -> Value {
        guard let value else { throw HTTPBindingError.invalidHeader(name: name, expected: "a value (the member is required)") }
        return value
    }

    /// Every value of the header `name`, joined as one list.
    private func joinedHeader(_ name: String) -> String? {
        let values = response.headers.values(for: name)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}

/// Decodes a body in one protocol's format.
public protocol HTTPBodyDecoder: Sendable {
    /// `type` from `body`; an empty body decodes as a value with no members set.
    func decode<Value: Decodable>(_ type: Value.Type, from body: Data) throws -> Value
}
