import SmithyModel

/// The "zero" Swift value of a shape's type: what Smithy's error correction fills in for a required member
/// the service did not send, and what generated tests pass for required members their parameters omit.
enum ZeroValueLiteral {
    /// The zero value of a scalar, collection or document target; nil for enums, structures and unions, whose
    /// absence stays a decoding error (they have no value that cannot be mistaken for real data).
    static func errorCorrection(for target: Shape, context: ServiceContext) -> String? {
        switch target.type {
        case .boolean: return "false"
        case .byte, .short, .integer, .long, .float, .double, .bigInteger, .bigDecimal: return "0"
        case .string where target.traits.legacyEnumDefinitions == nil: return "\"\""
        case .blob: return context.isStreamedBlob(target) ? "ByteStream()" : "Data()"
        case .timestamp: return "Date(timeIntervalSince1970: 0)"
        case .list, .set: return "[]"
        case .map: return "[:]"
        case .document: return "JSONValue.null"
        case .union where context.isEventStream(target): return "AsyncEventStream()"
        default: return nil
        }
    }
}
