import SmithyModel

/// A JSON value as JMESPath sees it: numbers are doubles, objects keep their key order.
public indirect enum JMESValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JMESValue])
    case object([(key: String, value: JMESValue)])
    /// An expression reference (`&expr`), only ever an argument of `sort_by`, `map` and the like.
    case expression(JMESPathExpression)

    /// The value of a parsed JSON document.
    public init(_ node: JSONNode) {
        switch node {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let text): self = .number(Double(text) ?? 0)
        case .string(let value): self = .string(value)
        case .array(let elements): self = .array(elements.map(JMESValue.init))
        case .object(let object): self = .object(object.entries.map { (key: $0.key, value: JMESValue($0.value)) })
        }
    }

    /// JMESPath truthiness: `false`, `null` and empty strings, arrays and objects are false.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .string(let value): !value.isEmpty
        case .array(let value): !value.isEmpty
        case .object(let value): !value.isEmpty
        case .number, .expression: true
        }
    }

    /// The type name functions report (`type()`) and check.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .expression: "expref"
        }
    }

    subscript(key: String) -> JMESValue {
        guard case .object(let entries) = self else { return .null }
        return entries.first { $0.key == key }?.value ?? .null
    }

    public static func == (lhs: JMESValue, rhs: JMESValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            // Objects are equal whatever their key order.
            guard a.count == b.count else { return false }
            return a.allSatisfy { entry in b.contains { $0.key == entry.key && $0.value == entry.value } }
        case (.expression(let a), .expression(let b)): return a == b
        default: return false
        }
    }

    /// Compact JSON, as `to_string` needs it (written by the model's own JSON writer).
    public var json: String { JSONWriter.compact(node) }

    /// The value as a JSON node (an expression reference, which JSON cannot hold, as null).
    private var node: JSONNode {
        switch self {
        case .null, .expression: .null
        case .bool(let value): .bool(value)
        case .number(let value): .number(Self.format(value))
        case .string(let value): .string(value)
        case .array(let elements): .array(elements.map(\.node))
        case .object(let entries): .object(JSONObject(entries.map { (key: $0.key, value: $0.value.node) }))
        }
    }

    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
