/// Evaluates JMESPath expressions over JSON values: the reference semantics the generator's waiter code must
/// agree with, proven on the JMESPath compliance suite.
public enum JMESPathEvaluator {
    public static func evaluate(_ expression: JMESPathExpression, _ value: JMESValue) throws(JMESPathError) -> JMESValue {
        switch expression {
        case .current:
            return value
        case .field(let name):
            return value[name]
        case .subexpression(let left, let right):
            return try evaluate(right, evaluate(left, value))
        case .index(let index):
            guard case .array(let elements) = value else { return .null }
            let position = index < 0 ? elements.count + index : index
            return elements.indices.contains(position) ? elements[position] : .null
        case .slice(let start, let stop, let step):
            guard case .array(let elements) = value else { return .null }
            return .array(try slice(elements, start: start, stop: stop, step: step))
        case .listProjection(let left, let right):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            return .array(try project(right, over: elements))
        case .valueProjection(let left, let right):
            guard case .object(let entries) = try evaluate(left, value) else { return .null }
            return .array(try project(right, over: entries.map(\.value)))
        case .filterProjection(let left, let right, let condition):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            var results: [JMESValue] = []
            for element in elements where try evaluate(condition, element).isTruthy {
                let projected = try evaluate(right, element)
                if projected != .null { results.append(projected) }
            }
            return .array(results)
        case .flatten(let inner):
            guard case .array(let elements) = try evaluate(inner, value) else { return .null }
            return .array(elements.flatMap { element -> [JMESValue] in
                if case .array(let nested) = element { return nested }
                return [element]
            })
        case .literal(let literal):
            return literal
        case .multiSelectList(let elements):
            if value == .null { return .null }
            return .array(try elements.map { element throws(JMESPathError) in try evaluate(element, value) })
        case .multiSelectHash(let pairs):
            if value == .null { return .null }
            return .object(try pairs.map { pair throws(JMESPathError) in (key: pair.key, value: try evaluate(pair.value, value)) })
        case .or(let left, let right):
            let first = try evaluate(left, value)
            return first.isTruthy ? first : try evaluate(right, value)
        case .and(let left, let right):
            let first = try evaluate(left, value)
            return first.isTruthy ? try evaluate(right, value) : first
        case .not(let inner):
            return .bool(!(try evaluate(inner, value).isTruthy))
        case .comparison(let comparator, let left, let right):
            return compare(comparator, try evaluate(left, value), try evaluate(right, value))
        case .pipe(let left, let right):
            return try evaluate(right, evaluate(left, value))
        case .function(let name, let arguments):
            let values = try arguments.map { argument throws(JMESPathError) -> JMESValue in
                if case .expressionReference(let inner) = argument { return .expression(inner) }
                return try evaluate(argument, value)
            }
            return try JMESPathFunctions.call(name, values)
        case .expressionReference(let inner):
            return .expression(inner)
        }
    }

    /// `expression` applied to each element; nulls are dropped, as projections do.
    private static func project(_ expression: JMESPathExpression, over elements: [JMESValue]) throws(JMESPathError) -> [JMESValue] {
        var results: [JMESValue] = []
        for element in elements {
            let projected = try evaluate(expression, element)
            if projected != .null { results.append(projected) }
        }
        return results
    }

    /// `==` and `!=` compare any values; the orderings compare numbers only (anything else is null).
    static func compare(_ comparator: JMESPathComparator, _ left: JMESValue, _ right: JMESValue) -> JMESValue {
        switch comparator {
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        default:
            guard case .number(let a) = left, case .number(let b) = right else { return .null }
            switch comparator {
            case .less: return .bool(a < b)
            case .lessOrEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            default: return .bool(a >= b)
            }
        }
    }

    /// Python's slice semantics.
    static func slice(_ elements: [JMESValue], start: Int?, stop: Int?, step: Int?) throws(JMESPathError) -> [JMESValue] {
        let step = step ?? 1
        guard step != 0 else { throw JMESPathError(kind: .invalidValue, message: "a slice step cannot be 0") }
        let count = elements.count
        func clamp(_ value: Int?, default fallback: Int) -> Int {
            guard var value else { return fallback }
            if value < 0 {
                value += count
                if value < 0 { value = step < 0 ? -1 : 0 }
            } else if value >= count {
                value = step < 0 ? count - 1 : count
            }
            return value
        }
        let from = clamp(start, default: step < 0 ? count - 1 : 0)
        let to = clamp(stop, default: step < 0 ? -1 : count)
        var result: [JMESValue] = []
        var index = from
        while step > 0 ? index < to : index > to {
            result.append(elements[index])
            index += step
        }
        return result
    }
}
