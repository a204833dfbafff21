import SmithyModel

/// A generated forward-compatible enum: one case per modelled value plus a catch-all that keeps any other
/// value, so a value the service adds later decodes and re-encodes unchanged.
struct EnumViewModel {
    struct Case {
        let name: String
        let rawLiteral: String
        let documentation: [String]
        let deprecatedAttribute: String?
    }

    let typeName: String
    let access: String
    let documentation: [String]
    /// `String` or `Int`.
    let rawType: String
    let cases: [Case]
    let catchAllName: String
    /// Whether the type is reachable from inputs (and so is validated).
    let isValidatable: Bool
    /// Whether the protocol may bind values of the type to labels, query parameters or headers.
    let bindsToHTTP: Bool

    init(shape: Shape, context: ServiceContext) {
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        documentation = DocComment.lines(DocumentationFormatter.lines(shape.traits.documentation))
        let isIntEnum = shape.type == .intEnum
        rawType = isIntEnum ? "Int" : "String"
        let modelCases = EnumCaseNaming.cases(of: shape)
        var seen: [String: String] = [:]
        for modelCase in modelCases {
            if let other = seen[modelCase.caseName] {
                context.diagnostics.error(
                    "enum values \(SmithyIdentifier.quoted(other)) and \(SmithyIdentifier.quoted(modelCase.rawValue)) both become the Swift case \(modelCase.caseName)",
                    shape: modelCase.memberID ?? shape.id, path: shape.jsonPath)
            }
            seen[modelCase.caseName] = modelCase.rawValue
        }
        cases = modelCases.map { modelCase in
            Case(name: modelCase.caseName,
                 rawLiteral: isIntEnum
                    // Re-emitted from the parsed integer (the model validator checked it is one), never copied.
                    ? String(NumberBounds.integerValue(modelCase.rawValue) ?? 0)
                    : SwiftLiteral.string(modelCase.rawValue),
                 documentation: DocComment.lines(DocumentationFormatter.lines(modelCase.documentation)),
                 deprecatedAttribute: nil)
        }
        catchAllName = EnumCaseNaming.catchAllName(for: modelCases)
        isValidatable = context.inputClosure.contains(shape.id)
        bindsToHTTP = context.wireProtocol.usesHTTPBindings || context.wireProtocol.isQuery
    }
}
