/// Typed views of the traits a client generator needs.
extension Traits {
    public var isRequired: Bool { has(TraitID.required) }
    public var isClientOptional: Bool { has(TraitID.clientOptional) }
    public var hasAddedDefault: Bool { has(TraitID.addedDefault) }
    public var isSensitive: Bool { has(TraitID.sensitive) }
    public var isIdempotencyToken: Bool { has(TraitID.idempotencyToken) }
    public var isSparse: Bool { has(TraitID.sparse) }
    public var isInput: Bool { has(TraitID.input) }
    public var isOutput: Bool { has(TraitID.output) }
    public var isStreaming: Bool { has(TraitID.streaming) }
    public var isUniqueItems: Bool { has(TraitID.uniqueItems) }

    /// The `default` value, as written in the model (null means "no default", per Smithy).
    public var defaultValue: JSONNode? {
        guard let value = self[TraitID.default], value != .null else { return nil }
        return value
    }

    public var documentation: String? { self[TraitID.documentation]?.stringValue }
    public var title: String? { self[TraitID.title]?.stringValue }
    public var jsonName: String? { self[TraitID.jsonName]?.stringValue }
    public var pattern: String? { self[TraitID.pattern]?.stringValue }
    public var timestampFormat: TimestampFormat? {
        self[TraitID.timestampFormat]?.stringValue.flatMap(TimestampFormat.init(rawValue:))
    }
    public var enumValue: JSONNode? { self[TraitID.enumValue] }

    public var length: LengthConstraint? {
        guard let node = self[TraitID.length] else { return nil }
        return LengthConstraint(min: node["min"]?.intValue, max: node["max"]?.intValue)
    }

    public var range: RangeConstraint? {
        guard let node = self[TraitID.range] else { return nil }
        return RangeConstraint(min: node["min"]?.numberText, max: node["max"]?.numberText)
    }

    /// The `error` trait: `client` or `server`.
    public var errorFault: ErrorFault? {
        self[TraitID.error]?.stringValue.flatMap(ErrorFault.init(rawValue:))
    }

    public var httpErrorCode: Int? { self[TraitID.httpError]?.intValue }

    public var retryable: RetryableTrait? {
        guard let node = self[TraitID.retryable] else { return nil }
        return RetryableTrait(throttling: node["throttling"]?.boolValue ?? false)
    }

    public var deprecated: DeprecatedTrait? {
        guard let node = self[TraitID.deprecated] else { return nil }
        return DeprecatedTrait(message: node["message"]?.stringValue, since: node["since"]?.stringValue)
    }

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

    public var endpointRuleSet: JSONNode? { self[TraitID.endpointRuleSet] }
    public var endpointTests: JSONNode? { self[TraitID.endpointTests] }
    public var isAWSQueryCompatible: Bool { has(TraitID.awsQueryCompatible) }

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

public struct LengthConstraint: Sendable, Equatable {
    public var min: Int?
    public var max: Int?

    public init(min: Int?, max: Int?) {
        self.min = min
        self.max = max
    }
}

/// A `range` constraint; bounds keep their literal text so big and fractional numbers are exact.
public struct RangeConstraint: Sendable, Equatable {
    public var min: String?
    public var max: String?

    public init(min: String?, max: String?) {
        self.min = min
        self.max = max
    }
}

public enum ErrorFault: String, Sendable {
    case client, server
}

public enum TimestampFormat: String, Sendable {
    case dateTime = "date-time"
    case httpDate = "http-date"
    case epochSeconds = "epoch-seconds"
}

public struct RetryableTrait: Sendable, Equatable {
    public var throttling: Bool
}

public struct DeprecatedTrait: Sendable, Equatable {
    public var message: String?
    public var since: String?
}

/// The `paginated` trait; on operations it is merged with the service's defaults.
public struct PaginatedTrait: Sendable, Equatable {
    public var inputToken: String?
    public var outputToken: String?
    public var items: String?
    public var pageSize: String?

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

public struct LegacyEnumDefinition: Sendable, Equatable {
    public var value: String
    public var name: String?
    public var documentation: String?
    public var deprecated: Bool
}

public struct AWSServiceTrait: Sendable, Equatable {
    public var sdkId: String?
    public var arnNamespace: String?
    public var endpointPrefix: String?
}
