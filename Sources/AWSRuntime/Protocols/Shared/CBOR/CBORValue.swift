import Foundation

/// One CBOR data item (RFC 8949) as a value tree: what ``CBORReader`` decodes and ``CBORWriter`` encodes.
///
/// Integers keep CBOR's two major types, so the whole range −2⁶⁴…2⁶⁴−1 is exact: `.negative(n)` is −1 − n.
/// Maps keep their pairs in order, with any key type and duplicates as they came. Floats of every width are
/// `Double` (half and single precision widen exactly). Indefinite-length strings, arrays and maps decode like
/// definite ones: the tree does not remember how an item was encoded.
///
/// Literals build trees in tests and codecs: `["a": 1, "b": [true, "x"]]` is a map of two pairs, in that order.
public enum CBORValue: Sendable {
    /// Major type 0: an unsigned integer.
    case unsigned(UInt64)
    /// Major type 1: the negative integer −1 − n (`.negative(0)` is −1).
    case negative(UInt64)
    /// Major type 2: a byte string.
    case bytes(Data)
    /// Major type 3: a UTF-8 text string.
    case text(String)
    /// Major type 4: an array.
    case array([CBORValue])
    /// Major type 5: a map, as its pairs in order.
    case map([(key: CBORValue, value: CBORValue)])
    /// Major type 6: a tagged item, e.g. tag 1 (epoch-based date/time) around a number of seconds.
    indirect case tag(UInt64, CBORValue)
    /// A simple value other than false, true, null and undefined: 0…19 or 32…255 (24…31 cannot be encoded).
    case simple(UInt8)
    /// Simple values 20 and 21.
    case bool(Bool)
    /// Simple value 22.
    case null
    /// Simple value 23.
    case undefined
    /// A half, single or double precision float, widened to `Double`.
    case float(Double)

    /// The CBOR tag for an epoch-based date/time: a number of seconds since 1970-01-01T00:00Z.
    public static let epochDateTimeTag: UInt64 = 1

    /// An integer: `.unsigned` when it is zero or more, `.negative` otherwise.
    public static func integer(_ value: Int64) -> CBORValue {
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-(value + 1)))
    }

    /// The integer, when this is `.unsigned` or `.negative` and fits `Int64`.
    public var int64Value: Int64? {
        switch self {
        case .unsigned(let value): return value <= UInt64(Int64.max) ? Int64(value) : nil
        case .negative(let value): return value <= UInt64(Int64.max) ? -1 - Int64(value) : nil
        default: return nil
        }
    }

    /// The number, when this is `.float`.
    public var doubleValue: Double? {
        if case .float(let value) = self { return value }
        return nil
    }

    /// The string, when this is `.text`.
    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The bytes, when this is `.bytes`.
    public var bytesValue: Data? {
        if case .bytes(let value) = self { return value }
        return nil
    }

    /// The flag, when this is `.bool`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, when this is `.array`.
    public var arrayValue: [CBORValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The pairs, when this is `.map`.
    public var mapValue: [(key: CBORValue, value: CBORValue)]? {
        if case .map(let value) = self { return value }
        return nil
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value of the first pair whose key is the text `key`, when this is a map.
    public subscript(key: String) -> CBORValue? {
        guard case .map(let pairs) = self else { return nil }
        for pair in pairs {
            if case .text(let text) = pair.key, text == key { return pair.value }
        }
        return nil
    }
}

extension CBORValue: Equatable {
    /// Structural equality. Floats compare by bit pattern, so `-0.0` differs from `0.0`, except that any NaN
    /// equals any other NaN; map pairs compare in order.
    public static func == (lhs: CBORValue, rhs: CBORValue) -> Bool {
        switch (lhs, rhs) {
        case (.unsigned(let left), .unsigned(let right)), (.negative(let left), .negative(let right)):
            return left == right
        case (.bytes(let left), .bytes(let right)):
            return left == right
        case (.text(let left), .text(let right)):
            return left == right
        case (.array(let left), .array(let right)):
            return left == right
        case (.map(let left), .map(let right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.tag(let leftTag, let left), .tag(let rightTag, let right)):
            return leftTag == rightTag && left == right
        case (.simple(let left), .simple(let right)):
            return left == right
        case (.bool(let left), .bool(let right)):
            return left == right
        case (.null, .null), (.undefined, .undefined):
            return true
        case (.float(let left), .float(let right)):
            return left.bitPattern == right.bitPattern || (left.isNaN && right.isNaN)
        default:
            return false
        }
    }
}

extension CBORValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `.text`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `.unsigned` or `.negative`.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// `.float`.
    public init(floatLiteral value: Double) { self = .float(value) }
    /// `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `.array`.
    public init(arrayLiteral elements: CBORValue...) { self = .array(elements) }
    /// `.map`, with the pairs in the order written.
    public init(dictionaryLiteral elements: (CBORValue, CBORValue)...) {
        self = .map(elements.map { (key: $0.0, value: $0.1) })
    }
}
