import SmithyModel

/// What the generator knows about the one service it is generating: the service shape, its protocol, the
/// operations it exposes and every shape they reach.
struct ServiceContext {
    let model: Model
    let service: Shape
    let options: GeneratorOptions
    /// Module and type prefix, e.g. `ECRPublic`.
    let serviceName: String
    let wireProtocol: WireProtocol
    let operations: [Shape]
    /// Every structure, union, enum and intEnum the operations reach (inputs, outputs, errors), sorted by id.
    let reachableShapes: [Shape]
    /// Shapes reachable from operation inputs: these get validation code.
    let inputClosure: Set<ShapeID>
    let errorShapes: [Shape]
    let names: TypeNameTable

    enum WireProtocol: String {
        case awsJson1_0, awsJson1_1

        var runtimeCase: String { ".\(rawValue)" }
    }

    init(model: Model, options: GeneratorOptions, file: String?) throws {
        self.model = model
        self.options = options
        let services = model.services
        let chosen: Shape?
        if let wanted = options.serviceID {
            chosen = services.first { $0.id.description == wanted }
            if chosen == nil {
                throw ModelError(diagnostics: [Diagnostic(
                    .error, "no service \(wanted) in the model (it has: \(services.map(\.id.description).joined(separator: ", ")))",
                    path: "$.shapes", file: file)])
            }
        } else {
            chosen = services.count == 1 ? services.first : nil
        }
        guard let service = chosen else {
            let message = services.isEmpty
                ? "the model defines no service shape"
                : "the model defines \(services.count) services (\(services.map(\.id.description).joined(separator: ", "))); choose one"
            throw ModelError(diagnostics: [Diagnostic(.error, message, path: "$.shapes", file: file)])
        }
        self.service = service

        if service.traits.has(TraitID.awsJson1_1) {
            wireProtocol = .awsJson1_1
        } else if service.traits.has(TraitID.awsJson1_0) {
            wireProtocol = .awsJson1_0
        } else {
            let protocols = service.traits.ids.filter { $0.hasPrefix("aws.protocols#") || $0.hasPrefix("smithy.protocols#") }
            let found = protocols.isEmpty ? "none" : protocols.joined(separator: ", ")
            throw ModelError(diagnostics: [Diagnostic(
                .error, "unsupported protocol (found: \(found)); supported: aws.protocols#awsJson1_0, aws.protocols#awsJson1_1",
                shape: service.id, path: JSONPath.key(service.jsonPath, "traits"), file: file)])
        }

        let sdkId = service.traits.awsService?.sdkId ?? service.id.name
        serviceName = options.moduleName ?? SwiftNaming.serviceTypeName(sdkId: sdkId)

        var operations = model.operations(of: service)
        if let allowList = options.operationAllowList {
            let known = Set(operations.map(\.id.name))
            let unknown = allowList.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw ModelError(diagnostics: [Diagnostic(
                    .error, "the operation allow-list names operations the service does not have: \(unknown.joined(separator: ", "))",
                    shape: service.id, path: service.jsonPath, file: file)])
            }
            operations = operations.filter { allowList.contains($0.id.name) }
        }
        self.operations = operations

        var errorIDs = Set(service.errors)
        var roots: [ShapeID] = service.errors
        var inputRoots: [ShapeID] = []
        for operation in operations {
            if let input = operation.input { roots.append(input); inputRoots.append(input) }
            if let output = operation.output { roots.append(output) }
            roots += operation.errors
            errorIDs.formUnion(operation.errors)
        }
        let reachable = Self.closure(from: roots, in: model)
        inputClosure = Self.closure(from: inputRoots, in: model)
        reachableShapes = reachable.sorted().compactMap { model.shape($0) }.filter {
            [.structure, .union, .enum, .intEnum].contains($0.type) && $0.id != ShapeID.unit
                || ($0.type == .string && $0.traits.legacyEnumDefinitions != nil)
        }
        errorShapes = errorIDs.sorted().compactMap { model.shape($0) }
        names = try TypeNameTable(shapes: reachableShapes, serviceName: serviceName, service: service, file: file)
    }

    /// Every shape reachable from `roots` through members.
    static func closure(from roots: [ShapeID], in model: Model) -> Set<ShapeID> {
        var seen = Set<ShapeID>()
        var stack = roots
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let shape = model.shape(id) else { continue }
            stack += shape.members.map(\.target)
        }
        return seen
    }

    /// The shape a member targets (the loader has checked every target exists).
    func target(of member: Member) -> Shape? { model.shape(member.target) }

    func isError(_ shape: Shape) -> Bool { shape.traits.errorFault != nil }

    var access: String { options.accessLevel.rawValue }
}
