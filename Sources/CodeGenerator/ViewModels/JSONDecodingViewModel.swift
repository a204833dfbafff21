import SmithyModel

/// A `JSONShapeDecodable` extension for a structure or union of a JSON-protocol service (awsJson 1.0/1.1,
/// restJson1) that an output reaches: each member read from the parsed body by its wire name, with concrete calls
/// (`json.string("name")`, `json.list("name") { try $0.int64() }`) instead of `Codable`'s generic containers.
struct JSONDecodingViewModel {
    struct Assignment {
        let storageName: String
        let expression: String
    }

    struct UnionCase {
        let caseName: String
        let nameLiteral: String
        /// Reads the case's value from the member's value `value`.
        let expression: String
    }

    let typeName: String
    let typeNameLiteral: String
    let access: String
    let isUnion: Bool
    let assignments: [Assignment]
    let unionCases: [UnionCase]
    let catchAllName: String
    /// How a union binds its member's value: `value`, or `_` when every member targets `Unit` (nothing to read).
    let unionValueBinding: String

    /// Nil unless the service speaks a JSON protocol and an output reaches `shape`.
    init?(shape: Shape, members: [MemberViewModel], context: ServiceContext, catchAllName: String = "") {
        guard context.options.generatesJSONReaders, [.awsJson1_0, .awsJson1_1, .restJson1].contains(context.wireProtocol),
              context.outputClosure.contains(shape.id) else { return nil }
        typeName = context.names[shape.id] ?? shape.id.name
        typeNameLiteral = SwiftLiteral.string(typeName)
        access = context.access
        isUnion = shape.type == .union
        self.catchAllName = catchAllName
        let expressions = JSONReadExpressions(context: context)
        let resolver = SwiftTypeResolver(context: context)
        var assignments: [Assignment] = []
        var cases: [UnionCase] = []
        for (index, member) in shape.members.enumerated() {
            guard let target = context.model.shape(member.target) else { continue }
            let name = context.wireProtocol.honoursJSONName ? member.traits.jsonName ?? member.name : member.name
            let nameLiteral = SwiftLiteral.string(name)
            if isUnion {
                cases.append(UnionCase(
                    caseName: SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name)), nameLiteral: nameLiteral,
                    expression: expressions.value("value", member: member, target: target)))
                continue
            }
            let view = members[index]
            let type = resolver.type(of: target.id)
            if !view.isBodyMember {
                // Read from the headers, status or payload by the HTTP binding code, after the body.
                let unset = target.type == .structure
                    ? "try json.correctingMissing(\(nameLiteral), \(type).init(json:))"
                    : "try JSONBodyDecoder().decode(\(type).self, from: Data())"
                assignments.append(Assignment(storageName: view.storageName, expression: view.isOptional ? "nil" : view.absentValue ?? unset))
                continue
            }
            var expression = expressions.member(nameLiteral, member: member, target: target)
            if view.isOptional, context.isError(shape), member.name.lowercased() == "message", type == "String" {
                // Services and emulators spell an error's message key either way, as the `Codable` path reads.
                expression += " ?? json.string(\(SwiftLiteral.string(member.name == "message" ? "Message" : "message")))"
            } else if !view.isOptional {
                // Smithy error correction: a required member the service left out gets its default or zero value.
                let fallback = view.absentValue
                    ?? (target.type == .structure
                        ? "json.correctingMissing(\(nameLiteral), \(type).init(json:))"
                        : "json.missing(\(nameLiteral), as: \(type).self)")
                expression += " ?? \(fallback)"
            }
            assignments.append(Assignment(storageName: view.storageName, expression: expression))
        }
        self.assignments = assignments
        unionCases = cases
        unionValueBinding = shape.members.contains { $0.target != ShapeID.unit } ? "value" : "_"
    }
}

/// The Swift expressions that read a member's value from a parsed JSON body.
struct JSONReadExpressions {
    let context: ServiceContext

    /// Reads member `nameLiteral` of the object `json`: an optional of the member's type.
    func member(_ nameLiteral: String, member: Member, target: Shape) -> String {
        if let method = scalarMethod(target) { return "try json.\(method)(\(nameLiteral))" }
        let type = SwiftTypeResolver(context: context).type(of: target.id)
        switch target.type {
        case .string, .enum:
            return "try json.string(\(nameLiteral)).map(\(type).init(rawValue:))"
        case .intEnum:
            return "try json.int(\(nameLiteral)).map(\(type).init(rawValue:))"
        case .structure, .union:
            return "try json.object(\(nameLiteral), \(type).init(json:))"
        case .list, .set:
            guard let element = target.listMember, let elementShape = context.model.shape(element.target) else { break }
            let method = target.traits.isSparse ? "sparseList" : "list"
            return "try json.\(method)(\(nameLiteral)) { element in \(value("element", member: element, target: elementShape)) }"
        case .map:
            guard let mapValue = target.mapValue, let valueShape = context.model.shape(mapValue.target) else { break }
            let method = target.traits.isSparse ? "sparseMap" : "map"
            return "try json.\(method)(\(nameLiteral)) { entry in \(value("entry", member: mapValue, target: valueShape)) }"
        default:
            break
        }
        return "try json.document(\(nameLiteral))"
    }

    /// Reads the value reader `variable` as the target's type (not optional).
    func value(_ variable: String, member: Member?, target: Shape, depth: Int = 0) -> String {
        if let method = scalarMethod(target) { return "try \(variable).\(method)()" }
        // A union member targeting `Unit` carries nothing (whatever its value), as its `Codable` decoding read it.
        if target.id == ShapeID.unit { return "EmptyOutput()" }
        let type = SwiftTypeResolver(context: context).type(of: target.id)
        switch target.type {
        case .string, .enum:
            return "\(type)(rawValue: try \(variable).string())"
        case .intEnum:
            return "\(type)(rawValue: try \(variable).int())"
        case .structure, .union:
            return "try \(variable).object(\(type).init(json:))"
        case .list, .set:
            guard let element = target.listMember, let elementShape = context.model.shape(element.target) else {
                return "try \(variable).document()"
            }
            let inner = "element\(depth)"
            let method = target.traits.isSparse ? "sparseList" : "list"
            return "try \(variable).\(method) { \(inner) in \(value(inner, member: element, target: elementShape, depth: depth + 1)) }"
        case .map:
            guard let mapValue = target.mapValue, let valueShape = context.model.shape(mapValue.target) else {
                return "try \(variable).document()"
            }
            let inner = "entry\(depth)"
            let method = target.traits.isSparse ? "sparseMap" : "map"
            return "try \(variable).\(method) { \(inner) in \(value(inner, member: mapValue, target: valueShape, depth: depth + 1)) }"
        default:
            return "try \(variable).document()"
        }
    }

    /// The reader method of a scalar target, or nil for enums and containers.
    private func scalarMethod(_ target: Shape) -> String? {
        switch target.type {
        case .string where target.traits.legacyEnumDefinitions == nil: return "string"
        case .boolean: return "bool"
        case .byte: return "int8"
        case .short: return "int16"
        case .integer: return "int"
        case .long: return "int64"
        case .float: return "float"
        case .double: return "double"
        case .bigInteger, .bigDecimal: return "decimal"
        case .timestamp: return "timestamp"
        case .blob where !context.isStreamedBlob(target): return "blob"
        case .document: return "document"
        default: return nil
        }
    }
}
