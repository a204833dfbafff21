/// Smithy's prelude: the `smithy.api#` shapes every model may target without defining them.
public enum Prelude {
    /// Every prelude shape by id: the simple types, the `Primitive*` types with their zero defaults, and `Unit`.
    public static let shapes: [ShapeID: Shape] = {
        var shapes: [ShapeID: Shape] = [:]
        func add(_ name: String, _ type: ShapeType, default value: JSONNode? = nil) {
            let id = ShapeID(namespace: ShapeID.preludeNamespace, name: name)
            var traits = Traits()
            if let value { traits[TraitID.default] = value }
            shapes[id] = Shape(id: id, type: type, traits: traits, jsonPath: "prelude \(id)")
        }
        let simple: [(String, ShapeType)] = [
            ("String", .string), ("Blob", .blob), ("Boolean", .boolean), ("Byte", .byte), ("Short", .short),
            ("Integer", .integer), ("Long", .long), ("Float", .float), ("Double", .double),
            ("BigInteger", .bigInteger), ("BigDecimal", .bigDecimal), ("Timestamp", .timestamp),
            ("Document", .document),
        ]
        for (name, type) in simple { add(name, type) }
        add("PrimitiveBoolean", .boolean, default: .bool(false))
        for (name, type) in [
            ("PrimitiveByte", ShapeType.byte), ("PrimitiveShort", .short), ("PrimitiveInteger", .integer),
            ("PrimitiveLong", .long), ("PrimitiveFloat", .float), ("PrimitiveDouble", .double),
        ] {
            add(name, type, default: .number("0"))
        }
        add("Unit", .structure)
        return shapes
    }()

    /// Whether `id` is in the prelude's namespace.
    public static func isPrelude(_ id: ShapeID) -> Bool { id.namespace == ShapeID.preludeNamespace }
}
