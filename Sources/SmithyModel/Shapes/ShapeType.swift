/// Every shape type of the Smithy 2.0 IDL (plus `set`, kept from 1.0 as a list of unique items).
public enum ShapeType: String, Sendable, CaseIterable {
    case blob, boolean, string, byte, short, integer, long, float, double
    case bigInteger, bigDecimal, timestamp, document
    case `enum`, intEnum
    case list, set, map, structure, union
    case operation, resource, service
    /// A member shape; only appears inside aggregates.
    case member

    /// Whether this is a simple type (scalars, timestamps, documents and enums), not an aggregate or service shape.
    public var isSimple: Bool {
        switch self {
        case .blob, .boolean, .string, .byte, .short, .integer, .long, .float, .double,
             .bigInteger, .bigDecimal, .timestamp, .document, .enum, .intEnum:
            return true
        default:
            return false
        }
    }

    /// Whether values are numbers; `intEnum` counts, its values being integers.
    public var isNumber: Bool {
        switch self {
        case .byte, .short, .integer, .long, .float, .double, .bigInteger, .bigDecimal, .intEnum: return true
        default: return false
        }
    }
}
