/// A parsed and validated Smithy model: every shape by id, the prelude included.
public struct Model: Sendable {
    /// The `smithy` version the document declared ("2.0", "1.0", ...).
    public var smithyVersion: String
    /// The document's `metadata` section.
    public var metadata: JSONObject
    /// The model's own shapes (the prelude is looked up separately).
    public private(set) var shapes: [ShapeID: Shape]
    /// Warnings found while loading; errors are thrown instead.
    public var warnings: [Diagnostic]

    /// A model from its parts; the loader checks them before building one.
    public init(smithyVersion: String, metadata: JSONObject, shapes: [ShapeID: Shape], warnings: [Diagnostic] = []) {
        self.smithyVersion = smithyVersion
        self.metadata = metadata
        self.shapes = shapes
        self.warnings = warnings
    }

    /// The shape with `id`, from the model or from the prelude.
    public func shape(_ id: ShapeID) -> Shape? {
        shapes[id.root] ?? Prelude.shapes[id.root]
    }

    /// The model's own shape ids in a stable order.
    public var sortedShapeIDs: [ShapeID] { shapes.keys.sorted() }

    /// Every service shape, sorted by id.
    public var services: [Shape] {
        sortedShapeIDs.compactMap { shapes[$0] }.filter { $0.type == .service }
    }

    /// Smithy 1.0 boxing rules apply (members are nullable unless their target has a default).
    public var isSmithy1: Bool { smithyVersion.hasPrefix("1") }

    /// Every operation a service exposes, directly or through its resources, sorted by name.
    public func operations(of service: Shape) -> [Shape] {
        var seen = Set<ShapeID>()
        var result: [Shape] = []
        func visitOperation(_ id: ShapeID) {
            guard seen.insert(id).inserted, let shape = shape(id), shape.type == .operation else { return }
            result.append(shape)
        }
        func visitResource(_ id: ShapeID, depth: Int) {
            guard depth < 64, let resource = shape(id) else { return }
            for op in resource.lifecycleOperations + resource.operations + resource.collectionOperations {
                visitOperation(op)
            }
            for child in resource.resources { visitResource(child, depth: depth + 1) }
        }
        service.operations.forEach(visitOperation)
        for resource in service.resources { visitResource(resource, depth: 0) }
        return result.sorted { $0.id.name < $1.id.name }
    }

    /// Replaces a shape; used by model transforms such as operation allow-lists.
    public mutating func replace(_ shape: Shape) {
        shapes[shape.id] = shape
    }
}
