/// A parsed and validated Smithy model: every shape by id, the prelude included.
public struct Model: Sendable {
    /// The `smithy` version the document declared ("2.0", "1.0", ...).
    public var smithyVersion: String
    /// The document's `metadata` section.
    public var metadata: JSONObject
    /// The model's own shapes (the prelude is looked up separately).
    public private(set) var shapes: [ShapeID: Shape] {
        didSet { if shapes.count != sortedShapeIDs.count { sortedShapeIDs = shapes.keys.sorted() } }
    }
    /// The model's own shape ids in a stable order (kept sorted as shapes are added: many stages walk them).
    public private(set) var sortedShapeIDs: [ShapeID]
    /// Warnings found while loading; errors are thrown instead.
    public var warnings: [Diagnostic]

    /// A model from its parts; the loader checks them before building one.
    public init(smithyVersion: String, metadata: JSONObject, shapes: [ShapeID: Shape], warnings: [Diagnostic] = []) {
        self.smithyVersion = smithyVersion
        self.metadata = metadata
        self.shapes = shapes
        self.sortedShapeIDs = shapes.keys.sorted()
        self.warnings = warnings
    }

    /// The shape with `id`, from the model or from the prelude.
    public func shape(_ id: ShapeID) -> Shape? {
        shapes[id.root] ?? Prelude.shapes[id.root]
    }


    /// Every service shape, sorted by id.
    public var services: [Shape] {
        sortedShapeIDs.compactMap { shapes[$0] }.filter { $0.type == .service }
    }

    /// Smithy 1.0 boxing rules apply (members are nullable unless their target has a default).
    public var isSmithy1: Bool { smithyVersion.hasPrefix("1") }

    /// Every operation a service exposes, directly or through its resources, sorted by name (then namespace).
    /// Each resource is visited once, so a resource bound in several places (or under itself) costs nothing extra.
    public func operations(of service: Shape) -> [Shape] {
        var seenOperations = Set<ShapeID>()
        var seenResources = Set<ShapeID>()
        var result: [Shape] = []
        var pendingResources = service.resources
        func visitOperation(_ id: ShapeID) {
            guard seenOperations.insert(id).inserted, let shape = shape(id), shape.type == .operation else { return }
            result.append(shape)
        }
        service.operations.forEach(visitOperation)
        var next = 0
        while next < pendingResources.count {
            let id = pendingResources[next]
            next += 1
            guard seenResources.insert(id).inserted, let resource = shape(id) else { continue }
            for op in resource.lifecycleOperations + resource.operations + resource.collectionOperations {
                visitOperation(op)
            }
            pendingResources += resource.resources
        }
        return result.sorted { ($0.id.name, $0.id.namespace) < ($1.id.name, $1.id.namespace) }
    }

    /// Replaces a shape; used by model transforms such as operation allow-lists.
    public mutating func replace(_ shape: Shape) {
        shapes[shape.id] = shape
    }
}
