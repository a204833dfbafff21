/// Where a value sits inside a request: `catalogData.architectures[2]`, `tags[1].Key`, `attributes["x"]`.
public struct MemberPath: Sendable, Hashable, CustomStringConvertible {
    public private(set) var description: String

    /// The request itself.
    public static let root = MemberPath(description: "")

    private init(description: String) {
        self.description = description
    }

    /// The path of member `name` of this value: `parent.name`.
    public func member(_ name: String) -> MemberPath {
        MemberPath(description: description.isEmpty ? name : "\(description).\(name)")
    }

    /// The path of list element `index` of this value: `parent[2]`.
    public func index(_ index: Int) -> MemberPath {
        MemberPath(description: "\(description)[\(index)]")
    }

    /// The path of map entry `key` of this value: `parent["key"]`.
    public func key(_ key: String) -> MemberPath {
        MemberPath(description: "\(description)[\"\(key)\"]")
    }
}
