import SmithyModel

/// The Swift type that represents a Smithy shape in generated code.
struct SwiftTypeResolver {
    let context: ServiceContext

    /// The type of a value targeting `id` (without optionality), e.g. `[String: ImageDetail]`.
    func type(of id: ShapeID) -> String {
        guard let shape = context.model.shape(id) else { return "JSONValue" }
        switch shape.type {
        case .blob: return context.isStreamedBlob(shape) ? "ByteStream" : "Data"
        case .boolean: return "Bool"
        case .string:
            if shape.traits.legacyEnumDefinitions != nil, let name = context.names[shape.id] { return name }
            return "String"
        case .byte: return "Int8"
        case .short: return "Int16"
        case .integer: return "Int"
        case .long: return "Int64"
        case .float: return "Float"
        case .double: return "Double"
        // Decimal keeps up to 38 significant digits exactly; Double would silently round.
        case .bigInteger, .bigDecimal: return "Decimal"
        case .timestamp: return "Date"
        case .document: return "JSONValue"
        case .list, .set:
            guard let member = shape.listMember else { return "[JSONValue]" }
            let element = type(of: member.target)
            return shape.traits.isSparse ? "[\(element)?]" : "[\(element)]"
        case .map:
            guard let value = shape.mapValue else { return "[String: JSONValue]" }
            let element = type(of: value.target)
            // Map keys are always strings on the wire, even when the key shape is an enum.
            return shape.traits.isSparse ? "[String: \(element)?]" : "[String: \(element)]"
        case .structure where shape.id == ShapeID.unit:
            return "EmptyOutput"
        case .union where context.isEventStream(shape):
            return "AsyncEventStream<\(context.names[shape.id] ?? shape.id.name)>"
        case .structure, .union, .enum, .intEnum:
            return context.names[shape.id] ?? shape.id.name
        case .operation, .resource, .service, .member:
            return "JSONValue"
        }
    }
}
