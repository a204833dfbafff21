import Foundation

/// A JSON-shaped value flowing through endpoint resolution: parameter values, intermediate results of rule-set
/// functions (a partition, a parsed ARN or URL) and the `properties` of a resolved endpoint (such as `authSchemes`).
///
/// The cases mirror a JSON document so that rule-set literals, test expectations and resolved properties all share
/// one representation.
public enum EndpointValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// A boolean.
    case bool(Bool)
    /// A number; rule sets only use small integers (for example `substring` bounds), which a `Double` holds exactly.
    case number(Double)
    /// A string.
    case string(String)
    /// An ordered list of values.
    case array([EndpointValue])
    /// An object keyed by member name.
    case object([String: EndpointValue])

    /// The string payload, or `nil` when the value is not a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean payload, or `nil` when the value is not a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number as an `Int` when it is an exact integer, otherwise `nil`.
    public var integerValue: Int? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// The elements of an array, or `nil` when the value is not an array.
    public var arrayValue: [EndpointValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members of an object, or `nil` when the value is not an object.
    public var objectValue: [String: EndpointValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member called `key` when the value is an object.
    public subscript(key: String) -> EndpointValue? {
        objectValue?[key]
    }

    /// A short name for the value's kind, used in error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension EndpointValue: ExpressibleByStringLiteral {
    /// Creates a string value.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension EndpointValue: ExpressibleByBooleanLiteral {
    /// Creates a boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension EndpointValue: ExpressibleByIntegerLiteral {
    /// Creates a number value.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension EndpointValue: ExpressibleByFloatLiteral {
    /// Creates a number value.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension EndpointValue: ExpressibleByArrayLiteral {
    /// Creates an array value.
    public init(arrayLiteral elements: EndpointValue...) { self = .array(elements) }
}

extension EndpointValue: ExpressibleByDictionaryLiteral {
    /// Creates an object value; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, EndpointValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension EndpointValue: ExpressibleByNilLiteral {
    /// Creates `null`.
    public init(nilLiteral: ()) { self = .null }
}
