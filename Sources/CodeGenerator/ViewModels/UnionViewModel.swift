import SmithyModel

/// A generated Swift enum for a union: one case per member plus a catch-all for members the model does not
/// list yet (decoded from a newer service, never sent).
struct UnionViewModel {
    struct Case {
        let name: String
        let wireName: String
        let type: String
        let documentation: [String]
        let encodeStatement: String
        let validation: [String]
        let hasValidation: Bool
        /// The mirror's `case` line: the payload, or the redaction placeholder for sensitive members.
        let mirrorCase: String
    }

    let typeName: String
    let access: String
    let documentation: [String]
    let indirect: String
    let cases: [Case]
    let catchAllName: String
    let conformances: String
    let isValidatable: Bool
    /// Whether printing must hide a sensitive member's value (a custom mirror is generated).
    let redactsSensitiveCases: Bool
    /// Present for query protocols when an input reaches the union.
    let queryEncoding: QueryEncodingViewModel?
    /// Present for XML protocols when an output or error reaches the union.
    let xmlDecoding: XMLDecodingViewModel?
    /// Present for JSON protocols when an output reaches the union.
    let jsonDecoding: JSONDecodingViewModel?
    /// Present for restXml when an input reaches the union.
    let xmlEncoding: XMLEncodingViewModel?
    /// Present for an event stream: how its members become messages and back.
    let eventStream: EventStreamUnionViewModel?

    init(shape: Shape, context: ServiceContext, recursion: RecursionAnalysis, validation: ValidationBuilder?) {
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        documentation = DocComment.lines(DocumentationFormatter.lines(shape.traits.documentation))
        indirect = recursion.isRecursiveUnion(shape) ? "indirect " : ""
        let resolver = SwiftTypeResolver(context: context)
        isValidatable = validation != nil && context.inputClosure.contains(shape.id)
        var seen: [String: String] = [:]
        var cases: [Case] = []
        var hasSensitiveCase = false
        for member in shape.members {
            let name = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name))
            if let other = seen[name] {
                context.diagnostics.error("union members \(other) and \(member.name) both become the Swift case \(name)",
                                          shape: member.id, path: member.jsonPath)
            }
            seen[name] = member.name
            // awsJson 1.0 and 1.1 ignore `jsonName`: the member name is the key.
            let wireName = context.wireProtocol.honoursJSONName ? member.traits.jsonName ?? member.name : member.name
            let key = "AnyCodingKey(\(SwiftLiteral.string(wireName)))"
            let target = context.target(of: member)
            var encode = "try container.encode(value, forKey: \(key))"
            if target?.type == .timestamp, context.wireProtocol.honoursTimestampFormat,
               let format = member.traits.timestampFormat ?? target?.traits.timestampFormat,
               format != .epochSeconds {
                encode = "try container.encodeTimestamp(value, forKey: \(key), format: \(format == .dateTime ? ".dateTime" : ".httpDate"))"
            }
            let isSensitive = Sensitivity.hidesValue(of: member, in: shape, model: context.model)
            hasSensitiveCase = hasSensitiveCase || isSensitive
            let checks = isValidatable ? validation?.unionCaseStatements(for: member) ?? [] : []
            cases.append(Case(
                name: name, wireName: SwiftLiteral.string(wireName), type: resolver.type(of: member.target),
                documentation: DocComment.lines(DocumentationFormatter.lines(member.traits.documentation)),
                encodeStatement: encode, validation: checks, hasValidation: !checks.isEmpty,
                mirrorCase: isSensitive
                    ? "case .\(name): return Mirror(self, children: [\(SwiftLiteral.string(wireName)): \(SwiftLiteral.string(RedactionViewModel.placeholder))], displayStyle: .enum)"
                    : "case .\(name)(let value): return Mirror(self, children: [\(SwiftLiteral.string(wireName)): value as Any], displayStyle: .enum)"))
        }
        self.cases = cases
        let taken = Set(cases.map(\.name))
        var catchAll = "sdkUnknown"
        while taken.contains(catchAll) { catchAll = "_" + catchAll }
        catchAllName = catchAll
        conformances = "Sendable, Hashable, Codable" + (isValidatable ? ", Validatable" : "")
        redactsSensitiveCases = hasSensitiveCase
        queryEncoding = QueryEncodingViewModel(shape: shape, members: [], context: context, catchAllName: catchAll)
        xmlDecoding = XMLDecodingViewModel(shape: shape, members: [], context: context, catchAllName: catchAll)
        jsonDecoding = JSONDecodingViewModel(shape: shape, members: [], context: context, catchAllName: catchAll)
        xmlEncoding = XMLEncodingViewModel(shape: shape, members: [], context: context, catchAllName: catchAll)
        eventStream = EventStreamUnionViewModel(shape: shape, context: context, catchAllName: catchAll)
    }
}
