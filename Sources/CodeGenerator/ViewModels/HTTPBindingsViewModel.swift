import SmithyModel

/// The HTTP bindings of an operation input, output or error under an HTTP-binding protocol (restJson1): an
/// `HTTPBoundInput` extension that writes bound members into the request, and an `HTTPBoundOutput` extension
/// that reads them from the response after the body.
struct HTTPBindingsViewModel {
    /// One call on `HTTPRequestBindings` in the input's `bind(to:)`.
    struct RequestBinding {
        /// The method of `HTTPRequestBindings`, e.g. `header`.
        let method: String
        /// Its arguments, e.g. `"X-Foo", self.foo`.
        let arguments: String
    }

    /// One assignment in the output's `init(httpResponse:)`.
    struct ResponseBinding {
        let storageName: String
        /// The value read from the response, e.g. `try response.header("X-Foo", as: String.self)`.
        let expression: String
    }

    let typeName: String
    let access: String
    let isInput: Bool
    let isOutput: Bool
    let hasBodyMembers: Bool
    let requestBindings: [RequestBinding]
    let responseBindings: [ResponseBinding]
    /// Whether the output's members start from the body (else from nothing: the body is a payload member).
    let readsBody: Bool
    /// Whether the output's payload is a streaming blob: the call returns at the headers (`HTTPStreamingOutput`).
    let streamsPayload: Bool

    /// Nil unless the protocol binds `shape`'s members: operation inputs always get bindings (they say whether
    /// a body is sent); outputs and errors only when a member is bound.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext) {
        let errorTypeName = context.names.errorName
        guard context.httpBoundShapes.contains(shape.id) else { return nil }
        let isInput = context.operations.contains { $0.input == shape.id }
        let hasBoundMembers = members.contains { $0.httpBinding != nil }
        let isOutput = hasBoundMembers
            && (context.operations.contains { $0.output == shape.id } || context.isError(shape))
        guard isInput || isOutput else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        self.isInput = isInput
        self.isOutput = isOutput
        hasBodyMembers = members.contains { $0.isBodyMember }
        readsBody = !members.contains { $0.httpBinding == .payload }

        var requests: [RequestBinding] = []
        var responses: [ResponseBinding] = []
        var streamsPayload = false
        let hasEventStream = shape.members.contains { member in
            context.model.shape(member.target).map(context.isEventStream) ?? false
        }
        for (member, view) in zip(shape.members, members) {
            guard let binding = view.httpBinding, let target = context.model.shape(member.target) else { continue }
            let kind = ValueKind(target: target, member: member, context: context)
            if isInput, let request = Self.request(binding, view: view, member: member, kind: kind) {
                requests.append(request)
            }
            if kind.streams, binding == .payload { streamsPayload = true }
            if isOutput, let expression = Self.response(binding, kind: kind, errorTypeName: errorTypeName) {
                let alwaysSet = kind.streams || binding == .responseCode
                if hasEventStream, !view.isOptional, member.traits.isRequired, member.traits.defaultValue == nil,
                   case .header(let name) = binding {
                    // An event stream's initial response must carry its required members (those with a default
                    // fall back to it).
                    responses.append(ResponseBinding(
                        storageName: view.storageName,
                        expression: "try response.required(\(expression), header: \(SwiftLiteral.string(name)))"))
                    continue
                }
                responses.append(ResponseBinding(
                    storageName: view.storageName,
                    expression: view.isOptional || alwaysSet ? expression : "\(expression) ?? self.\(view.storageName)"))
            }
        }
        self.streamsPayload = isOutput && streamsPayload && !context.isError(shape)
        requestBindings = requests
        responseBindings = responses
    }

    /// What a bound member holds, as far as binding code cares.
    private enum ValueKind {
        case scalar(type: String)
        case timestamp(format: String)
        case blob(mediaType: String?)
        /// A streaming blob payload (`ByteStream`).
        case stream(mediaType: String?)
        /// An event stream payload (`AsyncEventStream` of the union `union`).
        case eventStream(union: String)
        case mediaTypeString(mediaType: String)
        case string(mediaType: String?)
        case stringEnum(type: String)
        case list(element: String)
        case timestampList(format: String)
        case shape(type: String, isStructure: Bool)
        case map

        init(target: Shape, member: Member, context: ServiceContext) {
            let resolver = SwiftTypeResolver(context: context)
            let format = (member.traits.timestampFormat ?? target.traits.timestampFormat).map(Self.formatCase)
            switch target.type {
            case .timestamp:
                self = .timestamp(format: format ?? "")
            case .blob where context.isStreamedBlob(target):
                self = .stream(mediaType: target.traits.mediaType)
            case .union where context.isEventStream(target):
                self = .eventStream(union: context.names[target.id] ?? target.id.name)
            case .blob:
                self = .blob(mediaType: target.traits.mediaType)
            case .string where target.traits.legacyEnumDefinitions == nil:
                if let mediaType = target.traits.mediaType { self = .mediaTypeString(mediaType: mediaType) }
                else { self = .string(mediaType: nil) }
            case .enum, .string:
                self = .stringEnum(type: resolver.type(of: target.id))
            case .list, .set:
                let element = target.listMember.flatMap { context.model.shape($0.target) }
                if element?.type == .timestamp, let element {
                    let elementFormat = (target.listMember?.traits.timestampFormat ?? element.traits.timestampFormat)
                        .map(Self.formatCase)
                    self = .timestampList(format: elementFormat ?? "")
                } else {
                    self = .list(element: element.map { resolver.type(of: $0.id) } ?? "String")
                }
            case .map:
                self = .map
            case .structure, .union, .document:
                self = .shape(type: resolver.type(of: target.id), isStructure: target.type == .structure)
            default:
                self = .scalar(type: resolver.type(of: target.id))
            }
        }

        /// Whether the payload streams, so the call returns at the response's headers.
        var streams: Bool {
            switch self {
            case .stream, .eventStream: return true
            default: return false
            }
        }

        static func formatCase(_ format: SmithyModel.TimestampFormat) -> String {
            switch format {
            case .epochSeconds: return ".epochSeconds"
            case .dateTime: return ".dateTime"
            case .httpDate: return ".httpDate"
            }
        }
    }

    private static func request(_ binding: HTTPBinding, view: MemberViewModel, member: Member, kind: ValueKind)
        -> RequestBinding?
    {
        var value = "self.\(view.storageName)"
        if member.traits.isIdempotencyToken && view.isOptional { value += " ?? request.idempotencyToken()" }
        func format(_ format: String) -> String { format.isEmpty ? "" : ", format: \(format)" }
        switch binding {
        case .label:
            if case .timestamp(let timestampFormat) = kind {
                return RequestBinding(method: "label",
                                      arguments: "\(SwiftLiteral.string(member.name)), \(value)\(format(timestampFormat))")
            }
            return RequestBinding(method: "label", arguments: "\(SwiftLiteral.string(member.name)), \(value)")
        case .query(let name):
            switch kind {
            case .timestamp(let timestampFormat), .timestampList(let timestampFormat):
                return RequestBinding(method: "query", arguments: "\(SwiftLiteral.string(name)), \(value)\(format(timestampFormat))")
            default:
                return RequestBinding(method: "query", arguments: "\(SwiftLiteral.string(name)), \(value)")
            }
        case .header(let name):
            switch kind {
            case .timestamp(let timestampFormat), .timestampList(let timestampFormat):
                return RequestBinding(method: "header", arguments: "\(SwiftLiteral.string(name)), \(value)\(format(timestampFormat))")
            case .mediaTypeString:
                return RequestBinding(method: "base64Header", arguments: "\(SwiftLiteral.string(name)), \(value)")
            default:
                return RequestBinding(method: "header", arguments: "\(SwiftLiteral.string(name)), \(value)")
            }
        case .queryParams:
            return RequestBinding(method: "queryParams", arguments: value)
        case .prefixHeaders(let prefix):
            return RequestBinding(method: "prefixHeaders", arguments: "\(SwiftLiteral.string(prefix)), \(value)")
        case .payload:
            switch kind {
            case .blob(let mediaType):
                return RequestBinding(method: "blobPayload",
                                      arguments: value + (mediaType.map { ", contentType: \(SwiftLiteral.string($0))" } ?? ""))
            case .eventStream:
                return RequestBinding(method: "eventStreamPayload", arguments: value)
            case .stream(let mediaType):
                return RequestBinding(method: "streamPayload",
                                      arguments: value + (mediaType.map { ", contentType: \(SwiftLiteral.string($0))" } ?? ""))
            case .string(let mediaType):
                return RequestBinding(method: "stringPayload",
                                      arguments: value + (mediaType.map { ", contentType: \(SwiftLiteral.string($0))" } ?? ""))
            case .mediaTypeString(let mediaType):
                return RequestBinding(method: "stringPayload", arguments: "\(value), contentType: \(SwiftLiteral.string(mediaType))")
            case .stringEnum:
                let raw = view.isOptional ? "\(value)?.rawValue" : "\(value).rawValue"
                return RequestBinding(method: "stringPayload", arguments: raw)
            case .shape(_, let isStructure):
                // XML bodies: the member's `xmlName` names the root element instead of the shape's.
                let rootName = member.traits[TraitID.xmlName]?.stringValue.map { ", rootName: \(SwiftLiteral.string($0))" } ?? ""
                return RequestBinding(method: isStructure ? "structurePayload" : "shapePayload",
                                      arguments: value + rootName)
            default:
                return nil
            }
        case .responseCode:
            return nil
        }
    }

    private static func response(_ binding: HTTPBinding, kind: ValueKind, errorTypeName: String) -> String? {
        func format(_ format: String) -> String { format.isEmpty ? "" : ", format: \(format)" }
        switch binding {
        case .header(let name):
            let nameLiteral = SwiftLiteral.string(name)
            switch kind {
            case .timestamp(let timestampFormat):
                return "try response.header(\(nameLiteral), as: Date.self\(format(timestampFormat)))"
            case .timestampList(let timestampFormat):
                return "try response.header(\(nameLiteral), as: [Date].self\(format(timestampFormat)))"
            case .mediaTypeString:
                return "try response.base64Header(\(nameLiteral))"
            case .blob:
                return "try response.header(\(nameLiteral), as: Data.self)"
            case .list(let element):
                return "try response.header(\(nameLiteral), as: [\(element)].self)"
            case .scalar(let scalar), .stringEnum(let scalar):
                return "try response.header(\(nameLiteral), as: \(scalar).self)"
            case .string:
                return "try response.header(\(nameLiteral), as: String.self)"
            default:
                return nil
            }
        case .prefixHeaders(let prefix):
            return "response.prefixHeaders(\(SwiftLiteral.string(prefix)))"
        case .responseCode:
            return "response.statusCode"
        case .payload:
            switch kind {
            case .blob: return "response.payloadBytes()"
            case .stream: return "response.payloadStream()"
            case .eventStream(let union): return "response.eventStream(\(union).self, errors: \(errorTypeName).self)"
            case .string, .mediaTypeString: return "response.payloadText()"
            case .stringEnum(let enumType): return "response.payloadText().map(\(enumType).init(rawValue:))"
            case .shape(let shapeType, _): return "try response.payload(\(shapeType).self)"
            default: return nil
            }
        case .label, .query, .queryParams:
            // Request-only bindings: on a response the member stays unset.
            return nil
        }
    }
}
