import Foundation

/// A value the generated code can check against its model constraints.
public protocol Validatable: Sendable {
    /// Adds every violation in this value (and the values it contains) to `validator`, under `path`.
    func validate(_ validator: inout Validator, path: MemberPath)
}

/// Collects constraint violations; generated `validate` methods call its checks.
public struct Validator: Sendable {
    /// Which constraint kinds the checks enforce.
    public let options: ValidationOptions
    /// The violations collected so far.
    public private(set) var violations: [ConstraintViolation] = []
    /// Whether the checks run inside a sensitive structure, list or map: then no check quotes a value, whatever
    /// its own `sensitive` argument says.
    public private(set) var isInsideSensitiveValue = false

    /// An empty validator that enforces the constraint kinds in `options`.
    public init(options: ValidationOptions = .all) {
        self.options = options
    }

    /// Validates a whole input; nil when it is valid.
    public static func validate(_ value: some Validatable, operation: String, options: ValidationOptions)
        -> ValidationError?
    {
        guard options != .none else { return nil }
        var validator = Validator(options: options)
        value.validate(&validator, path: .root)
        return validator.violations.isEmpty ? nil : ValidationError(operation: operation, violations: validator.violations)
    }

    /// Runs `checks` as inside a sensitive value (a `@sensitive` structure, list or map, or a member that
    /// targets one): the violations they find name their paths but never quote a value.
    public mutating func withinSensitiveValue(_ checks: (inout Validator) -> Void) {
        let wasInside = isInsideSensitiveValue
        isInsideSensitiveValue = true
        checks(&self)
        isInsideSensitiveValue = wasInside
    }

    /// A required member the caller left nil (possible where the Swift type is optional, e.g. a boxed member).
    public mutating func missing(at path: MemberPath) {
        violations.append(ConstraintViolation(path: path.description, constraint: .required, actual: nil))
    }

    /// `length` on strings (counted in Unicode scalars, as Smithy specifies).
    public mutating func checkLength(_ value: String, min: Int?, max: Int?, path: MemberPath, sensitive: Bool = false) {
        // A scalar takes 1 to 4 UTF-8 bytes, so the byte count (O(1) for native strings) often settles both
        // bounds without walking a multi-megabyte manifest.
        let bytes = value.utf8.count
        let surelyLongEnough = min.map { bytes / 4 >= $0 } ?? true
        let surelyShortEnough = max.map { bytes <= $0 } ?? true
        if surelyLongEnough && surelyShortEnough { return }
        checkCount(value.unicodeScalars.count, min: min, max: max, path: path, sensitive: sensitive)
    }

    /// `length` on blobs (counted in bytes, never in base64 characters).
    public mutating func checkLength(_ value: Data, min: Int?, max: Int?, path: MemberPath, sensitive: Bool = false) {
        checkCount(value.count, min: min, max: max, path: path, sensitive: sensitive)
    }

    /// `length` on lists (entries).
    public mutating func checkLength<Element>(_ value: [Element], min: Int?, max: Int?, path: MemberPath,
                                              sensitive: Bool = false) {
        checkCount(value.count, min: min, max: max, path: path, sensitive: sensitive)
    }

    /// `length` on maps (entries).
    public mutating func checkLength<Value>(_ value: [String: Value], min: Int?, max: Int?, path: MemberPath,
                                            sensitive: Bool = false) {
        checkCount(value.count, min: min, max: max, path: path, sensitive: sensitive)
    }

    /// `range` on any number; bounds are the model's literal text, compared as `Double` or exactly as `Decimal`.
    public mutating func checkRange<Number: Comparable & CustomStringConvertible>(
        _ value: Number, min: Number?, max: Number?, minText: String?, maxText: String?, path: MemberPath,
        sensitive: Bool = false
    ) {
        if options.contains(.min), let min, let minText, value < min {
            violations.append(ConstraintViolation(
                path: path.description, constraint: .minimum(minText), actual: hides(sensitive) ? nil : value.description))
        }
        if options.contains(.max), let max, let maxText, value > max {
            violations.append(ConstraintViolation(
                path: path.description, constraint: .maximum(maxText), actual: hides(sensitive) ? nil : value.description))
        }
    }

    /// `pattern` on strings: the value must contain a match (patterns are not implicitly anchored).
    public mutating func checkPattern(_ value: String, _ pattern: ValidationPattern, path: MemberPath,
                                      sensitive: Bool = false) {
        guard options.contains(.pattern), !pattern.matches(value) else { return }
        violations.append(ConstraintViolation(
            path: path.description, constraint: .pattern(pattern.pattern), actual: hides(sensitive) ? nil : quoted(value)))
    }

    /// Enum membership: a value held in the enum's catch-all case is not one the model lists.
    public mutating func checkEnum(isKnown: Bool, rawValue: String, path: MemberPath, sensitive: Bool = false) {
        guard options.contains(.enum), !isKnown else { return }
        violations.append(ConstraintViolation(
            path: path.description, constraint: .enumValue, actual: hides(sensitive) ? nil : quoted(rawValue)))
    }

    private mutating func checkCount(_ count: Int, min: Int?, max: Int?, path: MemberPath, sensitive: Bool) {
        // Lengths are shown even for sensitive members: a length reveals nothing a caller needs hidden.
        if options.contains(.min), let min, count < min {
            violations.append(ConstraintViolation(path: path.description, constraint: .minLength(min), actual: String(count)))
        }
        if options.contains(.max), let max, count > max {
            violations.append(ConstraintViolation(path: path.description, constraint: .maxLength(max), actual: String(count)))
        }
    }

    private func hides(_ sensitive: Bool) -> Bool {
        sensitive || isInsideSensitiveValue
    }

    private func quoted(_ value: String) -> String {
        let limit = 64
        let shown = value.count > limit ? String(value.prefix(limit)) + "…" : value
        return "\"\(shown)\""
    }
}
