import SmithyModel

/// The service's error type and the structures that carry each error's members.
struct ErrorsViewModel {
    struct ErrorCase {
        /// The static `Code` property, e.g. `repositoryNotFoundException`.
        let codeName: String
        /// The code on the wire (the shape name).
        let wireCode: String
        /// The value of the static `Code`: the wire code, or for an `awsQueryCompatible` service the error's
        /// `awsQueryError` code, which such services report in `x-amzn-query-error`.
        let codeLiteral: String
        /// The struct with the error's members.
        let detailsType: String
        let fault: String
        let statusCode: Int
        let isRetryable: Bool
        let isThrottling: Bool
        let documentation: [String]
    }

    let errorTypeName: String
    let serviceName: String
    let access: String
    let cases: [ErrorCase]
    let hasCases: Bool
    let structures: [StructureViewModel]

    init(context: ServiceContext, recursion: RecursionAnalysis) {
        errorTypeName = context.names.errorName
        serviceName = context.serviceName
        access = context.access
        cases = context.errorShapes.map { shape in
            let fault = shape.traits.errorFault ?? .client
            let queryCode = context.service.traits.isAWSQueryCompatible
                ? shape.traits.awsQueryError?.code : nil
            // The query protocols send an error's `awsQueryError` code, when it has one, instead of its name.
            let wireCode = context.wireProtocol.isQuery ? shape.traits.awsQueryError?.code ?? shape.id.name : shape.id.name
            return ErrorCase(
                codeName: SwiftNaming.escapedMember(SwiftNaming.lowerCamel(shape.id.name)),
                wireCode: SwiftLiteral.string(wireCode),
                codeLiteral: SwiftLiteral.string(queryCode ?? wireCode),
                detailsType: context.names[shape.id] ?? shape.id.name,
                fault: fault == .client ? ".client" : ".server",
                statusCode: shape.traits.httpErrorCode ?? (fault == .client ? 400 : 500),
                isRetryable: shape.traits.retryable != nil,
                isThrottling: shape.traits.retryable?.throttling ?? false,
                documentation: DocComment.lines(DocumentationFormatter.lines(shape.traits.documentation).prefix(1).map { $0 }))
        }
        hasCases = !cases.isEmpty
        structures = context.errorShapes.map {
            StructureViewModel(shape: $0, context: context, recursion: recursion, validation: nil, isOperationInput: false)
        }
    }
}
