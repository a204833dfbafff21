/// An absolute Smithy shape id: `namespace#Name`, optionally with a `$member`.
public struct ShapeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The part before `#`, e.g. `com.amazonaws.ecrpublic`.
    public var namespace: String
    /// The shape name after `#`.
    public var name: String
    /// The member name after `$`, for member ids.
    public var member: String?

    /// An id from its parts.
    public init(namespace: String, name: String, member: String? = nil) {
        self.namespace = namespace
        self.name = name
        self.member = member
    }

    /// Parses `ns#Name` or `ns#Name$member`; nil when the text is not an absolute shape id whose namespace,
    /// name and member all follow the Smithy grammar (see ``SmithyIdentifier``).
    public init?(_ text: String) {
        guard let hash = text.firstIndex(of: "#") else { return nil }
        let namespace = String(text[..<hash])
        var rest = text[text.index(after: hash)...]
        var member: String?
        if let dollar = rest.firstIndex(of: "$") {
            member = String(rest[rest.index(after: dollar)...])
            rest = rest[..<dollar]
        }
        guard SmithyIdentifier.isValidNamespace(namespace), SmithyIdentifier.isValid(rest),
              member.map({ SmithyIdentifier.isValid($0) }) ?? true
        else { return nil }
        self.init(namespace: namespace, name: String(rest), member: member)
    }

    /// The id without its member part.
    public var root: ShapeID { ShapeID(namespace: namespace, name: name) }

    public var description: String {
        member.map { "\(namespace)#\(name)$\($0)" } ?? "\(namespace)#\(name)"
    }

    /// Orders ids by their text form, for stable output. Compared part by part without building the text:
    /// `#` and `$` sort before every character an identifier may hold, so the order is the same.
    public static func < (lhs: ShapeID, rhs: ShapeID) -> Bool {
        if lhs.namespace != rhs.namespace { return lhs.namespace < rhs.namespace }
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        return (lhs.member ?? "") < (rhs.member ?? "")
    }

    /// The namespace of Smithy's prelude (`smithy.api#String`, `smithy.api#Unit`, ...).
    public static let preludeNamespace = "smithy.api"
    /// `smithy.api#Unit`, the "no input" / "no output" shape.
    public static let unit = ShapeID(namespace: preludeNamespace, name: "Unit")
}
