/// One shape of a model, with its members (in model order), traits and relationships.
public struct Shape: Sendable {
    /// The shape's absolute id.
    public var id: ShapeID
    /// What kind of shape this is.
    public var type: ShapeType
    /// The traits applied to the shape, including those added by `apply`.
    public var traits: Traits
    /// Members of structures, unions, enums and intEnums, and the `member`/`key`/`value` of lists and maps.
    public var members: [Member]
    /// Where the shape sits in the model document, e.g. `$.shapes["ns#Name"]`.
    public var jsonPath: String

    // Service, resource and operation relationships.
    /// A service's `version`.
    public var version: String?
    /// Operations bound to a service or resource.
    public var operations: [ShapeID] = []
    /// Resources bound to a service or resource.
    public var resources: [ShapeID] = []
    /// Errors an operation can return, or that every operation of a service can.
    public var errors: [ShapeID] = []
    /// An operation's input structure.
    public var input: ShapeID?
    /// An operation's output structure.
    public var output: ShapeID?
    /// Resource lifecycle operations (create, read, update, delete, list, put), in a fixed order.
    public var lifecycleOperations: [ShapeID] = []
    /// A resource's `collectionOperations`.
    public var collectionOperations: [ShapeID] = []
    /// `rename` on a service: shape id → new name, used to resolve conflicts.
    public var renames: [ShapeID: String] = [:]

    /// A shape with no relationships yet; the loader fills those in.
    public init(id: ShapeID, type: ShapeType, traits: Traits = Traits(), members: [Member] = [], jsonPath: String) {
        self.id = id
        self.type = type
        self.traits = traits
        self.members = members
        self.jsonPath = jsonPath
    }

    /// The member called `name`, or nil.
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
    /// The member name as the model writes it.
    public var name: String
    /// The shape the member's value has.
    public var target: ShapeID
    /// The member's own traits (the target's traits are separate).
    public var traits: Traits
    /// The container's id with this member: `ns#Name$member`.
    public var id: ShapeID
    /// Where the member sits in the model document.
    public var jsonPath: String

    /// A member named `name` targeting `target`; `id` is its `ns#Container$name` id.
    public init(name: String, target: ShapeID, traits: Traits = Traits(), id: ShapeID, jsonPath: String) {
        self.name = name
        self.target = target
        self.traits = traits
        self.id = id
        self.jsonPath = jsonPath
    }
}
