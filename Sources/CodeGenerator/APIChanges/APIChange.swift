import SmithyModel

/// One difference between two versions of a service's model, as its users see it: what changed, where, and
/// whether code written against the old client may stop compiling or behaving the same.
public struct APIChange: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case operationAdded = "operation added"
        case operationRemoved = "operation removed"
        case memberAdded = "member added"
        case memberRemoved = "member removed"
        case memberBecameRequired = "member became required"
        case memberBecameOptional = "member became optional"
        case typeChanged = "type changed"
        case enumValueAdded = "enum value added"
        case enumValueRemoved = "enum value removed"
        case constraintTightened = "constraint tightened"
        case constraintLoosened = "constraint loosened"
        case errorAdded = "error added"
        case errorRemoved = "error removed"
    }

    public var kind: Kind
    /// What changed, e.g. `CreateRepositoryRequest.tags` or `DeleteRepository`.
    public var subject: String
    /// Details, e.g. `length 2...205 → 2...100`.
    public var detail: String
    /// Whether code written against the old client may no longer compile, or requests it sent may now fail.
    public var isBreaking: Bool

    public var description: String {
        "\(isBreaking ? "BREAKING" : "compatible"): \(kind.rawValue): \(subject)\(detail.isEmpty ? "" : " (\(detail))")"
    }
}
