/// Where a value sits inside a request: `catalogData.architectures[2]`, `tags[1].Key`, `attributes["x"]`.
public struct MemberPath: Sendable, Hashable, CustomStringConvertible {
    public private(set) var description: String

    /// The request itself.
    public static let root = MemberPath(description: "")

    private init(description: String) {
        self.description = description
    }

    public func member(_ name: String) -> MemberPath {
        MemberPath(description: description.isEmpty ? name : "\(description).\(name)")
    }

    public func index(_ index: Int) -> MemberPath {
        MemberPath(description: "\(description)[\(index)]")
    }

    public func key(_ key: String) -> MemberPath {
        MemberPath(description: "\(description)[\"\(key)\"]")
    }
}
