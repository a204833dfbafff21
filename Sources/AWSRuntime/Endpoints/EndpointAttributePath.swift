import Foundation

/// A parsed `getAttr` path such as `resourceId[0]` or `a.b[2]`, also used after `#` in templates
/// (`{PartitionResult#dnsSuffix}`).
///
/// Paths are parsed once when the rule set loads, so evaluation only walks the steps.
struct EndpointAttributePath: Sendable, Equatable, CustomStringConvertible {
    /// One step into a value.
    enum Step: Sendable, Equatable {
        /// A member of an object.
        case member(String)
        /// An element of an array, counted from zero.
        case index(Int)
    }

    let steps: [Step]
    let description: String

    /// Parses `text`; returns `nil` with no partial result when the syntax is wrong (the caller reports where).
    init?(_ text: String) {
        var steps: [Step] = []
        for segment in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard let bracket = segment.firstIndex(of: "[") else {
                guard !segment.isEmpty else { return nil }
                steps.append(.member(String(segment)))
                continue
            }
            let member = segment[..<bracket]
            if !member.isEmpty { steps.append(.member(String(member))) }
            // Only one index per segment is part of the grammar: `name[3]` or `[3]`.
            let indexText = segment[segment.index(after: bracket)...]
            guard indexText.last == "]", let index = Int(indexText.dropLast()), index >= 0 else { return nil }
            steps.append(.index(index))
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
        self.description = text
    }

    /// The value at this path inside `value`, or `nil` (unset) when any step is missing or out of range.
    func value(in value: JSONValue) -> JSONValue? {
        var current = value
        for step in steps {
            switch (step, current) {
            case (.member(let name), .object(let members)):
                guard let member = members[name] else { return nil }
                current = member
            case (.index(let index), .array(let elements)):
                guard index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
