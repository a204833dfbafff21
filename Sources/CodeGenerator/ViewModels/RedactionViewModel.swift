import SmithyModel

/// How a structure with `sensitive` members (or a sensitive structure) prints: those values are replaced.
struct RedactionViewModel {
    /// Replaces a sensitive value wherever a structure is printed.
    static let placeholder = "*** sensitive ***"

    /// One `label: value` dictionary entry per member.
    let mirrorEntries: [String]

    /// Nil when nothing in the structure is sensitive.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext) {
        let sensitive = shape.members.map { Sensitivity.hidesValue(of: $0, in: shape, model: context.model) }
        guard sensitive.contains(true) else { return nil }
        var children: [String] = []
        for (view, isSensitive) in zip(members, sensitive) {
            let label = view.name
            if isSensitive {
                children.append("\(SwiftLiteral.string(label)): \(SwiftLiteral.string(Self.placeholder)),")
            } else {
                children.append("\(SwiftLiteral.string(label)): self.\(view.storageName) as Any,")
            }
        }
        mirrorEntries = children
    }
}
