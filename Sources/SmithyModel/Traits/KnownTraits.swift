/// Typed views of the traits a client generator needs.
extension Traits {
    /// Whether the member has the `required` trait.
    public var isRequired: Bool { has(TraitID.required) }
    /// Whether the member has `clientOptional`: optional in clients whatever else it has.
    public var isClientOptional: Bool { has(TraitID.clientOptional) }
    /// Whether the member has `addedDefault`: its default came later, so clients must not rely on it.
    public var hasAddedDefault: Bool { has(TraitID.addedDefault) }
    /// Whether the value is `sensitive` and must never be shown.
    public var isSensitive: Bool { has(TraitID.sensitive) }
    /// Whether the member gets a generated token when left unset.
    public var isIdempotencyToken: Bool { has(TraitID.idempotencyToken) }
    /// Whether the list or map may hold nulls.
    public var isSparse: Bool { has(TraitID.sparse) }
    /// Whether the structure is marked as an operation input.
    public var isInput: Bool { has(TraitID.input) }
    /// Whether the structure is marked as an operation output.
    public var isOutput: Bool { has(TraitID.output) }
    /// Whether the shape is streamed.
    public var isStreaming: Bool { has(TraitID.streaming) }
    /// Whether the event member is a message header.
    public var isEventHeader: Bool { has(TraitID.eventHeader) }
    /// Whether the event member is the message payload.
    public var isEventPayload: Bool { has(TraitID.eventPayload) }
    /// Whether the list's items must be distinct.
    public var isUniqueItems: Bool { has(TraitID.uniqueItems) }

    /// The `default` value, as written in the model (null means "no default", per Smithy).
    public var defaultValue: JSONNode? {
        guard let value = self[TraitID.default], value != .null else { return nil }
        return value
    }

    /// The `documentation` text.
    public var documentation: String? { self[TraitID.documentation]?.stringValue }
    /// The `title` text.
    public var title: String? { self[TraitID.title]?.stringValue }
    /// The `jsonName`: the member's key in JSON.
    public var jsonName: String? { self[TraitID.jsonName]?.stringValue }
    /// The `pattern` regular expression.
    public var pattern: String? { self[TraitID.pattern]?.stringValue }
    /// The `timestampFormat`; nil when absent or not a known format.
    public var timestampFormat: TimestampFormat? {
        self[TraitID.timestampFormat]?.stringValue.flatMap(TimestampFormat.init(rawValue:))
    }
    /// The `enumValue` of an enum or intEnum member, as written.
    public var enumValue: JSONNode? { self[TraitID.enumValue] }

    /// The `length` bounds.
    public var length: LengthConstraint? {
        guard let node = self[TraitID.length] else { return nil }
        return LengthConstraint(min: node["min"]?.intValue, max: node["max"]?.intValue)
    }

    /// The `range` bounds, as literal number text.
    public var range: RangeConstraint? {
        guard let node = self[TraitID.range] else { return nil }
        return RangeConstraint(min: node["min"]?.numberText, max: node["max"]?.numberText)
    }

    /// The `error` trait: `client` or `server`.
    public var errorFault: ErrorFault? {
        self[TraitID.error]?.stringValue.flatMap(ErrorFault.init(rawValue:))
    }

    /// The `httpError` status code.
    public var httpErrorCode: Int? { self[TraitID.httpError]?.intValue }

    /// The `retryable` trait; `throttling` is false when not given.
    public var retryable: RetryableTrait? {
        guard let node = self[TraitID.retryable] else { return nil }
        return RetryableTrait(throttling: node["throttling"]?.boolValue ?? false)
    }

    /// The `deprecated` trait's message and version.
    public var deprecated: DeprecatedTrait? {
        guard let node = self[TraitID.deprecated] else { return nil }
        return DeprecatedTrait(message: node["message"]?.stringValue, since: node["since"]?.stringValue)
    }

    /// The `paginated` trait as written on this shape (see `merged(withDefaults:)`).
    public var paginated: PaginatedTrait? {
        guard let node = self[TraitID.paginated] else { return nil }
        return PaginatedTrait(
            inputToken: node["inputToken"]?.stringValue,
            outputToken: node["outputToken"]?.stringValue,
            items: node["items"]?.stringValue,
            pageSize: node["pageSize"]?.stringValue
        )
    }

    /// Smithy 1.0's `enum` trait on a string: its values, names and documentation.
    public var legacyEnumDefinitions: [LegacyEnumDefinition]? {
        guard let list = self[TraitID.legacyEnum]?.arrayValue else { return nil }
        return list.compactMap { entry in
            guard let value = entry["value"]?.stringValue else { return nil }
            return LegacyEnumDefinition(
                value: value,
                name: entry["name"]?.stringValue,
                documentation: entry["documentation"]?.stringValue,
                deprecated: entry["deprecated"]?.boolValue ?? false
            )
        }
    }

    /// `aws.api#service`: the SDK id and other naming facts.
    public var awsService: AWSServiceTrait? {
        guard let node = self[TraitID.awsService] else { return nil }
        return AWSServiceTrait(
            sdkId: node["sdkId"]?.stringValue,
            arnNamespace: node["arnNamespace"]?.stringValue,
            endpointPrefix: node["endpointPrefix"]?.stringValue
        )
    }

    /// `aws.auth#sigv4`'s signing name.
    public var sigv4SigningName: String? { self[TraitID.sigv4]?["name"]?.stringValue }

    /// The `smithy.rules#endpointRuleSet` document.
    public var endpointRuleSet: JSONNode? { self[TraitID.endpointRuleSet] }
    /// The `smithy.rules#endpointTests` document.
    public var endpointTests: JSONNode? { self[TraitID.endpointTests] }
    /// Whether the service has `aws.protocols#awsQueryCompatible`.
    public var isAWSQueryCompatible: Bool { has(TraitID.awsQueryCompatible) }

    /// `smithy.api#http`: the operation's method, URI pattern and success code.
    public var http: HTTPTrait? {
        guard let node = self[TraitID.http], let method = node["method"]?.stringValue,
              let uri = node["uri"]?.stringValue else { return nil }
        return HTTPTrait(method: method, uri: uri, code: node["code"]?.intValue ?? 200)
    }

    /// Where an HTTP-binding protocol puts the member; nil for a body member.
    public var httpBinding: HTTPBinding? {
        if has(TraitID.httpLabel) { return .label }
        if let name = self[TraitID.httpQuery]?.stringValue { return .query(name) }
        if has(TraitID.httpQueryParams) { return .queryParams }
        if let name = self[TraitID.httpHeader]?.stringValue { return .header(name) }
        if let prefix = self[TraitID.httpPrefixHeaders]?.stringValue { return .prefixHeaders(prefix) }
        if has(TraitID.httpPayload) { return .payload }
        if has(TraitID.httpResponseCode) { return .responseCode }
        return nil
    }

    /// `smithy.api#mediaType`.
    public var mediaType: String? { self[TraitID.mediaType]?.stringValue }

    /// `aws.protocols#awsQueryError`: the legacy code and status of an error shape.
    public var awsQueryError: (code: String, httpStatus: Int)? {
        guard let node = self[TraitID.awsQueryError], let code = node["code"]?.stringValue,
              let status = node["httpResponseCode"]?.intValue else { return nil }
        return (code, status)
    }
}

extension JSONNode {
    /// The literal text of a number node.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}

/// A `length` constraint; a nil bound is not checked.
/// `smithy.api#http`: `GET /{Bucket}/{Key+}?x-id=GetObject`, 200.
public struct HTTPTrait: Sendable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The URI pattern, with `{Label}` and greedy `{Label+}` path segments and an optional literal query.
    public var uri: String
    /// The status of a successful response.
    public var code: Int

    /// The label names of the URI pattern's path, in order, and whether each is greedy.
    public var labels: [(name: String, isGreedy: Bool)] {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return path.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            let name = segment.dropFirst().dropLast()
            return name.hasSuffix("+") ? (String(name.dropLast()), true) : (String(name), false)
        }
    }
}

/// Where an HTTP-binding protocol (restJson1, restXml) puts a member of an operation's input or output.
public enum HTTPBinding: Sendable, Equatable {
    case label
    case query(String)
    case queryParams
    case header(String)
    case prefixHeaders(String)
    case payload
    case responseCode
}

public struct LengthConstraint: Sendable, Equatable {
    /// The least length allowed.
    public var min: Int?
    /// The greatest length allowed.
    public var max: Int?

    /// Bounds as given; nil for none.
    public init(min: Int?, max: Int?) {
        self.min = min
        self.max = max
    }
}

/// A `range` constraint; bounds keep their literal text so big and fractional numbers are exact.
public struct RangeConstraint: Sendable, Equatable {
    /// The least value allowed, as written.
    public var min: String?
    /// The greatest value allowed, as written.
    public var max: String?

    /// Bounds as literal number text; nil for none.
    public init(min: String?, max: String?) {
        self.min = min
        self.max = max
    }
}

/// The value of the `error` trait: whose fault the error is.
public enum ErrorFault: String, Sendable {
    case client, server
}

/// The `timestampFormat` values, as written in models.
public enum TimestampFormat: String, Sendable {
    case dateTime = "date-time"
    case httpDate = "http-date"
    case epochSeconds = "epoch-seconds"
}

/// The `retryable` trait of an error.
public struct RetryableTrait: Sendable, Equatable {
    /// Whether the error means the caller is being throttled.
    public var throttling: Bool
}

/// The `deprecated` trait.
public struct DeprecatedTrait: Sendable, Equatable {
    /// A note on why, or what to use instead.
    public var message: String?
    /// When it was deprecated, e.g. a date or version.
    public var since: String?
}

/// The `paginated` trait; on operations it is merged with the service's defaults.
public struct PaginatedTrait: Sendable, Equatable {
    /// The input member that carries the page token.
    public var inputToken: String?
    /// The output member path of the next page's token.
    public var outputToken: String?
    /// The output member path of the page's items.
    public var items: String?
    /// The input member that limits the page size.
    public var pageSize: String?

    /// A trait with the given members; nil for those not set.
    public init(inputToken: String? = nil, outputToken: String? = nil, items: String? = nil, pageSize: String? = nil) {
        self.inputToken = inputToken
        self.outputToken = outputToken
        self.items = items
        self.pageSize = pageSize
    }

    /// This trait with any missing field taken from `defaults` (the service's `paginated` trait).
    public func merged(withDefaults defaults: PaginatedTrait?) -> PaginatedTrait {
        guard let defaults else { return self }
        return PaginatedTrait(
            inputToken: inputToken ?? defaults.inputToken,
            outputToken: outputToken ?? defaults.outputToken,
            items: items ?? defaults.items,
            pageSize: pageSize ?? defaults.pageSize
        )
    }
}

/// One value of a Smithy 1.0 `enum` trait.
public struct LegacyEnumDefinition: Sendable, Equatable {
    /// The value sent on the wire.
    public var value: String
    /// The constant name, if the model gives one.
    public var name: String?
    /// The value's documentation.
    public var documentation: String?
    /// Whether the value is deprecated.
    public var deprecated: Bool
}

/// The `aws.api#service` trait.
public struct AWSServiceTrait: Sendable, Equatable {
    /// The SDK id, e.g. `ECR PUBLIC`; clients are named from it.
    public var sdkId: String?
    /// The ARN namespace, e.g. `ecr-public`.
    public var arnNamespace: String?
    /// The endpoint prefix, e.g. `api.ecr-public`.
    public var endpointPrefix: String?
}
