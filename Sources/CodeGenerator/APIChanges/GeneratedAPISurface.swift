/// The public API of a generated module as its Swift files declare it: operations, structures and their
/// members with types, enum and union cases, and error codes.
///
/// Read from generated files (which our templates lay out), so that regenerating over a checked-in client, or
/// `--check` on a stale one, can say what changed for users without the old model, which is usually gone by
/// then. Constraints are not part of the Swift surface; `--diff OLD_MODEL` reports those too.
public struct GeneratedAPISurface: Sendable, Equatable {
    /// Client method names.
    public var operations: Set<String> = []
    /// Structure name → member name → Swift type (`String?`, `[Tag]`).
    public var structures: [String: [String: String]] = [:]
    /// Enum or union name → its cases (`name` or `name(Type)`), without the catch-all for unknown values.
    public var enums: [String: Set<String>] = [:]
    /// Error codes the error type names.
    public var errorCodes: Set<String> = []

    /// The surface the given generated files (name, Swift text) declare.
    public init(files: [(name: String, contents: String)]) {
        for file in files { read(file.contents, isClient: file.name.hasSuffix("Client.swift")) }
    }

    private mutating func read(_ text: String, isClient: Bool) {
        var structure: String?
        var enumeration: String?
        var inClientProtocol = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "}" {
                (structure, enumeration, inClientProtocol) = (nil, nil, false)
            } else if let name = Self.declaredName(line, after: "public struct ") {
                structure = name
                structures[name, default: [:]] = structures[name] ?? [:]
            } else if let name = Self.declaredName(line, after: "public enum ") {
                enumeration = name
                enums[name, default: []] = enums[name] ?? []
            } else if isClient, line.hasPrefix("public protocol ") {
                inClientProtocol = true
            } else if inClientProtocol, line.hasPrefix("    func "), let name = Self.declaredName(line, after: "    func ") {
                operations.insert(name)
            } else if let structure, line.hasPrefix("    public var ") || line.hasPrefix("    public let "),
                      let colon = line.firstIndex(of: ":") {
                let name = String(line.dropFirst("    public var ".count)[..<colon])
                var type = line[line.index(after: colon)...].drop { $0 == " " }
                if let assignment = type.range(of: " = ") { type = type[..<assignment.lowerBound] }
                if let brace = type.range(of: " {") { type = type[..<brace.lowerBound] }
                structures[structure, default: [:]][name] = String(type)
            } else if let enumeration, line.hasPrefix("    case ") {
                let name = String(line.dropFirst("    case ".count))
                if !name.hasPrefix("unknown(") && !name.hasPrefix("sdkUnknown(") { enums[enumeration, default: []].insert(name) }
            } else if line.hasPrefix("        public static let "), line.contains("= Code(rawValue: ") {
                errorCodes.insert(String(line.split(separator: "\"")[1]))
            }
        }
    }

    /// The identifier after `prefix` at the start of `line`, e.g. `Tag` in `public struct Tag: Sendable {`.
    private static func declaredName(_ line: Substring, after prefix: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let name = line.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" }
        return name.isEmpty ? nil : String(name)
    }
}

extension APIChangeReport {
    /// What changed for users between two generated versions of one module. A member that is added without a
    /// default (not optional) breaks memberwise initialisers; a member whose optionality changes breaks code
    /// that reads or sets it.
    public static func between(old: GeneratedAPISurface, new: GeneratedAPISurface) -> APIChangeReport {
        var changes: [APIChange] = []
        for name in new.operations.subtracting(old.operations).sorted() {
            changes.append(APIChange(kind: .operationAdded, subject: name, detail: "", isBreaking: false))
        }
        for name in old.operations.subtracting(new.operations).sorted() {
            changes.append(APIChange(kind: .operationRemoved, subject: name, detail: "", isBreaking: true))
        }
        for type in Set(old.structures.keys).intersection(new.structures.keys).sorted() {
            let before = old.structures[type] ?? [:]
            let after = new.structures[type] ?? [:]
            for member in Set(after.keys).subtracting(before.keys).sorted() {
                let swiftType = after[member] ?? ""
                changes.append(APIChange(kind: .memberAdded, subject: "\(type).\(member)", detail: swiftType,
                                         isBreaking: !swiftType.hasSuffix("?")))
            }
            for member in Set(before.keys).subtracting(after.keys).sorted() {
                changes.append(APIChange(kind: .memberRemoved, subject: "\(type).\(member)", detail: "", isBreaking: true))
            }
            for member in Set(before.keys).intersection(after.keys).sorted() {
                guard let from = before[member], let to = after[member], from != to else { continue }
                let kind: APIChange.Kind = from == to + "?" ? .memberBecameRequired
                    : to == from + "?" ? .memberBecameOptional : .typeChanged
                changes.append(APIChange(kind: kind, subject: "\(type).\(member)", detail: "\(from) → \(to)", isBreaking: true))
            }
        }
        for type in Set(old.enums.keys).intersection(new.enums.keys).sorted() {
            let before = old.enums[type] ?? []
            let after = new.enums[type] ?? []
            for value in after.subtracting(before).sorted() {
                changes.append(APIChange(kind: .enumValueAdded, subject: "\(type).\(value)", detail: "", isBreaking: false))
            }
            for value in before.subtracting(after).sorted() {
                changes.append(APIChange(kind: .enumValueRemoved, subject: "\(type).\(value)", detail: "its case is gone", isBreaking: true))
            }
        }
        for code in new.errorCodes.subtracting(old.errorCodes).sorted() {
            changes.append(APIChange(kind: .errorAdded, subject: code, detail: "", isBreaking: false))
        }
        for code in old.errorCodes.subtracting(new.errorCodes).sorted() {
            changes.append(APIChange(kind: .errorRemoved, subject: code, detail: "its static code is gone", isBreaking: true))
        }
        return APIChangeReport(changes: changes)
    }
}
