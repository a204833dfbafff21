import SmithyModel

/// Turns a model into the files of a Swift client module, in memory.
///
/// The stages are plain functions of their input: model → ``ServiceContext`` → view models → templates →
/// ``GeneratedFile``s. Nothing here touches the disk; the CLI and the plugins write the files.
public struct ClientGenerator: Sendable {
    private let renderer: TemplateRenderer

    /// Parses `templates` up front, so syntax errors surface before any model is read.
    public init(templates: TemplateSet) throws(TemplateError) {
        renderer = try templates.parsed()
    }

    /// The files every service produces, whatever its model: a build plugin declares these as its outputs.
    public static var outputFileNames: [String] {
        ["Client.swift", "Client+Convenience.swift", "Client+Presigning.swift", "Client+Waiters.swift", "Enums.swift", "Errors.swift",
         "Paginators.swift", "ServiceMetadata.swift", "Unions.swift", "Validation.swift"]
            + StructureBuckets.ranges.map { StructureBuckets.fileName($0.name) }
    }

    /// Generates the client for the one service in `model`. Throws ``ModelError`` with every diagnostic when
    /// the model cannot be generated, and ``TemplateError`` when a template is wrong.
    public func generate(model: Model, options: GeneratorOptions = GeneratorOptions(), file: String? = nil) throws
        -> [GeneratedFile]
    {
        try generate(model: model, options: options, diagnostics: DiagnosticCollector(file: file))
    }

    /// Generates the client for the one service in `model`, reporting warnings (output knowingly less than the
    /// model asks for) into `diagnostics`; throws ``ModelError`` with every diagnostic when any is an error.
    public func generate(model: Model, options: GeneratorOptions = GeneratorOptions(),
                         diagnostics: DiagnosticCollector) throws -> [GeneratedFile]
    {
        let context = try ServiceContext(model: model, options: options, diagnostics: diagnostics)
        let validation = options.generateValidation ? ValidationBuilder(context: context) : nil
        let recursion = context.recursion
        let service = ServiceViewModel(context: context)
        let inputIDs = Set(context.operations.compactMap(\.input))

        var structures: [StructureViewModel] = []
        var enums: [EnumViewModel] = []
        var unions: [UnionViewModel] = []
        for shape in context.reachableShapes where !context.isError(shape) {
            switch shape.type {
            case .structure:
                structures.append(StructureViewModel(
                    shape: shape, context: context, recursion: recursion, validation: validation,
                    isOperationInput: inputIDs.contains(shape.id)))
            case .union:
                unions.append(UnionViewModel(shape: shape, context: context, recursion: recursion, validation: validation))
            case .enum, .intEnum, .string:
                enums.append(EnumViewModel(shape: shape, context: context))
            default:
                break
            }
        }
        try diagnostics.throwIfErrors()
        structures.sort { $0.typeName < $1.typeName }
        enums.sort { $0.typeName < $1.typeName }
        unions.sort { $0.typeName < $1.typeName }

        var files: [GeneratedFile] = []
        func render(_ template: String, _ path: String, _ viewModel: Any) throws {
            files.append(GeneratedFile(path: path, contents: try renderer.render(template, context: viewModel)))
        }
        let serviceFile = ServiceFileViewModel(service: service)
        try render("Client", "Client.swift", serviceFile)
        try render("ClientConvenience", "Client+Convenience.swift", serviceFile)
        try render("ClientPresigning", "Client+Presigning.swift", serviceFile)
        try render("Waiters", "Client+Waiters.swift", serviceFile)
        try render("ServiceMetadata", "ServiceMetadata.swift", serviceFile)
        try render("Paginators", "Paginators.swift", serviceFile)
        try render("Enums", "Enums.swift", EnumsFileViewModel(service: service, enums: enums))
        try render("Unions", "Unions.swift", UnionsFileViewModel(service: service, unions: unions))
        try render("Errors", "Errors.swift", ErrorsFileViewModel(
            service: service, errors: ErrorsViewModel(context: context, recursion: recursion)))
        let patterns = (validation?.patternNames ?? [:]).sorted { $0.value.localizedStandardOrder($1.value) }
            .map { ValidationFileViewModel.Pattern(
                name: $0.value, literal: SwiftLiteral.raw($0.key),
                compiledLiteral: SwiftLiteral.raw(validation?.compiledPatterns[$0.key] ?? $0.key)) }
        try render("Validation", "Validation.swift", ValidationFileViewModel(
            service: service, patternsTypeName: context.names.validationPatternsName,
            patterns: patterns))
        for bucket in StructureBuckets.ranges {
            let members = structures.filter { StructureBuckets.bucket(for: $0.typeName) == bucket.name }
            try render("Structures", StructureBuckets.fileName(bucket.name), StructuresFileViewModel(
                service: service, bucket: bucket.name, structures: members))
        }
        return files.sorted { $0.path < $1.path }
    }
}

extension ClientGenerator {
    /// Tests generated from the model's own test traits (`smithy.rules#endpointTests`, and
    /// `smithy.test#httpRequestTests` / `httpResponseTests` with their support file), for a `<Module>Tests` target
    /// that depends on the generated module. Empty when the model states no tests.
    public func generateTests(model: Model, options: GeneratorOptions = GeneratorOptions(), file: String? = nil) throws
        -> [GeneratedFile]
    {
        let context = try ServiceContext(model: model, options: options, diagnostics: DiagnosticCollector(file: file))
        let service = ServiceViewModel(context: context)
        var files: [GeneratedFile] = []
        if let endpointTests = EndpointTestsViewModel(context: context, service: service) {
            files.append(GeneratedFile(
                path: "EndpointRuleTests.swift", contents: try renderer.render("EndpointRuleTests", context: endpointTests)))
        }
        if let protocolTests = try ProtocolTestsViewModel(reportingTo: context, service: service) {
            files.append(GeneratedFile(
                path: "ProtocolTests.swift", contents: try renderer.render("ProtocolTests", context: protocolTests)))
            files.append(GeneratedFile(
                path: "ProtocolTestSupport.swift",
                contents: try renderer.render("ProtocolTestSupport", context: ProtocolTestSupportViewModel(service: service))))
        }
        return files
    }
}

extension String {
    /// `pattern2` before `pattern10`.
    fileprivate func localizedStandardOrder(_ other: String) -> Bool {
        let lhs = Int(filter(\.isNumber)) ?? 0
        let rhs = Int(other.filter(\.isNumber)) ?? 0
        return lhs == rhs ? self < other : lhs < rhs
    }
}
