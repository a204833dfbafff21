/// Which constraint kinds a client checks before sending (like the JS SDK's `paramValidation`).
///
/// `required` members are non-optional in generated Swift, so the type system checks them; the few that stay
/// optional (`clientOptional`, recursive members) are checked with the other constraints, and so are skipped with
/// `.none`.
public struct ValidationOptions: OptionSet, Sendable, Hashable {
    /// The option bits.
    public let rawValue: Int
    /// Options from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Minimum lengths and minimum values.
    public static let min = ValidationOptions(rawValue: 1 << 0)
    /// Maximum lengths and maximum values.
    public static let max = ValidationOptions(rawValue: 1 << 1)
    /// `pattern` constraints on strings.
    public static let pattern = ValidationOptions(rawValue: 1 << 2)
    /// Enum values the model does not list.
    public static let `enum` = ValidationOptions(rawValue: 1 << 3)

    /// Every check (the default).
    public static let all: ValidationOptions = [.min, .max, .pattern, .enum]
    /// No checks: requests go to the service as they are.
    public static let none: ValidationOptions = []
}
