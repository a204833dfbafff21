import SmithyModel

/// Checks the event streams a client will send or read before anything is generated, as Smithy states them: an
/// event stream union's members target structures; an event's `eventHeader` members target the scalar types a
/// message header can carry; at most one member is the `eventPayload`, a blob, string, structure or union, and
/// then every other member is a header. A model that breaks them would generate code that cannot compile or
/// events no service reads, so it is refused with the shape and JSON path.
struct EventStreamCheck {
    let model: Model
    let diagnostics: DiagnosticCollector

    /// The scalar shape types a message header carries.
    private static let headerTypes: Set<ShapeType> = [.boolean, .byte, .short, .integer, .intEnum, .long, .blob, .string, .enum, .timestamp]
    private static let payloadTypes: Set<ShapeType> = [.blob, .string, .enum, .structure, .union]

    func check(shapes: [Shape]) {
        for union in shapes where union.type == .union && union.traits.isStreaming {
            for member in union.members {
                guard let event = model.shape(member.target) else { continue }
                guard event.type == .structure else {
                    diagnostics.error("event stream member \(SmithyIdentifier.quoted(member.name)) targets a \(event.type), not a structure",
                                      shape: member.id, path: member.jsonPath)
                    continue
                }
                checkEvent(event)
            }
        }
    }

    private func checkEvent(_ event: Shape) {
        let payloads = event.members.filter(\.traits.isEventPayload)
        if payloads.count > 1 {
            diagnostics.error("event \(event.id) has more than one eventPayload member", shape: event.id, path: event.jsonPath)
        }
        for member in event.members {
            guard let target = model.shape(member.target) else { continue }
            if member.traits.isEventHeader, !Self.headerTypes.contains(target.type) {
                diagnostics.error("eventHeader member targets a \(target.type), which an event header cannot carry",
                                  shape: member.id, path: member.jsonPath)
            }
            if member.traits.isEventPayload, !Self.payloadTypes.contains(target.type) {
                diagnostics.error("eventPayload member targets a \(target.type); it must be a blob, string, structure or union",
                                  shape: member.id, path: member.jsonPath)
            }
            if !payloads.isEmpty, !member.traits.isEventHeader, !member.traits.isEventPayload {
                diagnostics.error("member is neither an eventHeader nor the eventPayload of an event that has an eventPayload",
                                  shape: member.id, path: member.jsonPath)
            }
        }
    }
}
