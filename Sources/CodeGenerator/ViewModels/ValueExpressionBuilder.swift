import SmithyModel

/// Turns a Smithy node value (a protocol test's `params`) into the Swift expression that constructs it as the
/// generated type of its target shape: structures through their memberwise `init`, unions as cases, enums from
/// raw values, blobs from the text the node gives, timestamps from epoch seconds.
struct ValueExpressionBuilder {
    /// Why a value cannot be written as the target's type.
    struct Unexpressible: Error {
        let reason: String
    }

    let context: ServiceContext
    let recursion: RecursionAnalysis

    /// Structures are built at most this deep when filling required members the node leaves out.
    private static let zeroDepthLimit = 8

    /// The expression of `node` as a value of the shape `id`.
    func expression(for node: JSONNode, target id: ShapeID) throws(Unexpressible) -> String {
        guard let shape = context.model.shape(id) else { throw Unexpressible(reason: "unknown shape \(id)") }
        if node == .null { return "nil" }
        let type = SwiftTypeResolver(context: context).type(of: id)
        switch (shape.type, node) {
        case (.boolean, .bool(let flag)):
            return flag ? "true" : "false"
        case (.byte, .number(let text)), (.short, .number(let text)), (.integer, .number(let text)),
             (.long, .number(let text)), (.float, .number(let text)), (.double, .number(let text)):
            return text
        case (.float, .string(let text)), (.double, .string(let text)):
            switch text {
            case "NaN": return "\(type).nan"
            case "Infinity": return "\(type).infinity"
            case "-Infinity": return "-\(type).infinity"
            default: throw Unexpressible(reason: "\"\(text)\" is not a \(type)")
            }
        case (.bigInteger, .number(let text)), (.bigDecimal, .number(let text)),
             (.bigInteger, .string(let text)), (.bigDecimal, .string(let text)):
            return "(Decimal(string: \(SwiftLiteral.string(text))) ?? 0)"
        case (.string, .string(let text)) where shape.traits.legacyEnumDefinitions != nil:
            return "\(type)(rawValue: \(SwiftLiteral.string(text)))"
        case (.string, .string(let text)):
            return SwiftLiteral.string(text)
        case (.enum, .string(let text)):
            return "\(type)(rawValue: \(SwiftLiteral.string(text)))"
        case (.intEnum, .number(let text)):
            return "\(type)(rawValue: \(text))"
        case (.blob, .string(let text)):
            let data = text.isEmpty ? "Data()" : "Data(\(SwiftLiteral.string(text)).utf8)"
            return context.isStreamedBlob(shape) ? "ByteStream(\(data))" : data
        case (.timestamp, .number(let text)):
            return "Date(timeIntervalSince1970: \(text))"
        case (.timestamp, .string(let text)):
            return "AWSJSONCoding.timestamp(\(SwiftLiteral.string(text)))"
        case (.document, _):
            return Self.document(node)
        case (.list, .array(let elements)), (.set, .array(let elements)):
            guard let element = shape.listMember?.target else { throw Unexpressible(reason: "\(id) has no member") }
            var items: [String] = []
            for item in elements { items.append(try expression(for: item, target: element)) }
            return "[" + items.joined(separator: ", ") + "]"
        case (.map, .object(let object)):
            guard let value = shape.mapValue?.target else { throw Unexpressible(reason: "\(id) has no value") }
            if object.isEmpty { return "[:]" }
            var entries: [String] = []
            for entry in object.entries {
                entries.append("\(SwiftLiteral.string(entry.key)): \(try expression(for: entry.value, target: value))")
            }
            return "[" + entries.joined(separator: ", ") + "]"
        case (.structure, .object(let object)):
            return try structure(shape, values: object, depth: 0)
        case (.union, .array(let events)) where context.isEventStream(shape):
            // An event stream's value in a test: its events, in order.
            var items: [String] = []
            for event in events { items.append(try expression(for: event, target: id)) }
            return "AsyncEventStream([" + items.joined(separator: ", ") + "])"
        case (.union, .object(let object)):
            guard object.count == 1, let entry = object.entries.first, let member = shape.member(named: entry.key) else {
                throw Unexpressible(reason: "a \(id) union value must set exactly one known member")
            }
            let caseName = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name))
            let unionType = context.names[shape.id] ?? shape.id.name
            return "\(unionType).\(caseName)(\(try expression(for: entry.value, target: member.target)))"
        default:
            throw Unexpressible(reason: "a JSON \(node.kindName) is not a value of \(id) (\(shape.type))")
        }
    }

    /// `Type(a: …, b: …)` with the members `values` gives, in model order; required members it leaves out get
    /// their type's zero value.
    func structure(_ shape: Shape, values: JSONObject, depth: Int = 0) throws(Unexpressible) -> String {
        let type = shape.id == ShapeID.unit ? "EmptyOutput" : context.names[shape.id] ?? shape.id.name
        var arguments: [String] = []
        for member in shape.members {
            let view = MemberViewModel(member: member, in: shape, context: context, recursion: recursion)
            if let value = values[member.name], value != .null {
                arguments.append("\(view.argumentLabel): \(try expression(for: value, target: member.target))")
            } else if view.requiresArgument {
                arguments.append("\(view.argumentLabel): \(try zero(of: member.target, depth: depth + 1))")
            }
        }
        return "\(type)(" + arguments.joined(separator: ", ") + ")"
    }

    /// A value of the shape `id` for a required member the node does not give.
    private func zero(of id: ShapeID, depth: Int) throws(Unexpressible) -> String {
        guard let shape = context.model.shape(id) else { throw Unexpressible(reason: "unknown shape \(id)") }
        if let literal = ZeroValueLiteral.errorCorrection(for: shape, context: context) { return literal }
        let type = SwiftTypeResolver(context: context).type(of: id)
        switch shape.type {
        case .enum, .string: return "\(type)(rawValue: \"\")"
        case .intEnum: return "\(type)(rawValue: 0)"
        case .structure where depth < Self.zeroDepthLimit: return try structure(shape, values: JSONObject(), depth: depth)
        default: throw Unexpressible(reason: "no value to fill in for the required \(id)")
        }
    }

    /// A `JSONValue` expression, spelled out so that large documents type-check quickly.
    private static func document(_ node: JSONNode) -> String {
        switch node {
        case .null: return "JSONValue.null"
        case .bool(let flag): return "JSONValue.bool(\(flag))"
        case .number(let text): return "JSONValue.number(\(text))"
        case .string(let text): return "JSONValue.string(\(SwiftLiteral.string(text)))"
        case .array(let elements): return "JSONValue.array([" + elements.map(document).joined(separator: ", ") + "])"
        case .object(let object):
            if object.isEmpty { return "JSONValue.object([:])" }
            return "JSONValue.object([" + object.entries.map { "\(SwiftLiteral.string($0.key)): \(document($0.value))" }
                .joined(separator: ", ") + "])"
        }
    }
}
