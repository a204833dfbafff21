/// A JSON value that keeps object keys in document order and remembers where it came from.
///
/// Order matters: members are generated in the order the model lists them, so output is stable and
/// reads like the model. The source path lets diagnostics name the exact place at fault.
public indirect enum JSONNode: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, so no precision is lost before a consumer picks a type.
    case number(String)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The object, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONNode]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, when this is a number.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The number as an `Int`, when it is a whole number that fits (`3.0` counts).
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text) ?? Double(text).flatMap { $0.rounded() == $0 ? Int(exactly: $0) : nil }
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONNode? {
        objectValue?[key]
    }

    /// A short name for the kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// A JSON object with its keys in document order.
public struct JSONObject: Sendable, Equatable {
    /// The members in document order.
    public private(set) var entries: [(key: String, value: JSONNode)]
    private var index: [String: Int]

    /// An object from `entries` in order; a repeated key keeps its first position and its last value.
    public init(_ entries: [(key: String, value: JSONNode)] = []) {
        self.entries = []
        self.index = [:]
        for entry in entries { self[entry.key] = entry.value }
    }

    /// The keys in document order.
    public var keys: [String] { entries.map(\.key) }
    /// Whether the object has no members.
    public var isEmpty: Bool { entries.isEmpty }
    /// The number of members.
    public var count: Int { entries.count }

    /// The value of `key`; setting keeps an existing key's position, appends a new one, and nil removes it.
    public subscript(key: String) -> JSONNode? {
        get { index[key].map { entries[$0].value } }
        set {
            if let position = index[key] {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    private mutating func rebuildIndex() {
        index = [:]
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
