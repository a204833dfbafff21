import Foundation

/// Checks a loaded model against the Smithy rules a client generator relies on, so that everything the
/// generator accepts becomes code that compiles: member names unique ignoring case, collections that do not
/// contain themselves, errors that are errors, enum values of the right type, and constraint and default
/// values that fit their shapes.
///
/// Every walk here is iterative and linear in the model's size: hostile models may be deep or long.
public enum ModelValidator {
    /// Lists and maps nested deeper than this (`[[[…]]]`) are rejected: no service needs it, and the Swift
    /// compiler's own recursion would give out on the generated type long before the generator does.
    public static let maximumCollectionNesting = 32

    /// Reports every problem of `model` into `diagnostics`.
    public static func validate(_ model: Model, into diagnostics: DiagnosticCollector) {
        for id in model.sortedShapeIDs {
            guard let shape = model.shapes[id] else { continue }
            checkMemberNames(of: shape, into: diagnostics)
            checkEnumValues(of: shape, into: diagnostics)
            checkErrors(of: shape, in: model, into: diagnostics)
            checkOperationShapes(of: shape, in: model, into: diagnostics)
            checkConstraints(traits: shape.traits, target: shape, path: shape.jsonPath, id: shape.id, into: diagnostics)
            checkMapKey(of: shape, in: model, into: diagnostics)
            for member in shape.members {
                guard let target = model.shape(member.target) else { continue }
                if [.operation, .resource, .service].contains(target.type) {
                    diagnostics.error("a member cannot target the \(target.type.rawValue) \(target.id)", shape: member.id,
                                      path: JSONPath.key(member.jsonPath, "target"))
                }
                checkConstraints(traits: member.traits, target: target, path: member.jsonPath, id: member.id,
                                 into: diagnostics)
                checkDefault(of: member, target: target, into: diagnostics)
            }
        }
        checkCollectionNesting(in: model, into: diagnostics)
    }

    // MARK: - Names

    /// Smithy: member names are unique ignoring case (they become Swift properties and cases, whose casing the
    /// generator normalises).
    private static func checkMemberNames(of shape: Shape, into diagnostics: DiagnosticCollector) {
        var seen: [String: String] = [:]
        for member in shape.members {
            let key = member.name.lowercased()
            if let other = seen[key] {
                diagnostics.error("members \(other) and \(member.name) differ only in case", shape: member.id,
                                  path: member.jsonPath)
            }
            seen[key] = member.name
        }
    }

    // MARK: - Map keys

    /// Smithy: a map's key targets a string (or an enum, which is one). Map keys are strings on every wire, and
    /// a key that is a map again would make the key's type contain itself.
    private static func checkMapKey(of shape: Shape, in model: Model, into diagnostics: DiagnosticCollector) {
        guard shape.type == .map, let key = shape.mapKey, let target = model.shape(key.target),
              target.type != .string, target.type != .enum else { return }
        diagnostics.error("a map key must target a string, not the \(target.type.rawValue) \(target.id)", shape: key.id,
                          path: JSONPath.key(key.jsonPath, "target"))
    }

    // MARK: - Enums

    private static func checkEnumValues(of shape: Shape, into diagnostics: DiagnosticCollector) {
        switch shape.type {
        case .enum:
            for member in shape.members {
                guard let value = member.traits.enumValue else { continue }
                if value.stringValue?.isEmpty ?? true {
                    diagnostics.error("an enum value must be a non-empty string, found \(value.kindName)",
                                      shape: member.id, path: enumValuePath(member))
                }
            }
        case .intEnum:
            for member in shape.members {
                guard let value = member.traits.enumValue else {
                    diagnostics.error("an intEnum member needs an integer enumValue", shape: member.id,
                                      path: member.jsonPath)
                    continue
                }
                if case .number(let text) = value, let number = Int64(text), Int32(exactly: number) != nil { continue }
                diagnostics.error("an intEnum value must be a 32-bit integer, found \(describe(value))",
                                  shape: member.id, path: enumValuePath(member))
            }
        default:
            break
        }
    }

    private static func enumValuePath(_ member: Member) -> String {
        JSONPath.key(JSONPath.key(member.jsonPath, "traits"), TraitID.enumValue)
    }

    // MARK: - Errors

    /// Operation and service `errors` must target structures with the `error` trait: the generator decodes them
    /// as typed errors.
    private static func checkErrors(of shape: Shape, in model: Model, into diagnostics: DiagnosticCollector) {
        for (index, errorID) in shape.errors.enumerated() {
            guard let error = model.shape(errorID) else { continue }
            if error.type != .structure || error.traits.errorFault == nil {
                diagnostics.error(
                    "\(errorID) is listed as an error but is not a structure with the error trait (\"client\" or \"server\")",
                    shape: shape.id, path: JSONPath.index(JSONPath.key(shape.jsonPath, "errors"), index))
            }
        }
    }

    /// An operation's input and output are structures (`smithy.api#Unit` for none), and not error structures:
    /// the generator builds calls and results from their members.
    private static func checkOperationShapes(of shape: Shape, in model: Model, into diagnostics: DiagnosticCollector) {
        guard shape.type == .operation else { return }
        for (field, target) in [("input", shape.input), ("output", shape.output)] {
            guard let target, let targetShape = model.shape(target) else { continue }
            if targetShape.type != .structure {
                diagnostics.error("an operation's \(field) must be a structure, and \(target) is a \(targetShape.type.rawValue)",
                                  shape: shape.id, path: JSONPath.key(shape.jsonPath, field))
            } else if targetShape.traits.errorFault != nil {
                diagnostics.error("an operation's \(field) cannot be an error structure (\(target) has the error trait)",
                                  shape: shape.id, path: JSONPath.key(shape.jsonPath, field))
            }
        }
    }

    // MARK: - Constraints

    private static func checkConstraints(traits: Traits, target: Shape, path: String, id: ShapeID,
                                         into diagnostics: DiagnosticCollector) {
        let traitsPath = JSONPath.key(path, "traits")
        if let node = traits[TraitID.length] {
            let lengthPath = JSONPath.key(traitsPath, TraitID.length)
            var bounds: [Int64] = []
            for key in ["min", "max"] {
                guard let value = node[key] else { continue }
                if case .number(let text) = value, let number = Int64(text), number >= 0 {
                    bounds.append(number)
                } else {
                    diagnostics.error("length \(key) must be a non-negative integer, found \(describe(value))",
                                      shape: id, path: JSONPath.key(lengthPath, key))
                }
            }
            if node["min"] != nil, node["max"] != nil, bounds.count == 2, bounds[0] > bounds[1] {
                diagnostics.error("length min \(bounds[0]) is greater than max \(bounds[1])", shape: id, path: lengthPath)
            }
        }
        if let node = traits[TraitID.range] {
            let rangePath = JSONPath.key(traitsPath, TraitID.range)
            var bounds: [Double] = []
            for key in ["min", "max"] {
                guard let value = node[key] else { continue }
                guard case .number(let text) = value else {
                    diagnostics.error("range \(key) must be a number, found \(value.kindName)", shape: id,
                                      path: JSONPath.key(rangePath, key))
                    continue
                }
                if let problem = NumberBounds.problem(text, for: target.type) {
                    diagnostics.error("range \(key) \(text) \(problem)", shape: id, path: JSONPath.key(rangePath, key))
                } else if let number = Double(text) {
                    bounds.append(number)
                }
            }
            if bounds.count == 2, bounds[0] > bounds[1] {
                diagnostics.error("range min is greater than max", shape: id, path: rangePath)
            }
        }
    }

    /// A `default` must have the target's type and fit it, because the generator writes it as a Swift literal.
    private static func checkDefault(of member: Member, target: Shape, into diagnostics: DiagnosticCollector) {
        guard let value = member.traits.defaultValue else { return }
        let path = JSONPath.key(JSONPath.key(member.jsonPath, "traits"), TraitID.default)
        switch (target.type, value) {
        case (.byte, .number(let text)), (.short, .number(let text)), (.integer, .number(let text)),
             (.long, .number(let text)), (.float, .number(let text)), (.double, .number(let text)):
            if let problem = NumberBounds.problem(text, for: target.type) {
                diagnostics.error("default \(text) \(problem)", shape: member.id, path: path)
            }
        case (.byte, _), (.short, _), (.integer, _), (.long, _), (.float, _), (.double, _),
             (.bigInteger, _), (.bigDecimal, _):
            if case .number = value { return }
            diagnostics.error("default of a number must be a number, found \(value.kindName)", shape: member.id, path: path)
        case (.intEnum, .number(let text)):
            guard target.members.contains(where: { $0.traits.enumValue == .number(text) }) else {
                diagnostics.error("default \(text) is not a value of \(target.id)", shape: member.id, path: path)
                return
            }
        case (.enum, .string(let text)):
            let values = target.members.map { $0.traits.enumValue?.stringValue ?? $0.name }
            if !values.contains(text) {
                diagnostics.error("default \(SmithyIdentifier.quoted(text)) is not a value of \(target.id)",
                                  shape: member.id, path: path)
            }
        case (.blob, .string(let text)):
            if Data(base64Encoded: text) == nil {
                diagnostics.error("default of a blob must be base64 text", shape: member.id, path: path)
            }
        case (.timestamp, .string(let text)):
            if ISO8601DateFormatter().date(from: text) == nil {
                diagnostics.error("default \(SmithyIdentifier.quoted(text)) is not an RFC 3339 date-time", shape: member.id,
                                  path: path)
            }
        case (.boolean, .bool), (.string, .string), (.timestamp, .number),
             (.list, .array), (.set, .array), (.map, .object), (.document, _):
            return
        default:
            diagnostics.error("default \(value.kindName) does not fit a \(target.type.rawValue)", shape: member.id,
                              path: path)
        }
    }

    // MARK: - Collections

    /// A list or map whose elements lead back to itself through lists and maps alone has no finite Swift type
    /// (`[[[…]]]`); recursion must pass through a structure or union. Each collection has one element edge, so
    /// following it from every collection, with the depth found so far remembered, is linear.
    private static func checkCollectionNesting(in model: Model, into diagnostics: DiagnosticCollector) {
        var depth: [ShapeID: Int] = [:]
        for id in model.sortedShapeIDs where depth[id] == nil {
            var chain: [ShapeID] = []
            var onChain = Set<ShapeID>()
            var current: ShapeID? = id
            var below = 0
            while let next = current, let shape = model.shape(next), let element = elementTarget(of: shape) {
                if let known = depth[next] { below = known; break }
                if !onChain.insert(next).inserted {
                    let cycle = chain.drop { $0 != next }.map(\.description) + [next.description]
                    diagnostics.error(
                        "\(shape.type.rawValue) \(next) contains itself through lists and maps alone "
                            + "(\(cycle.joined(separator: " → "))); recursion must pass through a structure or union",
                        shape: next, path: shape.jsonPath)
                    for member in chain { depth[member] = 0 }
                    below = -1
                    break
                }
                chain.append(next)
                current = element
            }
            guard below >= 0 else { continue }
            for member in chain.reversed() {
                below += 1
                depth[member] = below
                if below == maximumCollectionNesting + 1, let shape = model.shape(member) {
                    diagnostics.error(
                        "lists and maps nest more than \(maximumCollectionNesting) deep from here",
                        shape: member, path: shape.jsonPath)
                }
            }
        }
    }

    /// The target of a list's member or a map's value; nil for other shapes.
    private static func elementTarget(of shape: Shape) -> ShapeID? {
        switch shape.type {
        case .list, .set: return shape.listMember?.target
        case .map: return shape.mapValue?.target
        default: return nil
        }
    }

    private static func describe(_ value: JSONNode) -> String {
        switch value {
        case .number(let text): return text
        case .string(let text): return "the string \(SmithyIdentifier.quoted(text))"
        default: return value.kindName
        }
    }
}
