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
    /// Shapes reachable from operation outputs and errors: what responses are decoded into.
    let outputClosure: Set<ShapeID>
    let errorShapes: [Shape]
    let names: TypeNameTable

    enum WireProtocol: String {
        case awsJson1_0, awsJson1_1, restJson1, awsQuery, ec2Query, restXml, rpcv2Cbor

        var runtimeCase: String { ".\(rawValue)" }

        /// The protocol trait's shape id, which protocol tests name.
        var traitID: String { self == .rpcv2Cbor ? "smithy.protocols#" + rawValue : "aws.protocols#" + rawValue }

        /// awsQuery or ec2Query: form-encoded requests, XML responses.
        var isQuery: Bool { self == .awsQuery || self == .ec2Query }

        /// Whether operation inputs and outputs bind members to the URI, query, headers and payload.
        var usesHTTPBindings: Bool { self == .restJson1 || self == .restXml }

        /// Which event streams clients of the protocol send and read: restJson1 both ways; restXml (S3's
        /// SelectObjectContent) output streams; awsJson (Kinesis, CloudWatch Logs) output streams, after the
        /// initial-response message; the others none yet.
        var streamsInputEvents: Bool { self == .restJson1 }
        var streamsOutputEvents: Bool { self == .restJson1 || self == .restXml || self == .awsJson1_0 || self == .awsJson1_1 }

        /// Whether responses (and restXml requests) are XML.
        var usesXMLBodies: Bool { isQuery || self == .restXml }

        /// Whether timestamps follow `timestampFormat` (rpcv2Cbor always sends epoch seconds, tag 1).
        var honoursTimestampFormat: Bool { self != .rpcv2Cbor }

        /// Whether JSON keys follow `jsonName` (only restJson1; the awsJson protocols use member names).
        var honoursJSONName: Bool { self == .restJson1 }
    }

    /// Operation inputs, outputs and errors: the structures whose members HTTP-binding protocols bind (members
    /// of the same shapes nested anywhere else are plain body members). Empty for other protocols.
    let httpBoundShapes: Set<ShapeID>
    /// The operation inputs among ``httpBoundShapes``.
    let httpInputShapes: Set<ShapeID>

    /// Where every stage of this generation run reports problems.
    let diagnostics: DiagnosticCollector
    /// Which members close a recursive cycle (computed once per run).
    let recursion: RecursionAnalysis

    init(model: Model, options: GeneratorOptions, diagnostics: DiagnosticCollector) throws(ModelError) {
        self.model = model
        self.options = options
        self.diagnostics = diagnostics
        self.recursion = RecursionAnalysis(model: model)
        let services = model.services
        let chosen: Shape?
        if let wanted = options.serviceID {
            chosen = services.first { $0.id.description == wanted }
            if chosen == nil {
                diagnostics.error(
                    "no service \(SmithyIdentifier.quoted(wanted)) in the model (it has: \(services.map(\.id.description).joined(separator: ", ")))",
                    path: "$.shapes")
            }
        } else {
            chosen = services.count == 1 ? services.first : nil
            if chosen == nil {
                diagnostics.error(services.isEmpty
                    ? "the model defines no service shape"
                    : "the model defines \(services.count) services (\(services.map(\.id.description).joined(separator: ", "))); choose one",
                    path: "$.shapes")
            }
        }
        guard let service = chosen else { throw ModelError(diagnostics: diagnostics.diagnostics) }
        self.service = service

        if service.traits.has(TraitID.awsJson1_1) {
            wireProtocol = .awsJson1_1
        } else if service.traits.has(TraitID.awsJson1_0) {
            wireProtocol = .awsJson1_0
        } else if service.traits.has(TraitID.restJson1) {
            wireProtocol = .restJson1
        } else if service.traits.has(TraitID.awsQuery) {
            wireProtocol = .awsQuery
        } else if service.traits.has(TraitID.ec2Query) {
            wireProtocol = .ec2Query
        } else if service.traits.has(TraitID.restXml) {
            wireProtocol = .restXml
        } else if service.traits.has(TraitID.rpcv2Cbor) {
            wireProtocol = .rpcv2Cbor
        } else {
            let protocols = service.traits.ids.filter { $0.hasPrefix("aws.protocols#") || $0.hasPrefix("smithy.protocols#") }
            let found = protocols.isEmpty ? "none" : protocols.joined(separator: ", ")
            diagnostics.error(
                "unsupported protocol (found: \(found)); supported: aws.protocols#awsJson1_0, aws.protocols#awsJson1_1, aws.protocols#restJson1, aws.protocols#awsQuery, aws.protocols#ec2Query, aws.protocols#restXml, smithy.protocols#rpcv2Cbor",
                shape: service.id, path: JSONPath.key(service.jsonPath, "traits"))
            throw ModelError(diagnostics: diagnostics.diagnostics)
        }

        let sdkId = service.traits.awsService?.sdkId ?? service.id.name
        serviceName = options.moduleName ?? SwiftNaming.serviceTypeName(sdkId: sdkId)

        var operations = model.operations(of: service)
        if let allowList = options.operationAllowList {
            let known = Set(operations.map(\.id.name))
            let unknown = allowList.subtracting(known).sorted()
            if !unknown.isEmpty {
                diagnostics.error(
                    "the operation allow-list names operations the service does not have: \(unknown.joined(separator: ", "))",
                    shape: service.id, path: service.jsonPath)
            }
            operations = operations.filter { allowList.contains($0.id.name) }
        }
        operations = Self.leavingOutEventStreams(operations, model: model, wireProtocol: wireProtocol, diagnostics: diagnostics)
        self.operations = operations
        Self.checkOperationNames(operations, diagnostics: diagnostics)

        var errorIDs = Set(service.errors)
        var roots: [ShapeID] = service.errors
        var inputRoots: [ShapeID] = []
        var outputRoots: [ShapeID] = service.errors
        for operation in operations {
            if let input = operation.input { roots.append(input); inputRoots.append(input) }
            if let output = operation.output { roots.append(output); outputRoots.append(output) }
            roots += operation.errors
            outputRoots += operation.errors
            errorIDs.formUnion(operation.errors)
        }
        for error in Self.eventStreamErrors(of: operations, model: model) where errorIDs.insert(error).inserted {
            roots.append(error)
            outputRoots.append(error)
        }
        let reachable = Self.closure(from: roots, in: model)
        inputClosure = Self.closure(from: inputRoots, in: model)
        outputClosure = Self.closure(from: outputRoots, in: model)
        reachableShapes = reachable.sorted().compactMap { model.shape($0) }.filter {
            [.structure, .union, .enum, .intEnum].contains($0.type) && $0.id != ShapeID.unit
                || ($0.type == .string && $0.traits.legacyEnumDefinitions != nil)
        }
        errorShapes = errorIDs.sorted().compactMap { model.shape($0) }
        if wireProtocol.usesHTTPBindings {
            var bound = errorIDs
            for operation in operations {
                if let input = operation.input { bound.insert(input) }
                if let output = operation.output { bound.insert(output) }
            }
            httpBoundShapes = bound
            httpInputShapes = Set(operations.compactMap(\.input))
        } else {
            httpBoundShapes = []
            httpInputShapes = []
        }
        names = TypeNameTable(shapes: reachableShapes, serviceName: serviceName, service: service, diagnostics: diagnostics)
        Self.checkMemberNames(of: reachableShapes, diagnostics: diagnostics)
        Self.warnAboutStreaming(
            in: reachableShapes, model: model, streamsBlobs: wireProtocol.usesHTTPBindings,
            streamsEvents: wireProtocol.streamsOutputEvents, diagnostics: diagnostics)
        EventStreamCheck(model: model, diagnostics: diagnostics).check(shapes: reachableShapes)
        if wireProtocol.usesXMLBodies {
            XMLNameCheck(diagnostics: diagnostics).check(shapes: reachableShapes, model: model)
        }
        if wireProtocol.usesHTTPBindings {
            HTTPBindingCheck(model: model, diagnostics: diagnostics, protocolName: wireProtocol.rawValue).check(operations: operations, errors: errorShapes)
        }
        try diagnostics.throwIfErrors()
    }

    /// Operations with an event stream the protocol cannot carry are left out, with a warning: generated as plain
    /// values they would compile and then fail on every call.
    private static func leavingOutEventStreams(
        _ operations: [Shape], model: Model, wireProtocol: WireProtocol, diagnostics: DiagnosticCollector
    ) -> [Shape] {
        func eventStream(in structure: ShapeID?) -> Member? {
            structure.flatMap(model.shape)?.members.first { member in
                model.shape(member.target).map { $0.type == .union && $0.traits.isStreaming } ?? false
            }
        }
        return operations.filter { operation in
            let unsupported = [(operation.input, wireProtocol.streamsInputEvents, "input"),
                               (operation.output, wireProtocol.streamsOutputEvents, "output")]
                .lazy.compactMap { structure, supported, direction in
                    supported ? nil : eventStream(in: structure).map { ($0, direction) }
                }.first
            guard let (stream, direction) = unsupported else { return true }
            diagnostics.warning(
                "\(operation.id) is left out: its member \(stream.id) is an \(direction) event stream, which \(wireProtocol.rawValue) clients do not support yet",
                shape: operation.id, path: operation.jsonPath)
            return false
        }
    }

    /// The error structures an event stream union names as members: its exception events, thrown from the
    /// stream as the service's error type.
    private static func eventStreamErrors(of operations: [Shape], model: Model) -> [ShapeID] {
        var errors: [ShapeID] = []
        for operation in operations {
            let structures = [operation.input, operation.output].compactMap { $0.flatMap(model.shape) }
            for member in structures.flatMap(\.members) {
                guard let union = model.shape(member.target), union.type == .union, union.traits.isStreaming else { continue }
                errors += union.members.map(\.target).filter { model.shape($0)?.traits.errorFault != nil }
            }
        }
        return errors
    }

    /// Event streams, and streaming blobs of protocols without HTTP bindings, are generated as whole in-memory
    /// values: the client compiles, but such an operation does not behave as the service expects.
    private static func warnAboutStreaming(
        in shapes: [Shape], model: Model, streamsBlobs: Bool, streamsEvents: Bool, diagnostics: DiagnosticCollector
    ) {
        for shape in shapes where shape.type == .structure {
            for member in shape.members {
                guard let target = model.shape(member.target), target.traits.isStreaming else { continue }
                // Payloads of the REST protocols stream (`ByteStream`).
                if target.type == .blob && streamsBlobs { continue }
                // restJson1 event streams are read and sent as they flow (`AsyncEventStream`).
                if target.type == .union && streamsEvents { continue }
                let what = target.type == .union ? "an event stream" : "a streaming blob"
                diagnostics.warning(
                    "\(member.id) is \(what), which is not supported yet: it is generated as a whole value read into memory",
                    shape: member.id, path: member.jsonPath)
            }
        }
    }

    /// Operations become methods: two whose Swift names coincide (same name in two namespaces, or names that
    /// differ only in case or underscores) cannot both be generated.
    private static func checkOperationNames(_ operations: [Shape], diagnostics: DiagnosticCollector) {
        var owners: [String: ShapeID] = [:]
        for operation in operations {
            let method = SwiftNaming.lowerCamel(operation.id.name)
            if let other = owners[method] {
                diagnostics.error(
                    "operations \(other) and \(operation.id) both become the method \(method); a service's operation names must be unique",
                    shape: operation.id, path: operation.jsonPath)
            }
            owners[method] = operation.id
        }
    }

    /// Members become properties or cases: names that only differ in underscores or casing style
    /// (`foo_bar`, `fooBar`) would declare the same Swift name twice.
    private static func checkMemberNames(of shapes: [Shape], diagnostics: DiagnosticCollector) {
        for shape in shapes where shape.type == .structure || shape.type == .union {
            var owners: [String: String] = [:]
            for member in shape.members {
                let swiftName = SwiftNaming.lowerCamel(member.name)
                if let other = owners[swiftName] {
                    diagnostics.error("members \(other) and \(member.name) both become the Swift name \(swiftName)",
                                      shape: member.id, path: member.jsonPath)
                }
                owners[swiftName] = member.name
            }
        }
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

    /// Whether `shape` is a streaming blob the runtime streams: the payload of a REST protocol's input or
    /// output, generated as `ByteStream` (elsewhere a streaming blob stays `Data`, read whole, with a warning).
    func isStreamedBlob(_ shape: Shape) -> Bool {
        shape.type == .blob && shape.traits.isStreaming && wireProtocol.usesHTTPBindings
    }

    func isError(_ shape: Shape) -> Bool { shape.traits.errorFault != nil }

    /// Whether `shape` is an event stream (a `@streaming` union), generated as `AsyncEventStream` of the union.
    func isEventStream(_ shape: Shape) -> Bool {
        shape.type == .union && shape.traits.isStreaming
    }

    /// Where `member` of `container` goes on the wire under this service's protocol: nil for a body member.
    func httpBinding(of member: Member, in container: Shape) -> HTTPBinding? {
        guard httpBoundShapes.contains(container.id), let binding = member.traits.httpBinding else { return nil }
        switch binding {
        case .label, .query, .queryParams:
            // Request-only: in an output or error such a member is an ordinary body member.
            return httpInputShapes.contains(container.id) ? binding : nil
        default:
            return binding
        }
    }

    var access: String { options.accessLevel.rawValue }
}
