import SmithyModel

/// A `QueryEncodable` extension for a structure or union of an awsQuery or ec2Query service that an input
/// reaches: one statement per member writing it into the query body under its key.
struct QueryEncodingViewModel {
    struct UnionCase {
        let caseName: String
        /// Writes the case's `value`.
        let statement: String
    }

    let typeName: String
    let access: String
    let isUnion: Bool
    /// For structures: one statement per member.
    let statements: [String]
    let unionCases: [UnionCase]
    let catchAllName: String

    /// Nil unless the service speaks a query protocol and an input reaches `shape`.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext, catchAllName: String = "") {
        guard context.wireProtocol.isQuery, context.inputClosure.contains(shape.id) else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        isUnion = shape.type == .union
        self.catchAllName = catchAllName
        let expressions = QueryXMLExpressions(context: context)
        var statements: [String] = []
        var cases: [UnionCase] = []
        for (index, member) in shape.members.enumerated() {
            guard let target = context.model.shape(member.target) else { continue }
            let key = "prefix + " + SwiftLiteral.string(expressions.naming.queryKey(of: member))
            let flattened = expressions.naming.isFlattened(member)
            if isUnion {
                let caseName = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name))
                cases.append(UnionCase(caseName: caseName, statement: expressions.write(
                    key: key, value: "value", member: member, target: target, writer: "writer", flattened: flattened)))
            } else {
                let view = members[index]
                var value = "self.\(view.storageName)"
                if member.traits.isIdempotencyToken && view.isOptional { value += " ?? writer.idempotencyToken()" }
                statements.append(expressions.write(
                    key: key, value: value, member: member, target: target, writer: "writer", flattened: flattened))
            }
        }
        self.statements = statements
        unionCases = cases
    }
}
