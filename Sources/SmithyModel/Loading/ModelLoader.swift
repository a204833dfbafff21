import Foundation

/// Reads a Smithy JSON AST document into a validated ``Model``.
///
/// Every problem is collected with its shape id and JSON path; loading throws ``ModelError`` when any is an
/// error, so callers never generate from a half-understood model.
public struct ModelLoader {
    /// The `smithy` version strings the loader accepts.
    public static let supportedVersions: Set<String> = ["1", "1.0", "2", "2.0"]

    private var diagnostics: [Diagnostic] = []
    private let file: String?

    private init(file: String?) {
        self.file = file
    }

    /// Loads a model file.
    public static func load(contentsOf url: URL) throws -> Model {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelError(diagnostics: [Diagnostic(.error, "cannot read the model file", file: url.path)])
        }
        return try load(data: data, file: url.path)
    }

    /// Loads a model from JSON bytes; `file` names it in diagnostics.
    public static func load(data: Data, file: String? = nil) throws -> Model {
        var loader = ModelLoader(file: file)
        let root: JSONNode
        do {
            root = try JSONParser.parse([UInt8](data))
        } catch {
            throw ModelError(diagnostics: [Diagnostic(.error, error.description, path: JSONPath.root, file: file)])
        }
        let model = loader.build(from: root)
        if let model, !loader.diagnostics.contains(where: { $0.severity == .error }) {
            // The structure is sound: now the rules a generator relies on.
            let collector = DiagnosticCollector(file: file)
            collector.add(loader.diagnostics)
            ModelValidator.validate(model, into: collector)
            try collector.throwIfErrors()
            var result = model
            result.warnings = collector.warnings
            return result
        }
        throw ModelError(diagnostics: loader.diagnostics)
    }

    // MARK: - Building

    private mutating func build(from root: JSONNode) -> Model? {
        guard let document = root.objectValue else {
            report("a Smithy JSON AST model must be a JSON object, found \(root.kindName)", path: JSONPath.root)
            return nil
        }
        guard let version = document["smithy"]?.stringValue else {
            report("missing the \"smithy\" version string", path: JSONPath.key(JSONPath.root, "smithy"))
            return nil
        }
        guard Self.supportedVersions.contains(version) else {
            report(
                "unsupported Smithy version \"\(version)\" (supported: 1.0, 2.0)",
                path: JSONPath.key(JSONPath.root, "smithy"))
            return nil
        }
        guard let shapeNodes = document["shapes"]?.objectValue else {
            if document["shapes"] == nil {
                return Model(smithyVersion: version, metadata: document["metadata"]?.objectValue ?? JSONObject(), shapes: [:])
            }
            report("\"shapes\" must be an object", path: JSONPath.key(JSONPath.root, "shapes"))
            return nil
        }

        var shapes: [ShapeID: Shape] = [:]
        var applies: [(ShapeID, Traits, String)] = []
        var mixins: [ShapeID: [ShapeID]] = [:]
        for (key, node) in shapeNodes.entries {
            let path = JSONPath.shape(key)
            guard let id = ShapeID(key), id.member == nil || node["type"]?.stringValue == "apply" else {
                report("\(SmithyIdentifier.quoted(key)) is not an absolute shape id (namespace#Name, each part a Smithy "
                       + "identifier: ASCII letters, digits and underscores, starting with a letter or underscores and a letter)",
                       path: path)
                continue
            }
            guard let object = node.objectValue, let typeName = object["type"]?.stringValue else {
                report("shape has no \"type\"", shape: id, path: path)
                continue
            }
            if typeName == "apply" {
                applies.append((id, parseTraits(object["traits"], shape: id, path: JSONPath.key(path, "traits")), path))
                continue
            }
            guard let type = ShapeType(rawValue: typeName), type != .member else {
                report("unknown shape type \"\(typeName)\"", shape: id, path: JSONPath.key(path, "type"))
                continue
            }
            shapes[id] = parseShape(id: id, type: type, object: object, path: path, version: version)
            if object["mixins"] != nil {
                mixins[id] = parseTargets(object["mixins"], of: id, path: JSONPath.key(path, "mixins"))
            }
        }
        // Mixins first: `apply` may target members a shape has only through a mixin.
        applyMixins(mixins, in: &shapes)
        for (target, traits, path) in applies {
            apply(traits, to: target, in: &shapes, path: path)
        }
        let model = Model(
            smithyVersion: version, metadata: document["metadata"]?.objectValue ?? JSONObject(), shapes: shapes)
        validateReferences(in: model)
        return model
    }

    private mutating func parseShape(id: ShapeID, type: ShapeType, object: JSONObject, path: String, version: String)
        -> Shape
    {
        // Smithy 1.0's `set` is a list whose items are unique.
        var shape = Shape(id: id, type: type, jsonPath: path)
        shape.traits = parseTraits(object["traits"], shape: id, path: JSONPath.key(path, "traits"))
        if type == .set { shape.traits[TraitID.uniqueItems] = .object(JSONObject()) }

        switch type {
        case .list, .set:
            shape.members = parseNamedMembers(object, names: ["member"], of: id, path: path)
        case .map:
            shape.members = parseNamedMembers(object, names: ["key", "value"], of: id, path: path)
        case .structure, .union, .enum, .intEnum:
            shape.members = parseMemberObject(object["members"], of: id, path: JSONPath.key(path, "members"))
        case .service:
            shape.version = object["version"]?.stringValue
            shape.operations = parseTargets(object["operations"], of: id, path: JSONPath.key(path, "operations"))
            shape.resources = parseTargets(object["resources"], of: id, path: JSONPath.key(path, "resources"))
            shape.errors = parseTargets(object["errors"], of: id, path: JSONPath.key(path, "errors"))
            shape.renames = parseRenames(object["rename"], of: id, path: JSONPath.key(path, "rename"))
        case .operation:
            shape.input = parseTarget(object["input"], of: id, path: JSONPath.key(path, "input"))
            shape.output = parseTarget(object["output"], of: id, path: JSONPath.key(path, "output"))
            shape.errors = parseTargets(object["errors"], of: id, path: JSONPath.key(path, "errors"))
        case .resource:
            for key in ["create", "put", "read", "update", "delete", "list"] {
                if let target = parseTarget(object[key], of: id, path: JSONPath.key(path, key)) {
                    shape.lifecycleOperations.append(target)
                }
            }
            shape.operations = parseTargets(object["operations"], of: id, path: JSONPath.key(path, "operations"))
            shape.collectionOperations = parseTargets(
                object["collectionOperations"], of: id, path: JSONPath.key(path, "collectionOperations"))
            shape.resources = parseTargets(object["resources"], of: id, path: JSONPath.key(path, "resources"))
        default:
            break
        }
        return shape
    }

    private mutating func parseNamedMembers(_ object: JSONObject, names: [String], of id: ShapeID, path: String)
        -> [Member]
    {
        names.compactMap { name in
            guard let node = object[name] else {
                report("missing \"\(name)\" member", shape: id, path: JSONPath.key(path, name))
                return nil
            }
            return parseMember(name: name, node: node, of: id, path: JSONPath.key(path, name))
        }
    }

    private mutating func parseMemberObject(_ node: JSONNode?, of id: ShapeID, path: String) -> [Member] {
        guard let node else { return [] }
        guard let object = node.objectValue else {
            report("\"members\" must be an object", shape: id, path: path)
            return []
        }
        return object.entries.compactMap { entry in
            parseMember(name: entry.key, node: entry.value, of: id, path: JSONPath.key(path, entry.key))
        }
    }

    private mutating func parseMember(name: String, node: JSONNode, of id: ShapeID, path: String) -> Member? {
        guard SmithyIdentifier.isValid(name) else {
            report("member name \(SmithyIdentifier.quoted(name)) is not a Smithy identifier (ASCII letters, digits and "
                   + "underscores, starting with a letter or underscores and a letter)", shape: id, path: path)
            return nil
        }
        let memberID = ShapeID(namespace: id.namespace, name: id.name, member: name)
        guard let targetText = node["target"]?.stringValue else {
            report("member has no \"target\"", shape: memberID, path: JSONPath.key(path, "target"))
            return nil
        }
        guard let target = ShapeID(targetText) else {
            report("member target \(SmithyIdentifier.quoted(targetText)) is not an absolute shape id", shape: memberID,
                   path: JSONPath.key(path, "target"))
            return nil
        }
        let traits = parseTraits(node["traits"], shape: memberID, path: JSONPath.key(path, "traits"))
        return Member(name: name, target: target, traits: traits, id: memberID, jsonPath: path)
    }

    private mutating func parseTarget(_ node: JSONNode?, of id: ShapeID, path: String) -> ShapeID? {
        guard let node else { return nil }
        guard let text = node["target"]?.stringValue, let target = ShapeID(text) else {
            report("expected {\"target\": \"namespace#Name\"}", shape: id, path: path)
            return nil
        }
        return target
    }

    private mutating func parseTargets(_ node: JSONNode?, of id: ShapeID, path: String) -> [ShapeID] {
        guard let node else { return [] }
        guard let list = node.arrayValue else {
            report("expected a list of shape references", shape: id, path: path)
            return []
        }
        return list.enumerated().compactMap { index, element in
            parseTarget(element, of: id, path: JSONPath.index(path, index))
        }
    }

    private mutating func parseRenames(_ node: JSONNode?, of id: ShapeID, path: String) -> [ShapeID: String] {
        guard let object = node?.objectValue else { return [:] }
        var renames: [ShapeID: String] = [:]
        for (key, value) in object.entries {
            guard let from = ShapeID(key), let to = value.stringValue, SmithyIdentifier.isValid(to) else {
                report("rename \(SmithyIdentifier.quoted(key)) → \(SmithyIdentifier.quoted(value.stringValue ?? value.kindName)) "
                       + "must map a shape id to a Smithy identifier", shape: id, path: JSONPath.key(path, key))
                continue
            }
            renames[from] = to
        }
        return renames
    }

    private mutating func parseTraits(_ node: JSONNode?, shape: ShapeID, path: String) -> Traits {
        guard let node else { return Traits() }
        guard let object = node.objectValue else {
            report("\"traits\" must be an object", shape: shape, path: path)
            return Traits()
        }
        var traits = JSONObject()
        for (key, value) in object.entries {
            // Relative trait ids refer to the prelude, as in the IDL.
            traits[key.contains("#") ? key : "\(ShapeID.preludeNamespace)#\(key)"] = value
        }
        return Traits(traits)
    }

    /// Copies the members and traits of each shape's mixins into it (Smithy 2.0 `mixins`): the mixins' members
    /// come first, in mixin order; the shape's own traits, and its own traits on a mixed-in member, win.
    ///
    /// Traits are resolved for every shape, in dependency order. Members are flattened only into shapes that are
    /// not themselves mixins (mixins are never generated, and nothing may target one): a chain of n mixins that
    /// each add a member would otherwise hold n²/2 members. Every walk is iterative; a cycle is an error.
    private mutating func applyMixins(_ mixins: [ShapeID: [ShapeID]], in shapes: inout [ShapeID: Shape]) {
        guard let order = mixinOrder(mixins, shapes: shapes) else { return }
        let ownMembers = shapes.mapValues(\.members)
        for id in order {
            guard var shape = shapes[id], let mixinIDs = mixins[id] else { continue }
            var traits = Traits()
            for mixinID in mixinIDs {
                guard let mixin = shapes[mixinID] else {
                    report("mixin \(mixinID) does not exist", shape: id, path: JSONPath.key(shape.jsonPath, "mixins"))
                    continue
                }
                let local = Set(mixin.traits["smithy.api#mixin"]?["localTraits"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                for (key, value) in mixin.traits.values.entries where key != "smithy.api#mixin" && !local.contains(key) {
                    traits[key] = value
                }
            }
            traits.merge(shape.traits)
            shape.traits = traits
            if !shape.traits.has("smithy.api#mixin") {
                shape.members = flattenedMembers(of: id, mixins: mixins, ownMembers: ownMembers)
            }
            shapes[id] = shape
        }
    }

    /// The members of `id` with those of its mixins, transitively: a depth-first walk that takes each shape's
    /// own members after its mixins' (each mixin once, even in a diamond); a member seen again keeps its first
    /// position, and the later declaration's traits and target win.
    private func flattenedMembers(of id: ShapeID, mixins: [ShapeID: [ShapeID]], ownMembers: [ShapeID: [Member]])
        -> [Member]
    {
        var members: [Member] = []
        var position: [String: Int] = [:]
        var visited: Set<ShapeID> = [id]
        var stack: [(id: ShapeID, next: Int)] = [(id, 0)]
        while let top = stack.last {
            let dependencies = mixins[top.id] ?? []
            if top.next < dependencies.count {
                stack[stack.count - 1].next += 1
                let dependency = dependencies[top.next]
                if visited.insert(dependency).inserted { stack.append((dependency, 0)) }
                continue
            }
            stack.removeLast()
            for member in ownMembers[top.id] ?? [] {
                var copy = member
                copy.id = ShapeID(namespace: id.namespace, name: id.name, member: member.name)
                if let index = position[member.name] {
                    members[index].traits.merge(copy.traits)
                    members[index].target = copy.target
                    members[index].jsonPath = copy.jsonPath
                } else {
                    position[member.name] = members.count
                    members.append(copy)
                }
            }
        }
        return members
    }

    /// The shapes with mixins, each after all of its mixins (an iterative depth-first post-order); nil, with an
    /// error naming the cycle, when mixins form a cycle.
    private mutating func mixinOrder(_ mixins: [ShapeID: [ShapeID]], shapes: [ShapeID: Shape]) -> [ShapeID]? {
        enum Mark { case visiting, done }
        var marks: [ShapeID: Mark] = [:]
        var order: [ShapeID] = []
        for root in mixins.keys.sorted() where marks[root] == nil {
            var stack: [(id: ShapeID, next: Int)] = [(root, 0)]
            marks[root] = .visiting
            while let top = stack.last {
                let dependencies = mixins[top.id] ?? []
                if top.next < dependencies.count {
                    stack[stack.count - 1].next += 1
                    let dependency = dependencies[top.next]
                    switch marks[dependency] {
                    case .visiting?:
                        let cycle = stack.map(\.id.description).drop { $0 != dependency.description } + [dependency.description]
                        report("mixins form a cycle: \(cycle.joined(separator: " → "))", shape: top.id,
                               path: JSONPath.key(shapes[top.id]?.jsonPath ?? JSONPath.shape(top.id.description), "mixins"))
                        return nil
                    case .done?:
                        continue
                    case nil:
                        marks[dependency] = .visiting
                        stack.append((dependency, 0))
                    }
                } else {
                    marks[top.id] = .done
                    if mixins[top.id] != nil { order.append(top.id) }
                    stack.removeLast()
                }
            }
        }
        return order
    }

    private mutating func apply(_ traits: Traits, to target: ShapeID, in shapes: inout [ShapeID: Shape], path: String) {
        guard var shape = shapes[target.root] else {
            report("\"apply\" targets a shape that does not exist", shape: target, path: path)
            return
        }
        if let memberName = target.member {
            guard let index = shape.members.firstIndex(where: { $0.name == memberName }) else {
                report("\"apply\" targets a member that does not exist", shape: target, path: path)
                return
            }
            shape.members[index].traits.merge(traits)
        } else {
            shape.traits.merge(traits)
        }
        shapes[target.root] = shape
    }

    // MARK: - Validation

    private mutating func validateReferences(in model: Model) {
        for id in model.sortedShapeIDs {
            guard let shape = model.shapes[id] else { continue }
            for member in shape.members where model.shape(member.target) == nil {
                report("member targets \(member.target), which is not defined in the model or the prelude",
                       shape: member.id, path: JSONPath.key(member.jsonPath, "target"))
            }
            let references: [(String, [ShapeID])] = [
                ("operations", shape.operations), ("resources", shape.resources), ("errors", shape.errors),
                ("input", shape.input.map { [$0] } ?? []), ("output", shape.output.map { [$0] } ?? []),
                ("lifecycle operations", shape.lifecycleOperations),
                ("collectionOperations", shape.collectionOperations),
            ]
            for (field, targets) in references {
                for target in targets where model.shape(target) == nil {
                    report("\(field) references \(target), which is not defined", shape: id,
                           path: JSONPath.key(shape.jsonPath, field))
                }
            }
        }
    }

    private mutating func report(_ message: String, shape: ShapeID? = nil, path: String) {
        diagnostics.append(Diagnostic(.error, message, shape: shape, path: path, file: file))
    }
}
