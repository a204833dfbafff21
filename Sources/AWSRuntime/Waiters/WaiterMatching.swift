/// What generated waiter matchers call: the list comparators, and the few JMESPath operations that are not
/// one Swift expression (indexes from either end, numbers of different types, orderings that may be null).
public enum WaiterMatching {
    /// `allStringEquals`: the list is not empty and every value equals `expected`.
    public static func all(_ values: [String], equal expected: String) -> Bool {
        !values.isEmpty && values.allSatisfy { $0 == expected }
    }

    /// `anyStringEquals`: some value equals `expected`.
    public static func any(_ values: [String], equal expected: String) -> Bool {
        values.contains(expected)
    }

    /// `list[index]`: negative indexes count from the end; nil (JMESPath's null) when out of range or when the
    /// list is missing.
    public static func element<Element>(_ list: [Element]?, at index: Int) -> Element? {
        guard let list else { return nil }
        let position = index < 0 ? list.count + index : index
        return list.indices.contains(position) ? list[position] : nil
    }

    /// JMESPath's error where a function gets null: the acceptor whose path raised it does not match.
    public struct PathError: Error, Sendable {
        public let message: String
    }

    /// `length(list)`; a missing list is an error, as in JMESPath.
    public static func length<Element>(_ list: [Element]?) throws -> Int {
        guard let list else { throw PathError(message: "length() of null") }
        return list.count
    }

    /// `length(map)`; a missing map is an error.
    public static func length<Key, Value>(_ map: [Key: Value]?) throws -> Int {
        guard let map else { throw PathError(message: "length() of null") }
        return map.count
    }

    /// `length(string)` in code points; a missing string is an error.
    public static func length(_ text: String?) throws -> Int {
        guard let text else { throw PathError(message: "length() of null") }
        return text.unicodeScalars.count
    }

    /// `contains(list, value)` with the equality test given; a missing list is an error.
    public static func contains<Element>(_ list: [Element]?, where test: (Element) throws -> Bool) throws -> Bool {
        guard let list else { throw PathError(message: "contains() on null") }
        return try list.contains(where: test)
    }

    /// `contains(string, substring)`; a missing string is an error.
    public static func contains(_ text: String?, _ search: String) throws -> Bool {
        guard let text else { throw PathError(message: "contains() on null") }
        return text.contains(search)
    }

    /// A number of any Swift type as a `Double`, so members of different widths compare as JMESPath numbers.
    public static func number<Value: BinaryInteger>(_ value: Value) -> Double { Double(value) }
    public static func number<Value: BinaryInteger>(_ value: Value?) -> Double? { value.map { Double($0) } }
    public static func number<Value: BinaryFloatingPoint>(_ value: Value) -> Double { Double(value) }
    public static func number<Value: BinaryFloatingPoint>(_ value: Value?) -> Double? { value.map { Double($0) } }

    /// `lhs < rhs` and the other orderings (`comparator` is `<`, `<=`, `>` or `>=`): null in JMESPath when
    /// either number is missing, so that neither `booleanEquals true` nor `false` matches.
    public static func order(_ lhs: Double?, _ comparator: StaticString, _ rhs: Double?) -> Bool? {
        guard let lhs, let rhs else { return nil }
        switch comparator.description {
        case "<": return lhs < rhs
        case "<=": return lhs <= rhs
        case ">": return lhs > rhs
        case ">=": return lhs >= rhs
        default: return nil
        }
    }

    /// JMESPath's `lhs && rhs` on booleans that may be null: a false or null left side is the result.
    public static func and(_ lhs: Bool?, _ rhs: @autoclosure () throws -> Bool?) rethrows -> Bool? {
        lhs == true ? try rhs() : lhs
    }

    /// JMESPath's `lhs || rhs` on booleans that may be null: a true left side, else the right side.
    public static func or(_ lhs: Bool?, _ rhs: @autoclosure () throws -> Bool?) rethrows -> Bool? {
        lhs == true ? true : try rhs()
    }
}
