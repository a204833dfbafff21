/// A parsed JMESPath expression (the grammar of jmespath.org, as its compliance suite pins it down).
public indirect enum JMESPathExpression: Sendable, Equatable {
    /// `@`, and the implicit left side of projections.
    case current
    case field(String)
    case subexpression(JMESPathExpression, JMESPathExpression)
    case index(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `left[*].right` and `left[:2].right`: `right` applied to each element of the array `left` gives.
    case listProjection(JMESPathExpression, JMESPathExpression)
    /// `left.*.right`: `right` applied to each value of the object `left` gives.
    case valueProjection(JMESPathExpression, JMESPathExpression)
    /// `left[?condition].right`.
    case filterProjection(JMESPathExpression, JMESPathExpression, condition: JMESPathExpression)
    /// `left[]`: one level of nested arrays flattened.
    case flatten(JMESPathExpression)
    case literal(JMESValue)
    case multiSelectList([JMESPathExpression])
    case multiSelectHash([(key: String, value: JMESPathExpression)])
    case or(JMESPathExpression, JMESPathExpression)
    case and(JMESPathExpression, JMESPathExpression)
    case not(JMESPathExpression)
    case comparison(JMESPathComparator, JMESPathExpression, JMESPathExpression)
    case pipe(JMESPathExpression, JMESPathExpression)
    case function(String, [JMESPathExpression])
    /// `&expression`, an argument of `sort_by`, `map`, `max_by`, `min_by`.
    case expressionReference(JMESPathExpression)

    public static func == (lhs: JMESPathExpression, rhs: JMESPathExpression) -> Bool {
        String(describing: lhs) == String(describing: rhs)
    }
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`.
public enum JMESPathComparator: String, Sendable, Equatable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// Why an expression cannot be parsed or evaluated; the kinds are the compliance suite's.
public struct JMESPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax
        case invalidType = "invalid-type"
        case invalidValue = "invalid-value"
        case invalidArity = "invalid-arity"
        case unknownFunction = "unknown-function"
    }

    public var kind: Kind
    public var message: String

    public var description: String { "\(kind.rawValue): \(message)" }
}
