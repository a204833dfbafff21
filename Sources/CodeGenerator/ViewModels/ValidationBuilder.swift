import Foundation
import SmithyModel

/// Writes the statements that check a value against the constraints the model states (`length`, `range`,
/// `pattern`, enum membership, `required`), recursing through lists, maps, structures and unions.
final class ValidationBuilder {
    private let context: ServiceContext
    private let resolver: SwiftTypeResolver
    private let shapesNeedingValidation: Set<ShapeID>
    /// Pattern text → the static property that holds it compiled.
    private(set) var patternNames: [String: String] = [:]

    /// Pattern text → the ICU expression that means the same (see ``PatternTranslator``).
    private(set) var compiledPatterns: [String: String] = [:]

    /// Collects and translates every pattern on the inputs' shapes. A pattern that cannot be translated or
    /// compiled is a warning, and its check is left out: a missing check is better than a wrong one, and better
    /// than no client.
    init(context: ServiceContext) {
        self.context = context
        self.resolver = SwiftTypeResolver(context: context)
        shapesNeedingValidation = Self.shapesNeedingValidation(in: context.inputClosure, model: context.model)
        var patterns: [String: (ShapeID, String)] = [:]
        for id in context.inputClosure.sorted() {
            guard let shape = context.model.shape(id) else { continue }
            let places = [(shape.traits, shape.id, shape.jsonPath)] + shape.members.map { ($0.traits, $0.id, $0.jsonPath) }
            for (traits, place, path) in places {
                guard let pattern = traits.pattern, patterns[pattern] == nil else { continue }
                patterns[pattern] = (place, JSONPath.key(JSONPath.key(path, "traits"), TraitID.pattern))
            }
        }
        var usable: [String] = []
        for (pattern, (place, path)) in patterns.sorted(by: { $0.key < $1.key }) {
            do throws(PatternTranslator.Untranslatable) {
                let compiled = try PatternTranslator.icuPattern(for: pattern)
                guard (try? NSRegularExpression(pattern: compiled)) != nil else {
                    throw PatternTranslator.Untranslatable(reason: "it does not compile as a regular expression")
                }
                compiledPatterns[pattern] = compiled
                usable.append(pattern)
            } catch {
                context.diagnostics.warning(
                    "pattern \(SmithyIdentifier.quoted(pattern)) is left unchecked: \(error.reason)", shape: place, path: path)
            }
        }
        for (index, pattern) in usable.enumerated() { patternNames[pattern] = "pattern\(index + 1)" }
    }

    /// Name of the caseless enum holding the compiled patterns.
    var patternsTypeName: String { context.names.validationPatternsName }

    /// The statements validating one member of a structure (`self.storage`), at `path.member("name")`.
    func statements(for member: Member, storage: String, isOptional: Bool) -> [String] {
        let path = "path.member(\(SwiftLiteral.string(member.name)))"
        var lines: [String] = []
        if isOptional && member.traits.isRequired {
            lines.append("if self.\(storage) == nil { validator.missing(at: \(path)) }")
        }
        let checks = valueChecks(value: "value", target: member.target, traits: member.traits, path: path, depth: 1)
        guard !checks.isEmpty else { return lines }
        if isOptional {
            lines.append("if let value = self.\(storage) {")
            lines += checks.map { "    " + $0 }
            lines.append("}")
        } else {
            lines.append("do {")
            lines.append("    let value = self.\(storage)")
            lines += checks.map { "    " + $0 }
            lines.append("}")
        }
        return lines
    }

    /// The statements validating a union case's payload bound to `value`.
    func unionCaseStatements(for member: Member) -> [String] {
        let path = "path.member(\(SwiftLiteral.string(member.name)))"
        return valueChecks(value: "value", target: member.target, traits: member.traits, path: path, depth: 1)
    }

    /// A short description of the constraints on a member, for its doc comment.
    func constraintSummary(for member: Member) -> [String] {
        guard let target = context.model.shape(member.target) else { return [] }
        let traits = effectiveTraits(member.traits, target: target)
        var parts: [String] = []
        if let length = traits.length { parts.append("length \(bounds(length.min.map(String.init), length.max.map(String.init)))") }
        if let range = traits.range { parts.append("range \(bounds(range.min, range.max))") }
        if let pattern = traits.pattern { parts.append("pattern `\(pattern)`") }
        if target.type == .enum || target.type == .intEnum || target.traits.legacyEnumDefinitions != nil {
            parts.append("one of the values of `\(resolver.type(of: target.id))`")
        }
        guard !parts.isEmpty else { return [] }
        return ["", "Constraints: " + parts.joined(separator: "; ") + "."]
    }

    /// Whether values of this shape can ever break a constraint (so callers skip loops that would check nothing).
    func needsValidation(_ id: ShapeID) -> Bool { shapesNeedingValidation.contains(id) }

    /// Every shape of the inputs whose values can break a constraint: those with a constraint of their own, then,
    /// walking member edges backwards from them, every shape that contains one. Iterative and linear, so long
    /// chains and cycles cost nothing special (a cycle adds no constraint by itself).
    private static func shapesNeedingValidation(in closure: Set<ShapeID>, model: Model) -> Set<ShapeID> {
        var containers: [ShapeID: [ShapeID]] = [:]
        var result = Set<ShapeID>()
        var pending: [ShapeID] = []
        for id in closure.sorted() {
            guard let shape = model.shape(id) else { continue }
            for member in shape.members { containers[member.target, default: []].append(id) }
            if hasOwnConstraint(shape), result.insert(id).inserted { pending.append(id) }
        }
        while let id = pending.popLast() {
            for container in containers[id] ?? [] where result.insert(container).inserted {
                pending.append(container)
            }
        }
        return result
    }

    private static func hasOwnConstraint(_ shape: Shape) -> Bool {
        switch shape.type {
        case .string, .blob:
            return shape.traits.length != nil || shape.traits.pattern != nil || shape.traits.legacyEnumDefinitions != nil
        case .enum, .intEnum:
            return true
        case .byte, .short, .integer, .long, .float, .double, .bigInteger, .bigDecimal:
            return shape.traits.range != nil
        case .list, .set, .map:
            return shape.traits.length != nil || shape.members.contains(where: memberHasConstraint)
        case .structure, .union:
            return shape.members.contains { memberHasConstraint($0) || $0.traits.isRequired }
        default:
            return false
        }
    }

    private static func memberHasConstraint(_ member: Member) -> Bool {
        member.traits.length != nil || member.traits.range != nil || member.traits.pattern != nil
    }

    // MARK: - Checks for one value

    /// - Parameter isRawString: the value is a `String` even though its shape is an enum (map keys, which
    ///   Swift dictionaries keep as strings): membership is checked on the raw value.
    private func valueChecks(value: String, target id: ShapeID, traits memberTraits: Traits, path: String, depth: Int,
                             isRawString: Bool = false) -> [String]
    {
        guard let target = context.model.shape(id) else { return [] }
        let traits = effectiveTraits(memberTraits, target: target)
        let sensitive = traits.isSensitive || target.traits.isSensitive ? ", sensitive: true" : ""
        var lines: [String] = []
        if let length = traits.length, [.string, .blob, .list, .set, .map].contains(target.type),
           target.traits.legacyEnumDefinitions == nil {
            lines.append("validator.checkLength(\(value), min: \(literal(length.min)), max: \(literal(length.max)), path: \(path)\(sensitive))")
        }
        switch target.type {
        case .string where target.traits.legacyEnumDefinitions != nil, .enum:
            if isRawString {
                let enumType = resolver.type(of: target.id)
                lines.append("validator.checkEnum(isKnown: \(enumType)(rawValue: \(value)).isKnown, rawValue: \(value), path: \(path)\(sensitive))")
            } else {
                lines.append("validator.checkEnum(isKnown: \(value).isKnown, rawValue: \(value).rawValue, path: \(path)\(sensitive))")
            }
        case .intEnum:
            lines.append("validator.checkEnum(isKnown: \(value).isKnown, rawValue: String(\(value).rawValue), path: \(path)\(sensitive))")
        case .string:
            if let pattern = traits.pattern, let name = patternNames[pattern] {
                lines.append("validator.checkPattern(\(value), \(patternsTypeName).\(name), path: \(path)\(sensitive))")
            }
        case .byte, .short, .integer, .long, .float, .double, .bigInteger, .bigDecimal:
            if let range = traits.range {
                let type = resolver.type(of: target.id)
                lines.append("validator.checkRange(\(value), min: \(number(range.min, type)), max: \(number(range.max, type)), "
                    + "minText: \(range.min.map(SwiftLiteral.string) ?? "nil"), maxText: \(range.max.map(SwiftLiteral.string) ?? "nil"), path: \(path)\(sensitive))")
            }
        case .list, .set:
            if let element = target.listMember, needsValidation(element.target) || element.traits.length != nil
                || element.traits.pattern != nil || element.traits.range != nil {
                let item = "value\(depth)", index = "index\(depth)"
                let inner = valueChecks(value: item, target: element.target, traits: element.traits,
                                        path: "\(path).index(\(index))", depth: depth + 1)
                if !inner.isEmpty {
                    lines.append("for (\(index), \(item)) in \(value).enumerated() {")
                    lines += wrapSparse(inner, item: item, sparse: target.traits.isSparse)
                    lines.append("}")
                }
            }
        case .map:
            if let key = target.mapKey, let valueMember = target.mapValue {
                let item = "value\(depth)", keyName = "key\(depth)"
                let elementPath = "\(path).key(\(keyName))"
                let keyChecks = valueChecks(value: keyName, target: key.target, traits: key.traits, path: elementPath,
                                            depth: depth + 1, isRawString: true)
                let valueChecks = valueChecks(value: item, target: valueMember.target, traits: valueMember.traits,
                                              path: elementPath, depth: depth + 1)
                if valueChecks.isEmpty, !keyChecks.isEmpty {
                    lines.append("for \(keyName) in \(value).keys.sorted() {")
                    lines += keyChecks.map { "    " + $0 }
                    lines.append("}")
                } else if !valueChecks.isEmpty {
                    lines.append("for (\(keyName), \(item)) in \(value).sorted(by: { $0.key < $1.key }) {")
                    lines += keyChecks.map { "    " + $0 }
                    lines += wrapSparse(valueChecks, item: item, sparse: target.traits.isSparse)
                    lines.append("}")
                }
            }
        case .union where target.traits.isStreaming:
            // An event stream is read as it is sent, after the call has been validated.
            break
        case .structure, .union:
            if needsValidation(target.id) { lines.append("\(value).validate(&validator, path: \(path))") }
        default:
            break
        }
        // Inside a sensitive list, map, structure or union no check may quote a value, however deep: the
        // closure's `validator` shadows the outer one, so the checks read the same inside.
        if !sensitive.isEmpty, [.list, .set, .map, .structure, .union].contains(target.type), !lines.isEmpty {
            lines = ["validator.withinSensitiveValue { validator in"] + lines.map { "    " + $0 } + ["}"]
        }
        return lines
    }

    private func wrapSparse(_ lines: [String], item: String, sparse: Bool) -> [String] {
        guard !lines.isEmpty else { return [] }
        guard sparse else { return lines.map { "    " + $0 } }
        return ["    if let \(item) {"] + lines.map { "        " + $0 } + ["    }"]
    }

    /// Member traits override the target's (Smithy lets a member narrow its target's constraints).
    private func effectiveTraits(_ memberTraits: Traits, target: Shape) -> Traits {
        var traits = Traits()
        for id in [TraitID.length, TraitID.range, TraitID.pattern, TraitID.sensitive] {
            if let value = memberTraits[id] ?? target.traits[id] { traits[id] = value }
        }
        return traits
    }

    private func literal(_ value: Int?) -> String { value.map(String.init) ?? "nil" }

    private func number(_ text: String?, _ type: String) -> String {
        guard let text else { return "nil" }
        if type == "Decimal" { return "Decimal(string: \(SwiftLiteral.string(text)))" }
        // Integers are re-emitted from their parsed value (the model validator checked they fit the type).
        if type != "Float" && type != "Double", let integer = NumberBounds.integerValue(text) { return "\(type)(\(integer))" }
        return "\(type)(\(text))"
    }

    private func bounds(_ min: String?, _ max: String?) -> String {
        switch (min, max) {
        case let (min?, max?): return "\(min)...\(max)"
        case let (min?, nil): return "≥ \(min)"
        case let (nil, max?): return "≤ \(max)"
        default: return "any"
        }
    }
}
