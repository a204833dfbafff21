import Foundation

/// The parts of a request that an input's bound members fill: URI labels, query parameters, headers and the
/// payload. Generated `bind(to:)` methods write into it; the protocol codec turns it into the request.
public struct HTTPRequestBindings: Sendable {
    /// What the body holds when a member is the payload (`httpPayload`).
    public enum Payload: Sendable {
        /// Bytes as they are: a blob, or a string's UTF-8.
        case bytes(Data, contentType: String)
        /// A structure, union or document, written in the protocol's body format; XML bodies name their root
        /// element `rootName` (the member's `xmlName`) when given.
        case shape(any Encodable & Sendable, rootName: String?)
        /// An unset structure payload: sent as an empty structure (`{}` in JSON).
        case emptyStructure
        /// A streaming blob from a file or a sequence of chunks, sent as it is read.
        case stream(ByteStream, contentType: String)
        /// An event stream: the codec gives it the protocol's document encoder for the events' payloads.
        case events(@Sendable (_ encodeDocument: @escaping @Sendable (any Encodable) throws -> Data) -> EventStreamRequestBody)
    }

    /// Label values by name, not yet percent-encoded.
    public private(set) var labels: [String: String] = [:]
    /// Query parameters from `httpQuery` members, in member order.
    public private(set) var query: [(name: String, value: String)] = []
    /// Query parameters from an `httpQueryParams` map: added after `query`, skipping names it already has.
    public private(set) var queryParams: [(name: String, value: String)] = []
    /// Headers from `httpHeader` members.
    public private(set) var headers = HTTPHeaders()
    /// Headers from `httpPrefixHeaders` maps: sent unless an `httpHeader` member names the same header.
    public private(set) var prefixHeaders = HTTPHeaders()
    /// The payload member's value, when the input has one and it is set.
    public private(set) var payload: Payload?
    /// The operation the bindings are for, for error messages.
    let operation: String
    private let idempotencyTokenGenerator: @Sendable () -> String

    /// Bindings for one request of `operation`; `idempotencyTokenGenerator` fills unset `idempotencyToken` members.
    public init(operation: String, idempotencyTokenGenerator: @escaping @Sendable () -> String) {
        self.operation = operation
        self.idempotencyTokenGenerator = idempotencyTokenGenerator
    }

    /// A fresh idempotency token, for a bound `idempotencyToken` member the caller left unset.
    public func idempotencyToken() -> String { idempotencyTokenGenerator() }

    // MARK: - URI labels

    /// Binds `value` to the URI label `name`. Labels are required: an unset or empty one is refused when the
    /// URI is built, before anything is sent, since it would change which resource the request names.
    public mutating func label(_ name: String, _ value: (some HTTPBindingValue)?) {
        guard let value else { return }
        labels[name] = value.httpBindingText
    }

    /// Binds a timestamp to the URI label `name` (RFC 3339 unless the member says otherwise).
    public mutating func label(_ name: String, _ value: Date?, format: TimestampFormat = .dateTime) {
        label(name, value.map(format.string(from:)))
    }

    // MARK: - Query

    /// Adds `name=value` when `value` is set.
    public mutating func query(_ name: String, _ value: (some HTTPBindingValue)?) {
        guard let value else { return }
        query.append((name, value.httpBindingText))
    }

    /// Adds `name=value` for each element of a list (the parameter repeats).
    public mutating func query(_ name: String, _ values: [some HTTPBindingValue]?) {
        for value in values ?? [] { query.append((name, value.httpBindingText)) }
    }

    /// Adds a timestamp (RFC 3339 unless the member says otherwise).
    public mutating func query(_ name: String, _ value: Date?, format: TimestampFormat = .dateTime) {
        guard let value else { return }
        query.append((name, format.string(from: value)))
    }

    /// Adds a list of timestamps.
    public mutating func query(_ name: String, _ values: [Date]?, format: TimestampFormat = .dateTime) {
        for value in values ?? [] { query.append((name, format.string(from: value))) }
    }

    /// Adds every entry of an `httpQueryParams` map (names an `httpQuery` member already set are skipped).
    public mutating func queryParams(_ map: [String: some HTTPBindingValue]?) {
        for (name, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
            queryParams.append((name, value.httpBindingText))
        }
    }

    /// Adds every value of every entry of an `httpQueryParams` map of lists.
    public mutating func queryParams(_ map: [String: [some HTTPBindingValue]]?) {
        for (name, values) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
            for value in values { queryParams.append((name, value.httpBindingText)) }
        }
    }

    // MARK: - Headers

    /// Sets the header `name` when `value` is set.
    public mutating func header(_ name: String, _ value: (some HTTPBindingValue)?) {
        guard let value else { return }
        headers.add(name: name, value: value.httpBindingText)
    }

    /// Sets the header `name` to a list: values joined by `, `, those holding a comma or quote quoted.
    public mutating func header(_ name: String, _ values: [some HTTPBindingValue]?) {
        guard let values else { return }
        headers.add(name: name, value: values.map { HTTPHeaderList.quoted($0.httpBindingText) }.joined(separator: ", "))
    }

    /// Sets a timestamp header (HTTP-date unless the member says otherwise).
    public mutating func header(_ name: String, _ value: Date?, format: TimestampFormat = .httpDate) {
        guard let value else { return }
        headers.add(name: name, value: format.string(from: value))
    }

    /// Sets a header holding a list of timestamps (HTTP-dates are not quoted, though they hold a comma).
    public mutating func header(_ name: String, _ values: [Date]?, format: TimestampFormat = .httpDate) {
        guard let values else { return }
        headers.add(name: name, value: values.map(format.string(from:)).joined(separator: ", "))
    }

    /// Sets a header from a string with a `mediaType` trait: its value is sent base64-encoded.
    public mutating func base64Header(_ name: String, _ value: String?) {
        guard let value else { return }
        headers.add(name: name, value: Data(value.utf8).base64EncodedString())
    }

    /// Sets a blob header: base64.
    public mutating func header(_ name: String, _ value: Data?) {
        guard let value else { return }
        headers.add(name: name, value: value.base64EncodedString())
    }

    /// Sets one header per map entry, named `prefix` + key (`httpPrefixHeaders`).
    public mutating func prefixHeaders(_ prefix: String, _ map: [String: String]?) {
        for (key, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
            prefixHeaders.add(name: prefix + key, value: value)
        }
    }

    // MARK: - Payload

    /// Sends a blob as the body, with the member's media type (`application/octet-stream` when it has none).
    public mutating func blobPayload(_ value: Data?, contentType: String = "application/octet-stream") {
        guard let value else { return }
        payload = .bytes(value, contentType: contentType)
    }

    /// Sends a streaming blob as the body: bytes in memory as they are, a file or a sequence as it is read.
    public mutating func streamPayload(_ value: ByteStream?, contentType: String = "application/octet-stream") {
        guard let value else { return }
        if let data = value.data {
            payload = .bytes(data, contentType: contentType)
        } else {
            payload = .stream(value, contentType: contentType)
        }
    }

    /// Sends an event stream as the body: each event a signed message as the caller's sequence yields it.
    public mutating func eventStreamPayload<Event: EventStreamUnion>(_ value: AsyncEventStream<Event>) {
        payload = .events { encodeDocument in EventStreamRequestBody(value, encodeDocument: encodeDocument) }
    }

    /// Sends a string as the body, as UTF-8 (`text/plain` unless the member has a media type).
    public mutating func stringPayload(_ value: String?, contentType: String = "text/plain") {
        guard let value else { return }
        payload = .bytes(Data(value.utf8), contentType: contentType)
    }

    /// Sends a union or document as the body, in the protocol's format; nothing when unset.
    public mutating func shapePayload(_ value: (any Encodable & Sendable)?, rootName: String? = nil) {
        guard let value else { return }
        payload = .shape(value, rootName: rootName)
    }

    /// Sends a structure as the body, in the protocol's format; an empty structure when unset.
    public mutating func structurePayload(_ value: (any Encodable & Sendable)?, rootName: String? = nil) {
        payload = value.map { .shape($0, rootName: rootName) } ?? .emptyStructure
    }
}

/// A bound member that cannot be sent.
public enum HTTPBindingError: Error, Sendable, CustomStringConvertible {
    /// A URI label with no value: the request would name another resource.
    case emptyLabel(operation: String, label: String)
    /// An operation of a REST protocol called without its `http` route (a client not generated for this protocol).
    case missingRoute(operation: String)
    /// A URI label whose value would name another resource (a greedy label with `.` or `..` segments).
    case invalidLabel(operation: String, label: String, reason: String)
    /// A response header that does not hold a value of the member's type.
    case invalidHeader(name: String, expected: String)

    public var description: String {
        switch self {
        case .emptyLabel(let operation, let label):
            return "\(operation): the URI label \(label) is unset or empty"
        case .missingRoute(let operation):
            return "\(operation) has no HTTP route (method and URI) for this REST protocol"
        case .invalidLabel(let operation, let label, let reason):
            return "\(operation): the URI label \(label) \(reason)"
        case .invalidHeader(let name, let expected):
            return "the header \(name) does not hold \(expected)"
        }
    }
}
