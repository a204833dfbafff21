import SmithyModel

/// The changes users of a generated client see between an old and a new model of the same service: operations,
/// members, optionality, types, enum values, constraints and errors, each marked breaking or not.
///
/// Optionality counts both ways: a required member is a non-optional Swift property, so a member becoming
/// optional (or required) changes its type. In inputs a new required member, a tightened constraint or a
/// removed enum value can make requests that worked fail.
public struct APIChangeReport: Sendable {
    public var changes: [APIChange]

    public var breakingCount: Int { changes.filter(\.isBreaking).count }

    /// The report as lines: a summary, then breaking changes first.
    public var lines: [String] {
        let sorted = changes.filter(\.isBreaking) + changes.filter { !$0.isBreaking }
        let summary = changes.isEmpty
            ? "API changes: none"
            : "API changes: \(changes.count) (\(breakingCount) breaking)"
        return [summary] + sorted.map { "  " + $0.description }
    }

    /// Compares the service of `old` with the service of `new` (the one service of each, or `serviceID`).
    public static func between(old: Model, new: Model, serviceID: String? = nil) -> APIChangeReport {
        guard let oldService = service(in: old, serviceID), let newService = service(in: new, serviceID) else {
            return APIChangeReport(changes: [])
        }
        var comparison = Comparison(old: old, new: new)
        comparison.compareOperations(old.operations(of: oldService), new.operations(of: newService))
        return APIChangeReport(changes: comparison.changes)
    }

    private static func service(in model: Model, _ id: String?) -> Shape? {
        let services = model.services
        if let id { return services.first { $0.id.description == id } }
        return services.count == 1 ? services.first : nil
    }
}

/// The walk over both models, collecting changes; each shape pair is compared once.
private struct Comparison {
    let old: Model
    let new: Model
    var changes: [APIChange] = []
    private var compared = Set<String>()
    /// Shapes reached from an operation input (in either model): their changes can break requests.
    private var inputShapes = Set<ShapeID>()

    init(old: Model, new: Model) {
        self.old = old
        self.new = new
    }

    mutating func compareOperations(_ oldOperations: [Shape], _ newOperations: [Shape]) {
        let oldByName = Dictionary(oldOperations.map { ($0.id.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(newOperations.map { ($0.id.name, $0) }, uniquingKeysWith: { first, _ in first })
        for operation in newOperations {
            if let input = operation.input { inputShapes.formUnion(ServiceContext.closure(from: [input], in: new)) }
        }
        for operation in oldOperations {
            if let input = operation.input { inputShapes.formUnion(ServiceContext.closure(from: [input], in: old)) }
        }
        for name in newByName.keys.sorted() where oldByName[name] == nil {
            changes.append(APIChange(kind: .operationAdded, subject: name, detail: "", isBreaking: false))
        }
        for name in oldByName.keys.sorted() where newByName[name] == nil {
            changes.append(APIChange(kind: .operationRemoved, subject: name, detail: "", isBreaking: true))
        }
        for name in oldByName.keys.sorted() {
            guard let before = oldByName[name], let after = newByName[name] else { continue }
            let oldErrors = Set(before.errors.map(\.name))
            let newErrors = Set(after.errors.map(\.name))
            for error in newErrors.subtracting(oldErrors).sorted() {
                changes.append(APIChange(kind: .errorAdded, subject: "\(name) throws \(error)", detail: "", isBreaking: false))
            }
            for error in oldErrors.subtracting(newErrors).sorted() {
                changes.append(APIChange(kind: .errorRemoved, subject: "\(name) throws \(error)", detail: "", isBreaking: false))
            }
            compareShapes(before.input, after.input, subject: "\(name) input")
            compareShapes(before.output, after.output, subject: "\(name) output")
        }
    }

    /// Compares two shapes found at the same place (an operation's input, a member's target).
    private mutating func compareShapes(_ oldID: ShapeID?, _ newID: ShapeID?, subject: String) {
        guard let oldID, let newID, let before = old.shape(oldID), let after = new.shape(newID) else { return }
        guard compared.insert(oldID.description + "→" + newID.description).inserted else { return }
        if before.type != after.type {
            changes.append(APIChange(kind: .typeChanged, subject: subject,
                                     detail: "\(before.type.rawValue) → \(after.type.rawValue)", isBreaking: true))
            return
        }
        let isInput = inputShapes.contains(oldID) || inputShapes.contains(newID)
        switch after.type {
        case .structure, .union:
            compareMembers(before, after, isInput: isInput)
        case .enum, .intEnum:
            compareEnumValues(before, after, isInput: isInput)
        case .string where before.traits.legacyEnumDefinitions != nil || after.traits.legacyEnumDefinitions != nil:
            compareEnumValues(before, after, isInput: isInput)
        case .list, .set:
            compareShapes(before.listMember?.target, after.listMember?.target, subject: "\(subject) element")
        case .map:
            compareShapes(before.mapValue?.target, after.mapValue?.target, subject: "\(subject) value")
        default:
            break
        }
    }

    private mutating func compareMembers(_ before: Shape, _ after: Shape, isInput: Bool) {
        let typeName = after.id.name
        let oldMembers = Dictionary(before.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newMembers = Dictionary(after.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for member in after.members where oldMembers[member.name] == nil {
            let required = isRequired(member, in: new)
            changes.append(APIChange(
                kind: .memberAdded, subject: "\(typeName).\(member.name)", detail: required ? "required" : "",
                // A new required member has no default in the memberwise init: existing calls stop compiling.
                isBreaking: required && isInput))
        }
        for member in before.members where newMembers[member.name] == nil {
            changes.append(APIChange(kind: .memberRemoved, subject: "\(typeName).\(member.name)", detail: "", isBreaking: true))
        }
        for member in before.members {
            guard let updated = newMembers[member.name] else { continue }
            let subject = "\(typeName).\(member.name)"
            let wasRequired = isRequired(member, in: old)
            let nowRequired = isRequired(updated, in: new)
            if !wasRequired && nowRequired {
                changes.append(APIChange(kind: .memberBecameRequired, subject: subject,
                                         detail: "its Swift type is no longer optional", isBreaking: true))
            } else if wasRequired && !nowRequired {
                changes.append(APIChange(kind: .memberBecameOptional, subject: subject,
                                         detail: "its Swift type becomes optional", isBreaking: true))
            }
            let oldTarget = old.shape(member.target)
            let newTarget = new.shape(updated.target)
            if oldTarget?.type != newTarget?.type || (isNamed(oldTarget) && member.target.name != updated.target.name) {
                changes.append(APIChange(kind: .typeChanged, subject: subject,
                                         detail: "\(member.target.name) → \(updated.target.name)", isBreaking: true))
                continue
            }
            compareConstraints(member, updated, subject: subject, isInput: isInput)
            compareShapes(member.target, updated.target, subject: subject)
        }
    }

    private mutating func compareEnumValues(_ before: Shape, _ after: Shape, isInput: Bool) {
        let oldValues = Set(EnumCaseNaming.cases(of: before).map(\.rawValue))
        let newValues = Set(EnumCaseNaming.cases(of: after).map(\.rawValue))
        for value in newValues.subtracting(oldValues).sorted() {
            // Forward-compatible enums keep unknown values: a new one breaks no exhaustive switch.
            changes.append(APIChange(kind: .enumValueAdded, subject: "\(after.id.name).\(value)", detail: "", isBreaking: false))
        }
        for value in oldValues.subtracting(newValues).sorted() {
            changes.append(APIChange(kind: .enumValueRemoved, subject: "\(after.id.name).\(value)",
                                     detail: "its static case is gone", isBreaking: true))
        }
    }

    /// `length`, `range` and `pattern` of a member (its own traits, else its target's): tightened limits can
    /// make inputs that were valid fail validation.
    private mutating func compareConstraints(_ before: Member, _ after: Member, subject: String, isInput: Bool) {
        let oldTarget = old.shape(before.target)
        let newTarget = new.shape(after.target)
        let oldLength = before.traits.length ?? oldTarget?.traits.length
        let newLength = after.traits.length ?? newTarget?.traits.length
        if oldLength != newLength {
            let tighter = isTighter(min: (oldLength?.min.map(Double.init), newLength?.min.map(Double.init)),
                                    max: (oldLength?.max.map(Double.init), newLength?.max.map(Double.init)))
            record(tighter, subject: subject, detail: "length \(describe(oldLength)) → \(describe(newLength))", isInput: isInput)
        }
        let oldRange = before.traits.range ?? oldTarget?.traits.range
        let newRange = after.traits.range ?? newTarget?.traits.range
        if oldRange != newRange {
            let tighter = isTighter(min: (oldRange?.min.flatMap(Double.init), newRange?.min.flatMap(Double.init)),
                                    max: (oldRange?.max.flatMap(Double.init), newRange?.max.flatMap(Double.init)))
            record(tighter, subject: subject, detail: "range \(describe(oldRange)) → \(describe(newRange))", isInput: isInput)
        }
        let oldPattern = before.traits.pattern ?? oldTarget?.traits.pattern
        let newPattern = after.traits.pattern ?? newTarget?.traits.pattern
        if oldPattern != newPattern {
            // A changed pattern may refuse values the old one took: treated as tightened unless it was removed.
            record(newPattern != nil, subject: subject,
                   detail: "pattern \(oldPattern.map { SmithyIdentifier.quoted($0) } ?? "none") → \(newPattern.map { SmithyIdentifier.quoted($0) } ?? "none")",
                   isInput: isInput)
        }
    }

    private mutating func record(_ tighter: Bool, subject: String, detail: String, isInput: Bool) {
        changes.append(APIChange(kind: tighter ? .constraintTightened : .constraintLoosened, subject: subject, detail: detail,
                                 isBreaking: tighter && isInput))
    }

    /// Whether new limits exclude a value the old ones allowed.
    private func isTighter(min: (Double?, Double?), max: (Double?, Double?)) -> Bool {
        let minRaised = (min.1 ?? -.infinity) > (min.0 ?? -.infinity)
        let maxLowered = (max.1 ?? .infinity) < (max.0 ?? .infinity)
        return minRaised || maxLowered
    }

    private func describe(_ length: LengthConstraint?) -> String {
        guard let length else { return "none" }
        return "\(length.min.map(String.init) ?? "")...\(length.max.map(String.init) ?? "")"
    }

    private func describe(_ range: RangeConstraint?) -> String {
        guard let range else { return "none" }
        return "\(range.min ?? "")...\(range.max ?? "")"
    }

    /// Structures, unions and enums are compared by name as well as by type.
    private func isNamed(_ shape: Shape?) -> Bool {
        guard let shape else { return false }
        return [.structure, .union, .enum, .intEnum].contains(shape.type)
    }

    /// Required to clients: `required` without `clientOptional` (a default makes no difference to callers of the
    /// memberwise init only when it is there in both versions; optionality is what Swift types show).
    private func isRequired(_ member: Member, in model: Model) -> Bool {
        member.traits.isRequired && !member.traits.isClientOptional
    }
}
