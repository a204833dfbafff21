import Foundation
import SmithyModel

/// One operation: the protocol requirement, the client method, its convenience overload and its paginator.
struct OperationViewModel {
    /// The Smithy name, sent in `X-Amz-Target`.
    let name: String
    /// `name` as a Swift string literal.
    let nameLiteral: String
    let methodName: String
    let inputType: String
    let outputType: String
    /// False when the input is `smithy.api#Unit`: the method then takes no argument.
    let hasInput: Bool
    /// False when the output is `smithy.api#Unit`: the method then returns nothing.
    let hasOutput: Bool
    let documentation: [String]
    let deprecatedAttribute: String?
    /// Labelled parameters of the convenience overload, one per input member.
    let convenienceParameters: [MemberViewModel]
    /// Whether the input has members (else the overload takes no argument at all: `getAuthorizationToken()`).
    let hasConvenienceParameters: Bool
    let hasConvenience: Bool
    let paginator: PaginatorViewModel?
    /// `, hostPrefix: "data.\(input.label)."` from the `endpoint` trait, else empty.
    let hostPrefixArgument: String
    /// `, http: HTTPRoute(method: "GET", uri: "/{Bucket}")` under HTTP-binding protocols, else empty.
    let httpArgument: String
    /// `, compressesRequest: true` when the `requestCompression` trait lists gzip, `, requiresChecksum: true` with
    /// `httpChecksumRequired`, `, auth: .bearerToken` / `.anonymous` (see ``OperationAuthChoice``); else empty.
    let compressionArgument: String
    /// The endpoint rule-set parameters the operation supplies (see ``EndpointParameterBindings``).
    let endpointParameters: [EndpointParameterBindings.Entry]
    let hasEndpointParameters: Bool
    /// Whether the client gets a `presignedURL(for:expiresIn:)` overload for this operation: REST and query
    /// protocols, an input of its own (overloads are told apart by the input type).
    var isPresignable = false
    /// Whether a blank line separates this block from the one before (in files listing only some operations).
    var isFollowing = false

    init(operation: Shape, context: ServiceContext, recursion: RecursionAnalysis) {
        name = operation.id.name
        nameLiteral = SwiftLiteral.string(operation.id.name)
        methodName = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(operation.id.name))
        let input = operation.input.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
        let output = operation.output.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
        hasInput = input != nil
        hasOutput = output != nil
        inputType = input.flatMap { context.names[$0.id] } ?? "EmptyInput"
        outputType = output.flatMap { context.names[$0.id] } ?? "EmptyOutput"
        deprecatedAttribute = DeprecationAttribute.make(operation.traits.deprecated)

        let paginator = PaginatorViewModel(operation: operation, input: input, output: output, context: context,
                                           methodName: methodName, deprecatedAttribute: deprecatedAttribute)
        self.paginator = paginator
        var docs = DocumentationFormatter.lines(operation.traits.documentation)
        if let paginator {
            docs += ["", "This operation is paginated: `\(paginator.methodName)(_:)` fetches every page"
                + (paginator.hasItems ? ", and its `items` every `\(paginator.itemType)`." : ".")]
        }
        documentation = DocComment.lines(docs)

        var parameters = input.map { shape in
            shape.members.map { MemberViewModel(member: $0, in: shape, context: context, recursion: recursion) }
        } ?? []
        if !parameters.isEmpty { parameters[parameters.count - 1].separator = "" }
        convenienceParameters = parameters
        hasConvenienceParameters = !parameters.isEmpty
        hasConvenience = hasInput
        if context.wireProtocol.usesHTTPBindings, let http = operation.traits.http {
            let code = http.code == 200 ? "" : ", successCode: \(http.code)"
            httpArgument = ", http: HTTPRoute(method: \(SwiftLiteral.string(http.method)), uri: \(SwiftLiteral.string(http.uri))\(code))"
        } else {
            httpArgument = ""
        }
        hostPrefixArgument = Self.hostPrefixArgument(operation: operation, inputMembers: parameters)
        endpointParameters = EndpointParameterBindings(operation: operation, input: input, context: context).entries
        hasEndpointParameters = !endpointParameters.isEmpty
        let encodings = operation.traits[TraitID.requestCompression]?["encodings"]?.arrayValue ?? []
        compressionArgument = (encodings.contains(.string("gzip")) ? ", compressesRequest: true" : "")
            + (operation.traits.has(TraitID.httpChecksumRequired) ? ", requiresChecksum: true" : "")
            + OperationAuthChoice(operation: operation, service: context.service).argument
    }

    /// The `endpoint` trait's `hostPrefix` as a Swift string literal that interpolates the input's host labels.
    private static func hostPrefixArgument(operation: Shape, inputMembers: [MemberViewModel]) -> String {
        guard let prefix = operation.traits[TraitID.endpoint]?["hostPrefix"]?.stringValue, !prefix.isEmpty else {
            return ""
        }
        var literal = SwiftLiteral.string(prefix)
        for member in inputMembers {
            let value = member.isOptional ? "(input.\(member.propertyName) ?? \"\")" : "input.\(member.propertyName)"
            literal = literal.replacingOccurrences(of: "{\(member.name)}", with: "\\(\(value))")
        }
        return ", hostPrefix: \(literal)"
    }
}
