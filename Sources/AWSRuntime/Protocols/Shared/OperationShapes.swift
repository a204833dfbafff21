import Foundation

/// The input of an operation: encoded as the request body, validated before anything is signed or sent.
public protocol OperationInput: Encodable, Sendable, Validatable {}

/// The input of an operation that takes none (Smithy's `Unit`): sent as `{}`.
public struct EmptyInput: OperationInput, Hashable {
    /// The empty input; there is nothing to set.
    public init() {}
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyCodingKey.self)
    }
    /// Nothing to check: an empty input is always valid.
    public func validate(_ validator: inout Validator, path: MemberPath) {}
}

/// The output of an operation that returns nothing (Smithy's `Unit`); any body is ignored. Also the value of a
/// union member that targets `Unit` (written as `{}`).
public struct EmptyOutput: Codable, Sendable, Hashable {
    /// The empty output; there is nothing to set.
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyCodingKey.self)
    }
}

/// Holds a value out of line so a structure can contain itself (recursive shapes).
@propertyWrapper
public struct Boxed<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Value) {
        storage = Storage(wrappedValue)
    }

    /// The boxed value; setting it allocates a new box, so copies never share changes.
    public var wrappedValue: Value {
        get { storage.value }
        set { storage = Storage(newValue) }
    }

    public static func == (lhs: Boxed, rhs: Boxed) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}
