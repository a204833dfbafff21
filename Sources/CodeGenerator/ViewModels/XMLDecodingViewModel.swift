import SmithyModel

/// An `XMLDecodable` extension for a structure or union of an XML-protocol service (awsQuery, ec2Query, restXml) that
/// an output or error reaches: each member read from the child element of its XML name.
struct XMLDecodingViewModel {
    struct Assignment {
        let storageName: String
        let expression: String
    }

    struct UnionCase {
        let caseName: String
        let nameLiteral: String
        /// Reads the case's value from the member element `element`.
        let expression: String
    }

    let typeName: String
    let access: String
    let isUnion: Bool
    let assignments: [Assignment]
    let unionCases: [UnionCase]
    let catchAllName: String

    /// Nil unless the service speaks an XML protocol and an output or error reaches `shape`.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext, catchAllName: String = "") {
        guard context.wireProtocol.usesXMLBodies, context.outputClosure.contains(shape.id) else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        isUnion = shape.type == .union
        self.catchAllName = catchAllName
        let expressions = QueryXMLExpressions(context: context)
        let resolver = SwiftTypeResolver(context: context)
        var assignments: [Assignment] = []
        var cases: [UnionCase] = []
        for (index, member) in shape.members.enumerated() {
            guard let target = context.model.shape(member.target) else { continue }
            let name = expressions.naming.xmlName(of: member)
            if isUnion {
                cases.append(UnionCase(
                    caseName: SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name)),
                    nameLiteral: SwiftLiteral.string(name),
                    expression: expressions.readElement("element", member: member, target: target, depth: 1)))
                continue
            }
            let view = members[index]
            if view.httpBinding != nil {
                // Read from the headers, status or payload by the HTTP binding code, after the body.
                assignments.append(Assignment(storageName: view.storageName, expression: view.isOptional ? "nil"
                    : view.absentValue ?? "try JSONBodyDecoder().decode(\(resolver.type(of: target.id)).self, from: Data())"))
                continue
            }
            var expression = member.traits.has(TraitID.xmlAttribute)
                ? "try xml.attribute(\(SwiftLiteral.string(name)), as: \(resolver.type(of: target.id)).self)"
                : expressions.read(name: name, member: member, target: target, from: "xml",
                                   flattened: expressions.naming.isFlattened(member))
            if !view.isOptional {
                // Smithy error correction: a required member the service left out gets its default or zero value.
                let fallback = view.absentValue
                    ?? (target.type == .structure
                        ? "(try \(resolver.type(of: target.id))(xml: ParsedXMLElement(name: \(SwiftLiteral.string(name)))))"
                        : "(try xml.missing(\(SwiftLiteral.string(name))))")
                expression += " ?? \(fallback)"
            }
            assignments.append(Assignment(storageName: view.storageName, expression: expression))
        }
        self.assignments = assignments
        unionCases = cases
    }
}
