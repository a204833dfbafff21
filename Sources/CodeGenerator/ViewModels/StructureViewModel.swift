import SmithyModel

/// A generated `struct` for a structure shape (inputs, outputs, nested values and error details).
struct StructureViewModel {
    let typeName: String
    let access: String
    let documentation: [String]
    let conformances: String
    let members: [MemberViewModel]
    let hasMembers: Bool
    /// The members in the body (`CodingKeys`); all of them unless the protocol binds some to HTTP.
    let bodyMembers: [MemberViewModel]
    let hasBodyMembers: Bool
    /// Present when the protocol binds members of this structure to the URI, query, headers or payload.
    let httpBindings: HTTPBindingsViewModel?
    /// Present for query protocols when an input reaches the structure.
    let queryEncoding: QueryEncodingViewModel?
    /// Present for XML protocols when an output or error reaches the structure.
    let xmlDecoding: XMLDecodingViewModel?
    /// Present for JSON protocols when an output reaches the structure.
    let jsonDecoding: JSONDecodingViewModel?
    /// Present for restXml when an input reaches the structure.
    let xmlEncoding: XMLEncodingViewModel?
    /// Present for shapes reachable from an operation input.
    let validation: ValidationViewModel?
    /// Present when the structure has sensitive members.
    let redaction: RedactionViewModel?
    /// Present for an awsJson output with an event stream member.
    let eventStreamOutput: EventStreamOutputViewModel?

    init(shape: Shape, context: ServiceContext, recursion: RecursionAnalysis, validation builder: ValidationBuilder?,
         isOperationInput: Bool) {
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        var docs = DocumentationFormatter.lines(shape.traits.documentation)
        if let deprecated = shape.traits.deprecated {
            // Types carry deprecation in their docs only: an attribute would warn inside the generated module.
            docs += ["", "Deprecated" + (deprecated.message.map { ": \($0)" } ?? ".")]
        }
        documentation = DocComment.lines(docs)

        let validates = builder != nil && context.inputClosure.contains(shape.id)
        var members = shape.members.map { member in
            MemberViewModel(member: member, in: shape, context: context, recursion: recursion,
                            constraintsDoc: validates ? builder?.constraintSummary(for: member) ?? [] : [])
        }
        if !members.isEmpty { members[members.count - 1].separator = "" }
        self.members = members
        hasMembers = !members.isEmpty
        bodyMembers = members.filter(\.isBodyMember)
        hasBodyMembers = !bodyMembers.isEmpty
        httpBindings = HTTPBindingsViewModel(shape: shape, members: members, context: context)
        queryEncoding = QueryEncodingViewModel(shape: shape, members: members, context: context)
        xmlDecoding = XMLDecodingViewModel(shape: shape, members: members, context: context)
        jsonDecoding = JSONDecodingViewModel(shape: shape, members: members, context: context)
        xmlEncoding = XMLEncodingViewModel(shape: shape, members: members, context: context)
        redaction = RedactionViewModel(shape: shape, members: members, context: context)
        eventStreamOutput = EventStreamOutputViewModel(shape: shape, members: members, context: context)

        var protocols = ["Sendable", "Hashable", "Codable"]
        if validates, let builder {
            protocols.append(isOperationInput ? "OperationInput" : "Validatable")
            validation = ValidationViewModel(shape: shape, members: members, builder: builder)
        } else {
            if isOperationInput { protocols.append("OperationInput") }
            validation = isOperationInput ? ValidationViewModel.empty : nil
        }
        conformances = protocols.joined(separator: ", ")
    }
}

/// The body of a generated `validate(_:path:)` method.
struct ValidationViewModel {
    /// Statement lines, already indented relative to the method body.
    let statements: [String]
    let isEmpty: Bool

    static let empty = ValidationViewModel(statements: [])

    init(statements: [String]) {
        self.statements = statements
        self.isEmpty = statements.isEmpty
    }

    init(shape: Shape, members: [MemberViewModel], builder: ValidationBuilder) {
        var lines: [String] = []
        for (member, view) in zip(shape.members, members) {
            lines += builder.statements(for: member, storage: view.storageName, isOptional: view.type.hasSuffix("?"))
        }
        self.init(statements: lines)
    }
}
