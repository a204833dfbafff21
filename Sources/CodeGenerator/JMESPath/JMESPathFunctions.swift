import Foundation

/// The built-in functions of JMESPath, with the argument checks the specification asks for.
enum JMESPathFunctions {
    static func call(_ name: String, _ arguments: [JMESValue]) throws(JMESPathError) -> JMESValue {
        func arity(_ count: Int, variadic: Bool = false) throws(JMESPathError) {
            guard variadic ? arguments.count >= count : arguments.count == count else {
                throw JMESPathError(kind: .invalidArity, message: "\(name)() takes \(variadic ? "at least " : "")\(count) argument(s), got \(arguments.count)")
            }
        }
        func invalid(_ message: String) -> JMESPathError { JMESPathError(kind: .invalidType, message: "\(name)(): \(message)") }
        func number(_ index: Int) throws(JMESPathError) -> Double {
            guard case .number(let value) = arguments[index] else { throw invalid("argument \(index + 1) must be a number") }
            return value
        }
        func string(_ index: Int) throws(JMESPathError) -> String {
            guard case .string(let value) = arguments[index] else { throw invalid("argument \(index + 1) must be a string") }
            return value
        }
        func array(_ index: Int) throws(JMESPathError) -> [JMESValue] {
            guard case .array(let value) = arguments[index] else { throw invalid("argument \(index + 1) must be an array") }
            return value
        }
        func object(_ index: Int) throws(JMESPathError) -> [(key: String, value: JMESValue)] {
            guard case .object(let value) = arguments[index] else { throw invalid("argument \(index + 1) must be an object") }
            return value
        }
        func expression(_ index: Int) throws(JMESPathError) -> JMESPathExpression {
            guard case .expression(let value) = arguments[index] else { throw invalid("argument \(index + 1) must be an expression (&…)") }
            return value
        }
        func numbers(_ elements: [JMESValue]) throws(JMESPathError) -> [Double] {
            try elements.map { element throws(JMESPathError) in
                guard case .number(let value) = element else { throw invalid("every element must be a number") }
                return value
            }
        }
        /// Sort keys: all numbers or all strings.
        func keys(_ values: [JMESValue]) throws(JMESPathError) -> [SortKey] {
            if values.allSatisfy({ if case .number = $0 { true } else { false } }) {
                return values.map { if case .number(let value) = $0 { .number(value) } else { .number(0) } }
            }
            if values.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return values.map { if case .string(let value) = $0 { .string(value) } else { .string("") } }
            }
            throw invalid("the values must be all numbers or all strings")
        }

        switch name {
        case "abs":
            try arity(1)
            return .number(abs(try number(0)))
        case "avg":
            try arity(1)
            let values = try numbers(try array(0))
            return values.isEmpty ? .null : .number(values.reduce(0, +) / Double(values.count))
        case "ceil":
            try arity(1)
            return .number((try number(0)).rounded(.up))
        case "floor":
            try arity(1)
            return .number((try number(0)).rounded(.down))
        case "contains":
            try arity(2)
            switch arguments[0] {
            case .array(let elements): return .bool(elements.contains(arguments[1]))
            case .string(let text):
                guard case .string(let part) = arguments[1] else { return .bool(false) }
                return .bool(part.isEmpty || text.contains(part))
            default: throw invalid("argument 1 must be an array or a string")
            }
        case "ends_with":
            try arity(2)
            return .bool(Array(try string(0).unicodeScalars).ends(with: Array(try string(1).unicodeScalars)))
        case "starts_with":
            try arity(2)
            return .bool(Array(try string(0).unicodeScalars).starts(with: Array(try string(1).unicodeScalars)))
        case "join":
            try arity(2)
            let separator = try string(0)
            let parts = try array(1).map { element throws(JMESPathError) -> String in
                guard case .string(let value) = element else { throw invalid("every element must be a string") }
                return value
            }
            return .string(parts.joined(separator: separator))
        case "keys":
            try arity(1)
            return .array(try object(0).map { .string($0.key) })
        case "values":
            try arity(1)
            return .array(try object(0).map(\.value))
        case "length":
            try arity(1)
            switch arguments[0] {
            case .string(let text): return .number(Double(text.unicodeScalars.count))
            case .array(let elements): return .number(Double(elements.count))
            case .object(let entries): return .number(Double(entries.count))
            default: throw invalid("argument 1 must be a string, an array or an object")
            }
        case "map":
            try arity(2)
            let mapped = try expression(0)
            return .array(try array(1).map { element throws(JMESPathError) in try JMESPathEvaluator.evaluate(mapped, element) })
        case "max", "min":
            try arity(1)
            let elements = try array(0)
            guard !elements.isEmpty else { return .null }
            let sortKeys = try keys(elements)
            let chosen = name == "max" ? sortKeys.indices.max { sortKeys[$0] < sortKeys[$1] } : sortKeys.indices.min { sortKeys[$0] < sortKeys[$1] }
            return chosen.map { elements[$0] } ?? .null
        case "max_by", "min_by":
            try arity(2)
            let elements = try array(0)
            let by = try expression(1)
            guard !elements.isEmpty else { return .null }
            let sortKeys = try keys(try elements.map { element throws(JMESPathError) in try JMESPathEvaluator.evaluate(by, element) })
            let chosen = name == "max_by" ? sortKeys.indices.max { sortKeys[$0] < sortKeys[$1] } : sortKeys.indices.min { sortKeys[$0] < sortKeys[$1] }
            return chosen.map { elements[$0] } ?? .null
        case "merge":
            try arity(1, variadic: true)
            var merged: [(key: String, value: JMESValue)] = []
            for index in arguments.indices {
                for entry in try object(index) {
                    if let existing = merged.firstIndex(where: { $0.key == entry.key }) {
                        merged[existing].value = entry.value
                    } else {
                        merged.append(entry)
                    }
                }
            }
            return .object(merged)
        case "not_null":
            try arity(1, variadic: true)
            return arguments.first { $0 != .null } ?? .null
        case "reverse":
            try arity(1)
            switch arguments[0] {
            case .string(let text): return .string(String(String.UnicodeScalarView(text.unicodeScalars.reversed())))
            case .array(let elements): return .array(elements.reversed())
            default: throw invalid("argument 1 must be a string or an array")
            }
        case "sort":
            try arity(1)
            let elements = try array(0)
            let sortKeys = try keys(elements)
            return .array(sortKeys.indices.sorted { (sortKeys[$0], $0) < (sortKeys[$1], $1) }.map { elements[$0] })
        case "sort_by":
            try arity(2)
            let elements = try array(0)
            let by = try expression(1)
            let sortKeys = try keys(try elements.map { element throws(JMESPathError) in try JMESPathEvaluator.evaluate(by, element) })
            return .array(sortKeys.indices.sorted { (sortKeys[$0], $0) < (sortKeys[$1], $1) }.map { elements[$0] })
        case "sum":
            try arity(1)
            return .number(try numbers(try array(0)).reduce(0, +))
        case "to_array":
            try arity(1)
            if case .array = arguments[0] { return arguments[0] }
            return .array([arguments[0]])
        case "to_string":
            try arity(1)
            if case .string = arguments[0] { return arguments[0] }
            return .string(arguments[0].json)
        case "to_number":
            try arity(1)
            switch arguments[0] {
            case .number: return arguments[0]
            case .string(let text): return Double(text).map { .number($0) } ?? .null
            default: return .null
            }
        case "type":
            try arity(1)
            return .string(arguments[0].typeName)
        default:
            throw JMESPathError(kind: .unknownFunction, message: "no function called \(name)()")
        }
    }

    /// A value `sort`, `max` and the `_by` functions order by.
    enum SortKey: Comparable {
        case number(Double)
        case string(String)

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            switch (lhs, rhs) {
            case (.number(let a), .number(let b)): return a < b
            case (.string(let a), .string(let b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
            default: return false
            }
        }
    }
}

private extension Array where Element == Unicode.Scalar {
    func ends(with suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
