import SmithyModel

/// The endpoint rule-set parameters one operation supplies itself, as Swift expressions over its `input`:
/// `staticContextParams` on the operation, `contextParam` on input members, and `operationContextParams` paths.
///
/// Paths are a JMESPath subset, the one AWS models use: member names joined by dots, one `[*]` projection over a
/// list, and `keys(…)` of a map (`TransactItems[*].Get.TableName`, `keys(RequestItems)`). A path outside the
/// subset, or a value of a type the rule set cannot take, is a warning and the parameter is left unset.
struct EndpointParameterBindings {
    struct Entry {
        /// The parameter name as a Swift string literal.
        let nameLiteral: String
        /// A `JSONValue?` expression.
        let valueExpression: String
    }

    let entries: [Entry]

    init(operation: Shape, input: Shape?, context: ServiceContext) {
        var entries: [String: String] = [:]
        if let statics = operation.traits["smithy.rules#staticContextParams"]?.objectValue {
            for (name, node) in statics.entries {
                guard let value = node["value"], let literal = Self.literal(value) else {
                    Self.warn(context, operation, "staticContextParams \(SmithyIdentifier.quoted(name)) has a value that is not a string, boolean or list of strings")
                    continue
                }
                entries[name] = literal
            }
        }
        // A model given its rule set by `--endpoint-rules` (the S3 protocol tests) carries no `contextParam`
        // traits: its input members bind the rule-set parameters of the same name instead.
        var byName: Set<String> = []
        if context.service.traits.endpointRuleSet == nil, let ruleSet = context.options.endpointRuleSet {
            byName = Set((ruleSet["parameters"]?.objectValue ?? JSONObject()).entries
                .filter { $0.value["builtIn"] == nil }.map(\.key))
        }
        if let input {
            for member in input.members {
                let declared = member.traits["smithy.rules#contextParam"]?["name"]?.stringValue
                guard let name = declared ?? (byName.contains(member.name) ? member.name : nil) else { continue }
                let view = MemberViewModel(member: member, in: input, context: context, recursion: context.recursion)
                let access = Access(expression: "input.\(view.storageName)", isOptional: view.isOptional)
                guard let value = Self.value(of: access, target: member.target, context: context) else {
                    Self.warn(context, operation, "contextParam \(SmithyIdentifier.quoted(name)) on \(member.id) is not a string, boolean or list of strings")
                    continue
                }
                entries[name] = value
            }
        }
        if let paths = operation.traits["smithy.rules#operationContextParams"]?.objectValue {
            for (name, node) in paths.entries {
                guard let path = node["path"]?.stringValue, let input,
                      let value = Self.pathValue(path, from: input, context: context) else {
                    Self.warn(context, operation, "operationContextParams \(SmithyIdentifier.quoted(name)) has a path outside the supported subset (a.b.c, a[*].b, keys(a))")
                    continue
                }
                entries[name] = value
            }
        }
        self.entries = entries.sorted { $0.key < $1.key }.map {
            Entry(nameLiteral: SwiftLiteral.string($0.key), valueExpression: $0.value)
        }
    }

    private static func warn(_ context: ServiceContext, _ operation: Shape, _ message: String) {
        context.diagnostics.warning("\(message); the endpoint parameter is left unset", shape: operation.id,
                                    path: JSONPath.key(operation.jsonPath, "traits"))
    }

    /// A `JSONValue` literal for a static value.
    private static func literal(_ node: JSONNode) -> String? {
        switch node {
        case .string(let text): return ".string(\(SwiftLiteral.string(text)))"
        case .bool(let flag): return ".bool(\(flag))"
        case .array(let elements):
            let strings = elements.compactMap(\.stringValue)
            guard strings.count == elements.count else { return nil }
            return ".array([" + strings.map { ".string(\(SwiftLiteral.string($0)))" }.joined(separator: ", ") + "])"
        default: return nil
        }
    }

    /// A Swift expression and whether it is optional.
    private struct Access {
        var expression: String
        var isOptional: Bool
    }

    /// The `JSONValue?` expression for a value of shape `target` read by `access`.
    private static func value(of access: Access, target: ShapeID, context: ServiceContext) -> String? {
        guard let shape = context.model.shape(target) else { return nil }
        let wrap: String
        switch shape.type {
        case .string where shape.traits.legacyEnumDefinitions == nil: wrap = "JSONValue.string"
        case .boolean: wrap = "JSONValue.bool"
        case .enum, .string: return access.isOptional
            ? "\(access.expression).map { JSONValue.string($0.rawValue) }" : "JSONValue.string(\(access.expression).rawValue)"
        case .list, .set:
            guard let element = shape.listMember, context.model.shape(element.target)?.type == .string else { return nil }
            return access.isOptional
                ? "\(access.expression).map { JSONValue.array($0.map(JSONValue.string)) }"
                : "JSONValue.array(\(access.expression).map(JSONValue.string))"
        default: return nil
        }
        return access.isOptional ? "\(access.expression).map(\(wrap))" : "\(wrap)(\(access.expression))"
    }

    /// The subset of JMESPath AWS models use for `operationContextParams`.
    private static func pathValue(_ path: String, from input: Shape, context: ServiceContext) -> String? {
        if path.hasPrefix("keys("), path.hasSuffix(")") {
            let inner = String(path.dropFirst("keys(".count).dropLast())
            guard let (access, target) = follow(inner.split(separator: ".").map(String.init), from: input,
                                                root: Access(expression: "input", isOptional: false), context: context),
                  context.model.shape(target)?.type == .map
            else { return nil }
            return access.isOptional
                ? "\(access.expression).map { JSONValue.array($0.keys.sorted().map(JSONValue.string)) }"
                : "JSONValue.array(\(access.expression).keys.sorted().map(JSONValue.string))"
        }
        let parts = path.components(separatedBy: "[*].")
        guard parts.count <= 2 else { return nil }
        guard let (listAccess, listTarget) = follow(parts[0].split(separator: ".").map(String.init), from: input,
                                                    root: Access(expression: "input", isOptional: false), context: context)
        else { return nil }
        guard parts.count == 2 else { return value(of: listAccess, target: listTarget, context: context) }
        // One projection: the rest of the path read from each element, missing values skipped.
        guard let list = context.model.shape(listTarget), list.type == .list || list.type == .set,
              let element = list.listMember, let elementShape = context.model.shape(element.target),
              let (itemAccess, itemTarget) = follow(parts[1].split(separator: ".").map(String.init), from: elementShape,
                                                    root: Access(expression: "$0", isOptional: false), context: context),
              context.model.shape(itemTarget)?.type == .string
        else { return nil }
        let collect = itemAccess.isOptional ? "compactMap { \(itemAccess.expression) }" : "map { \(itemAccess.expression) }"
        let elements = listAccess.isOptional ? "(\(listAccess.expression) ?? [])" : listAccess.expression
        return "JSONValue.array(\(elements).\(collect).map(JSONValue.string))"
    }

    /// Follows member names from `shape`, optional-chaining after optional members; nil when a name is not a member.
    private static func follow(_ names: [String], from shape: Shape, root: Access, context: ServiceContext)
        -> (Access, ShapeID)?
    {
        var access = root
        var current = shape
        var target = shape.id
        for (index, name) in names.enumerated() {
            guard SmithyIdentifier.isValid(name), let member = current.member(named: name) else { return nil }
            let view = MemberViewModel(member: member, in: current, context: context, recursion: context.recursion)
            access.expression += (access.isOptional ? "?." : ".") + view.storageName
            access.isOptional = access.isOptional || view.isOptional
            target = member.target
            if index < names.count - 1 {
                guard let next = context.model.shape(member.target), next.type == .structure else { return nil }
                current = next
            }
        }
        return names.isEmpty ? nil : (access, target)
    }
}
