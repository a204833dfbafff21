import Foundation

/// A structure or union read from an XML element (awsQuery, ec2Query and restXml responses). Generated for
/// every shape of an XML service that an output or error reaches.
public protocol XMLDecodable: Sendable {
    /// Reads the members from the children (and attributes) of `xml`.
    init(xml: ParsedXMLElement) throws
}

/// An XML value that is not what its member needs.
public struct XMLValueError: Error, Sendable, CustomStringConvertible {
    /// The element or attribute holding it.
    public var name: String
    /// What it should have held.
    public var expected: String

    /// An error for `name`, which should have held `expected`.
    public init(name: String, expected: String) {
        self.name = name
        self.expected = expected
    }

    public var description: String { "the XML element \(name) does not hold \(expected)" }
}

extension ParsedXMLElement {
    // MARK: - Members by name

    /// The child `name` as a scalar; nil when absent.
    public func value<Value: HTTPBindingValue>(_ name: String, as type: Value.Type = Value.self) throws -> Value? {
        try child(named: name).map { try $0.scalar(Value.self) }
    }

    /// The child `name` as a timestamp (RFC 3339 unless the member says otherwise).
    public func value(_ name: String, as type: Date.Type = Date.self, format: TimestampFormat = .dateTime) throws -> Date? {
        try child(named: name).map { try $0.timestamp() }
    }

    /// The child `name` as base64 bytes.
    public func value(_ name: String, as type: Data.Type = Data.self) throws -> Data? {
        try child(named: name).map { try $0.blob() }
    }

    /// The child `name` as a structure or union.
    public func value<Value: XMLDecodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value? {
        try child(named: name).map { try Value(xml: $0) }
    }

    /// A document has no XML form: always nil.
    public func value(_ name: String, as type: JSONValue.Type) throws -> JSONValue? { nil }

    /// The attribute `name` as a scalar (`xmlAttribute` members).
    public func attribute<Value: HTTPBindingValue>(_ name: String, as type: Value.Type = Value.self) throws -> Value? {
        guard let text = attributes[name] else { return nil }
        guard let value = Value(httpBindingText: text) else { throw XMLValueError(name: name, expected: "\(Value.self)") }
        return value
    }

    /// A list: the child `name` wrapping `member` elements, or (flattened) every child named `name`; nil when
    /// absent.
    public func list<Element>(
        _ name: String, member: String = "member", flattened: Bool = false, element: (ParsedXMLElement) throws -> Element
    ) throws -> [Element]? {
        if flattened {
            let items = children(named: name)
            return items.isEmpty ? nil : try items.map(element)
        }
        guard let wrapper = child(named: name) else { return nil }
        return try wrapper.children(named: member).map(element)
    }

    /// A map: the child `name` wrapping `entry` elements of `key` and `value`, or (flattened) every child named
    /// `name`; nil when absent.
    public func map<Value>(
        _ name: String, keyName: String = "key", valueName: String = "value", flattened: Bool = false,
        value: (ParsedXMLElement) throws -> Value
    ) throws -> [String: Value]? {
        let entries: [ParsedXMLElement]
        if flattened {
            entries = children(named: name)
            if entries.isEmpty { return nil }
        } else {
            guard let wrapper = child(named: name) else { return nil }
            entries = wrapper.children(named: "entry")
        }
        var map: [String: Value] = [:]
        for entry in entries {
            guard let key = entry.child(named: keyName)?.text, let item = entry.child(named: valueName) else {
                throw XMLValueError(name: name, expected: "map entries with \(keyName) and \(valueName)")
            }
            map[key] = try value(item)
        }
        return map
    }

    // MARK: - This element's own value

    /// This element's text as a scalar.
    public func scalar<Value: HTTPBindingValue>(_ type: Value.Type = Value.self) throws -> Value {
        // Strings keep their whitespace; numbers, booleans and enums are read trimmed.
        let raw = Value.self == String.self ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Value(httpBindingText: raw) else { throw XMLValueError(name: name, expected: "\(Value.self)") }
        return value
    }

    /// This element's text as a timestamp in any of the three formats.
    public func timestamp() throws -> Date {
        guard let date = TimestampFormat.date(from: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw XMLValueError(name: name, expected: "a timestamp")
        }
        return date
    }

    /// This element's text as base64 bytes.
    public func blob() throws -> Data {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: trimmed) else { throw XMLValueError(name: name, expected: "base64") }
        return data
    }
}

extension ParsedXMLElement {
    /// The items of a list this element wraps (a list inside a list or map).
    public func listItems<Element>(member: String = "member", element: (ParsedXMLElement) throws -> Element) throws -> [Element] {
        try children(named: member).map(element)
    }

    /// The entries of a map this element wraps (a map inside a list or map).
    public func mapEntries<Value>(keyName: String = "key", valueName: String = "value",
                                  value: (ParsedXMLElement) throws -> Value) throws -> [String: Value] {
        var map: [String: Value] = [:]
        for entry in children(named: "entry") {
            guard let key = entry.child(named: keyName)?.text, let item = entry.child(named: valueName) else {
                throw XMLValueError(name: name, expected: "map entries with \(keyName) and \(valueName)")
            }
            map[key] = try value(item)
        }
        return map
    }

    /// Fails for a required member that is absent and has no zero value (an enum or union).
    public func missing<Value>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        throw XMLValueError(name: name, expected: "a value (it is required)")
    }
}
