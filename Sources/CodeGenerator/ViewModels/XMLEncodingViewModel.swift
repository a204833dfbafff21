import SmithyModel

/// An `XMLEncodable` extension for a structure or union of a restXml service that an input reaches: its root
/// name and namespace, its attribute members, and one statement per element member.
struct XMLEncodingViewModel {
    struct Attribute {
        let nameLiteral: String
        /// The member's value as text, e.g. `self.test` or `TimestampFormat.dateTime.string(from: self.at)`.
        let text: String
        let storageName: String
        let isOptional: Bool
    }

    struct UnionCase {
        let caseName: String
        let statement: String
    }

    let typeName: String
    let access: String
    let isUnion: Bool
    let rootNameLiteral: String
    /// `XMLNamespace(…)` or `nil`.
    let rootNamespace: String
    let attributes: [Attribute]
    let hasAttributes: Bool
    let statements: [String]
    let unionCases: [UnionCase]
    let catchAllName: String

    /// Nil unless the service speaks restXml and an input reaches `shape`.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext, catchAllName: String = "") {
        guard context.wireProtocol == .restXml, context.inputClosure.contains(shape.id) else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        isUnion = shape.type == .union
        self.catchAllName = catchAllName
        let expressions = QueryXMLExpressions(context: context)
        let naming = expressions.naming
        rootNameLiteral = SwiftLiteral.string(shape.traits[TraitID.xmlName]?.stringValue ?? shape.id.name)
        // A shape's own namespace, else the service's, declares itself on the root element only.
        rootNamespace = naming.namespaceExpression(shape.traits[TraitID.xmlNamespace])
            ?? naming.namespaceExpression(context.service.traits[TraitID.xmlNamespace]) ?? "nil"
        var attributes: [Attribute] = []
        var statements: [String] = []
        var cases: [UnionCase] = []
        for (index, member) in shape.members.enumerated() {
            guard let target = context.model.shape(member.target) else { continue }
            let name = SwiftLiteral.string(naming.xmlName(of: member))
            if isUnion {
                cases.append(UnionCase(
                    caseName: SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name)),
                    statement: expressions.writeXML(name: name, value: "value", member: member, target: target, writer: "writer",
                                                    flattened: naming.isFlattened(member))))
                continue
            }
            let view = members[index]
            guard view.httpBinding == nil else { continue }
            if member.traits.has(TraitID.xmlAttribute) {
                let format = member.traits.timestampFormat ?? target.traits.timestampFormat ?? .dateTime
                let formatCase = format == .epochSeconds ? "epochSeconds" : format == .httpDate ? "httpDate" : "dateTime"
                let text = target.type == .timestamp ? "TimestampFormat.\(formatCase).string(from: value)" : "value.httpBindingText"
                attributes.append(Attribute(nameLiteral: name, text: text, storageName: view.storageName, isOptional: view.isOptional))
                continue
            }
            let value = "self.\(view.storageName)"
            statements.append(expressions.writeXML(name: name, value: value, member: member, target: target, writer: "writer",
                                                   flattened: naming.isFlattened(member)))
        }
        self.attributes = attributes
        hasAttributes = !attributes.isEmpty
        self.statements = statements
        unionCases = cases
    }
}
