import SmithyModel

/// The `EventStreamOutput` conformance of an awsJson operation output with an event stream member: the body is
/// the stream, its other members come in the initial-response message, and the member reads the events after it.
/// (restJson1 outputs bind the stream as their HTTP payload instead.)
struct EventStreamOutputViewModel {
    let typeName: String
    let access: String
    let storageName: String
    let unionType: String
    let errorTypeName: String

    /// Nil unless `shape` is an operation output of an awsJson service with an event stream member.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext) {
        guard !context.wireProtocol.usesHTTPBindings, context.wireProtocol.streamsOutputEvents,
              context.operations.contains(where: { $0.output == shape.id }) else { return nil }
        guard let index = shape.members.firstIndex(where: { member in
            context.model.shape(member.target).map(context.isEventStream) ?? false
        }), let union = context.model.shape(shape.members[index].target) else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        access = context.access
        storageName = members[index].storageName
        unionType = context.names[union.id] ?? union.id.name
        errorTypeName = context.names.errorName
    }
}
