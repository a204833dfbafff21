import SmithyModel

/// The `EventStreamUnion` conformance of an event stream union (restJson1, awsJson): how each event member is read from
/// a message (`eventHeader` members from headers, the `eventPayload` member or the other members as a document
/// from the payload) and written into one, and which members are exceptions.
struct EventStreamUnionViewModel {
    /// One statement on the value being read or the message being written.
    struct Statement {
        let text: String
    }

    /// An event member read from an `event` message.
    struct DecodedCase {
        let caseName: String
        let nameLiteral: String
        let type: String
        let isUnit: Bool
        /// `let` when nothing is assigned after the start, else `var`.
        let declaration: String
        /// The reader call the value starts from: `body` (members as a document) or `empty`.
        let start: String
        let assignments: [Statement]
    }

    /// An exception member: its `:exception-type` and the error code it is thrown with.
    struct ErrorCase {
        let nameLiteral: String
        let codeLiteral: String
    }

    /// One member written into a message.
    struct WrittenCase {
        let caseName: String
        /// `(let value)`, or nothing when the statements do not read the value.
        let pattern: String
        let statements: [Statement]
    }

    let typeName: String
    let access: String
    let catchAllName: String
    let decodedCases: [DecodedCase]
    let errorCases: [ErrorCase]
    let writtenCases: [WrittenCase]

    /// Nil unless `shape` is an event stream the protocol carries.
    init?(shape: Shape, context: ServiceContext, catchAllName: String) {
        guard context.isEventStream(shape), context.wireProtocol.streamsOutputEvents else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        self.catchAllName = catchAllName
        let resolver = SwiftTypeResolver(context: context)
        var decoded: [DecodedCase] = []
        var errors: [ErrorCase] = []
        var written: [WrittenCase] = []
        for member in shape.members {
            let caseName = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name))
            let nameLiteral = SwiftLiteral.string(member.name)
            guard let target = context.model.shape(member.target) else { continue }
            if context.isError(target) {
                errors.append(ErrorCase(nameLiteral: nameLiteral, codeLiteral: SwiftLiteral.string(target.id.name)))
                written.append(WrittenCase(
                    caseName: caseName, pattern: "(let value)",
                    statements: [Statement(text: "message.exception(\(nameLiteral))"), Statement(text: "try message.body(value)")]))
                continue
            }
            let isUnit = member.target == ShapeID.unit || target.type != .structure
            let event = Self.eventMembers(of: target, context: context)
            decoded.append(DecodedCase(
                caseName: caseName, nameLiteral: nameLiteral, type: resolver.type(of: member.target), isUnit: isUnit,
                declaration: event.reads.isEmpty ? "let" : "var", start: event.hasDocument ? "body" : "empty",
                assignments: event.reads))
            let statements = [Statement(text: "message.event(\(nameLiteral))")] + (isUnit ? [] : event.writes)
            written.append(WrittenCase(
                caseName: caseName, pattern: statements.count > 1 ? "(let value)" : "", statements: statements))
        }
        decodedCases = decoded
        errorCases = errors
        writtenCases = written
    }

    /// The reads and writes of an event structure's headers and payload, and whether its other members form a
    /// document payload.
    private static func eventMembers(of event: Shape, context: ServiceContext)
        -> (reads: [Statement], writes: [Statement], hasDocument: Bool)
    {
        guard event.type == .structure else { return ([], [], false) }
        let resolver = SwiftTypeResolver(context: context)
        var reads: [Statement] = []
        var writes: [Statement] = []
        var hasDocument = false
        var hasPayload = false
        for member in event.members {
            guard let target = context.model.shape(member.target) else { continue }
            let view = MemberViewModel(member: member, in: event, context: context, recursion: context.recursion)
            let nameLiteral = SwiftLiteral.string(member.name)
            let type = resolver.type(of: target.id)
            let property = "value.\(view.storageName)"
            if member.traits.isEventHeader {
                let read = "try message.header(\(nameLiteral), as: \(type).self)"
                reads.append(Statement(text: "\(property) = \(read)" + (view.isOptional ? "" : " ?? \(property)")))
                writes.append(Statement(text: "try message.header(\(nameLiteral), \(property))"))
            } else if member.traits.isEventPayload {
                hasPayload = true
                let mediaType = target.traits.mediaType.map { ", contentType: \(SwiftLiteral.string($0))" } ?? ""
                switch target.type {
                case .blob:
                    reads.append(Statement(text: "\(property) = message.payloadBytes()"))
                    writes.append(Statement(text: "message.payloadBytes(\(property)\(mediaType))"))
                case .string where target.traits.legacyEnumDefinitions == nil:
                    reads.append(Statement(text: "\(property) = message.payloadText()"))
                    writes.append(Statement(text: "message.payloadText(\(property)\(mediaType))"))
                case .string, .enum:
                    let read = "\(type)(rawValue: message.payloadText())"
                    reads.append(Statement(text: "\(property) = \(read)"))
                    writes.append(Statement(text: "message.payloadText(\(property)\(view.isOptional ? "?" : "").rawValue)"))
                default:
                    reads.append(Statement(text: "\(property) = try message.payload(\(type).self)"))
                    writes.append(Statement(text: "try message.payload(\(property))"))
                }
            } else {
                hasDocument = true
            }
        }
        // Without an explicit payload the members that are not headers form the payload, as a document.
        hasDocument = hasDocument && !hasPayload
        if hasDocument { writes.append(Statement(text: "try message.body(value)")) }
        return (reads, writes, hasDocument)
    }
}
