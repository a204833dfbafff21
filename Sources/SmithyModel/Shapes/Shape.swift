/// One shape of a model, with its members (in model order), traits and relationships.
public struct Shape: Sendable {
    public var id: ShapeID
    public var type: ShapeType
    public var traits: Traits
    /// Members of structures, unions, enums and intEnums, and the `member`/`key`/`value` of lists and maps.
    public var members: [Member]
    /// Where the shape sits in the model document, e.g. `$.shapes["ns#Name"]`.
    public var jsonPath: String

    // Service, resource and operation relationships.
    public var version: String?
    public var operations: [ShapeID] = []
    public var resources: [ShapeID] = []
    public var errors: [ShapeID] = []
    public var input: ShapeID?
    public var output: ShapeID?
    /// Resource lifecycle operations (create, read, update, delete, list, put), in a fixed order.
    public var lifecycleOperations: [ShapeID] = []
    public var collectionOperations: [ShapeID] = []
    /// `rename` on a service: shape id → new name, used to resolve conflicts.
    public var renames: [ShapeID: String] = [:]

    public init(id: ShapeID, type: ShapeType, traits: Traits = Traits(), members: [Member] = [], jsonPath: String) {
        self.id = id
        self.type = type
        self.traits = traits
        self.members = members
        self.jsonPath = jsonPath
    }

    public func member(named name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// The element member of a list or set.
    public var listMember: Member? { member(named: "member") }
    /// The key member of a map.
    public var mapKey: Member? { member(named: "key") }
    /// The value member of a map.
    public var mapValue: Member? { member(named: "value") }
}

/// A member of an aggregate shape: a name, the shape it targets, and traits of its own.
public struct Member: Sendable {
    public var name: String
    public var target: ShapeID
    public var traits: Traits
    /// The container's id with this member: `ns#Name$member`.
    public var id: ShapeID
    public var jsonPath: String

    public init(name: String, target: ShapeID, traits: Traits = Traits(), id: ShapeID, jsonPath: String) {
        self.name = name
        self.target = target
        self.traits = traits
        self.id = id
        self.jsonPath = jsonPath
    }
}
