import SmithyModel

/// Everything the per-service templates render: names, metadata, operations and the generated shapes.
struct ServiceViewModel {
    let serviceName: String
    let serviceID: String
    let clientName: String
    let protocolName: String
    let errorTypeName: String
    let metadataName: String
    let access: String
    let documentation: [String]
    let title: String

    // Metadata the runtime needs.
    let sdkIdLiteral: String
    let signingNameLiteral: String
    let targetPrefixLiteral: String
    let protocolCase: String
    let apiVersionLiteral: String
    let endpointRuleSetLiteral: String
    let isAWSQueryCompatible: Bool
    /// Whether the client's default credentials come from `AWSIdentity`'s `DefaultCredentialChain` (every
    /// client but the identity services that module itself calls).
    let usesIdentityChain: Bool
    /// Whether an operation authenticates with a bearer token, so the client needs a default token source.
    let usesBearerTokens: Bool

    let operations: [OperationViewModel]
    let paginators: [PaginatorViewModel]
    /// The operations that get a labelled-argument overload.
    let convenienceOperations: [OperationViewModel]
    let hasPaginators: Bool
    /// The operations with a presigned-URL overload (see ``OperationViewModel/isPresignable``).
    let presignableOperations: [OperationViewModel]
    let hasPresignableOperations: Bool
    /// The `smithy.waiters#waitable` waiters of every operation.
    let waiters: [WaiterViewModel]
    let hasWaiters: Bool

    init(context: ServiceContext) {
        let service = context.service
        serviceName = context.serviceName
        serviceID = service.id.description
        clientName = context.names.clientName
        protocolName = context.names.clientProtocolName
        errorTypeName = context.names.errorName
        metadataName = context.names.metadataName
        access = context.access
        title = DocComment.inline(service.traits.title ?? service.traits.awsService?.sdkId ?? service.id.name)
        // Follows a summary line in the client's doc comment, so it starts with a paragraph break.
        let serviceDocs = DocumentationFormatter.lines(service.traits.documentation)
        documentation = serviceDocs.isEmpty ? [] : DocComment.lines([""] + serviceDocs)

        let sdkId = service.traits.awsService?.sdkId ?? service.id.name
        sdkIdLiteral = SwiftLiteral.string(sdkId)
        let signingName = service.traits.sigv4SigningName
            ?? service.traits.awsService?.arnNamespace ?? service.id.name.lowercased()
        signingNameLiteral = SwiftLiteral.string(signingName)
        targetPrefixLiteral = SwiftLiteral.string(service.id.name)
        protocolCase = context.wireProtocol.runtimeCase
        apiVersionLiteral = SwiftLiteral.string(service.version ?? "")
        endpointRuleSetLiteral = (service.traits.endpointRuleSet ?? context.options.endpointRuleSet).map { SwiftLiteral.raw(JSONWriter.compact($0)) } ?? "nil"
        isAWSQueryCompatible = service.traits.isAWSQueryCompatible
        usesIdentityChain = context.options.usesIdentityChain

        let recursion = context.recursion
        operations = context.operations.map { OperationViewModel(operation: $0, context: context, recursion: recursion) }
        usesBearerTokens = context.operations.contains {
            OperationAuthChoice(operation: $0, service: service).runtimeCase == "bearerToken"
        }
        var paginators = operations.compactMap(\.paginator)
        for index in paginators.indices.dropFirst() { paginators[index].isFollowing = true }
        self.paginators = paginators
        var convenience = operations.filter(\.hasConvenience)
        for index in convenience.indices.dropFirst() { convenience[index].isFollowing = true }
        convenienceOperations = convenience
        hasPaginators = !paginators.isEmpty
        let canPresign = context.wireProtocol.usesHTTPBindings || context.wireProtocol.isQuery
        let inputCounts = Dictionary(operations.map { ($0.inputType, 1) }, uniquingKeysWith: +)
        var presignable = canPresign ? operations.filter { $0.hasInput && inputCounts[$0.inputType] == 1 } : []
        for index in presignable.indices {
            presignable[index].isPresignable = true
            presignable[index].isFollowing = index > 0
        }
        presignableOperations = presignable
        hasPresignableOperations = !presignable.isEmpty
        var waiters: [WaiterViewModel] = []
        for operation in context.operations {
            for waiter in WaiterViewModel.waiters(of: operation, context: context, recursion: recursion) {
                // Waiter names are unique per service in a valid model; a second one would be a second method.
                guard !waiters.contains(where: { $0.methodName == waiter.methodName }) else {
                    context.diagnostics.warning(
                        "waiter \(waiter.nameLiteral) is defined twice; the second is left out", shape: operation.id)
                    continue
                }
                waiters.append(waiter)
            }
        }
        for index in waiters.indices.dropFirst() { waiters[index].isFollowing = true }
        self.waiters = waiters
        hasWaiters = !waiters.isEmpty
    }
}
