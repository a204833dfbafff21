/// One value that breaks one constraint the model states.
public struct ConstraintViolation: Sendable, Equatable, CustomStringConvertible {
    /// The constraint broken, with the model's limit.
    public enum Constraint: Sendable, Equatable {
        case required
        case minLength(Int)
        case maxLength(Int)
        case minimum(String)
        case maximum(String)
        case pattern(String)
        case enumValue
    }

    /// The member path, e.g. `catalogData.architectures[2]`.
    public var path: String
    /// Which constraint was broken, with its limit.
    public var constraint: Constraint
    /// The actual length or value; nil for `sensitive` members, whose values are never shown.
    public var actual: String?

    /// A violation at `path`; pass nil for `actual` to hide a sensitive value.
    public init(path: String, constraint: Constraint, actual: String?) {
        self.path = path
        self.constraint = constraint
        self.actual = actual
    }

    public var description: String {
        let subject = path.isEmpty ? "input" : path
        let shown = actual ?? "(sensitive value hidden)"
        switch constraint {
        case .required:
            return "\(subject): is required but missing"
        case .minLength(let limit):
            return "\(subject): length \(shown) is less than the minimum \(limit)"
        case .maxLength(let limit):
            return "\(subject): length \(shown) is greater than the maximum \(limit)"
        case .minimum(let limit):
            return "\(subject): value \(shown) is less than the minimum \(limit)"
        case .maximum(let limit):
            return "\(subject): value \(shown) is greater than the maximum \(limit)"
        case .pattern(let pattern):
            return "\(subject): value \(shown) does not match the pattern \(pattern)"
        case .enumValue:
            return "\(subject): value \(shown) is not one of the values the model allows"
        }
    }
}

/// A request that breaks the model's constraints; it was not sent. Lists every violation, not just the first.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operation whose input was invalid.
    public var operation: String
    /// Every violation found, in the order the members were checked.
    public var violations: [ConstraintViolation]

    /// An error for `operation` listing `violations`.
    public init(operation: String, violations: [ConstraintViolation]) {
        self.operation = operation
        self.violations = violations
    }

    public var description: String {
        let count = violations.count
        return "invalid \(operation) input (\(count) violation\(count == 1 ? "" : "s")):\n"
            + violations.map { "  - \($0.description)" }.joined(separator: "\n")
    }
}
