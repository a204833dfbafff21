import AWSRuntime
import Foundation

/// Results as `aws --output text` prints them (awscli's `text.py`): tab-separated values, one line per
/// object; an object inside a list gets its member name upper-cased as the first column, and the objects of
/// one list share one column order (every scalar member name any of them has, sorted).
enum TextOutput {
    static func render<Value: Encodable>(_ value: Value) throws -> String {
        let data = try JSONOutput.makeEncoder().encode(value)
        var lines: [String] = []
        format(try JSONDecoder().decode(JSONValue.self, from: data), identifier: nil, scalarKeys: nil, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: JSONValue, identifier: String?, scalarKeys: [String]?, into lines: inout [String]) {
        switch value {
        case .object(let members): formatObject(members, identifier: identifier, scalarKeys: scalarKeys, into: &lines)
        case .array(let elements): formatList(elements, identifier: identifier, into: &lines)
        default: lines.append(scalar(value))
        }
    }

    private static func formatList(_ elements: [JSONValue], identifier: String?, into lines: inout [String]) {
        guard !elements.isEmpty else { return }
        if elements.contains(where: \.isObject) {
            let keys = allScalarKeys(elements)
            elements.forEach { format($0, identifier: identifier, scalarKeys: keys, into: &lines) }
        } else if elements.contains(where: \.isArray) {
            let scalars = elements.filter { !$0.isObject && !$0.isArray }
            if !scalars.isEmpty { formatScalars(scalars, identifier: identifier, into: &lines) }
            for element in elements where element.isObject || element.isArray {
                format(element, identifier: identifier, scalarKeys: nil, into: &lines)
            }
        } else {
            formatScalars(elements, identifier: identifier, into: &lines)
        }
    }

    private static func formatScalars(_ elements: [JSONValue], identifier: String?, into lines: inout [String]) {
        if let identifier {
            elements.forEach { lines.append(identifier.uppercased() + "\t" + scalar($0)) }
        } else {
            lines.append(elements.map(scalar).joined(separator: "\t"))
        }
    }

    private static func formatObject(_ members: [String: JSONValue], identifier: String?, scalarKeys: [String]?,
                                     into lines: inout [String]) {
        var scalars: [String] = []
        var nested: [(String, JSONValue)] = []
        if let scalarKeys {
            scalars = scalarKeys.map { members[$0].map(scalar) ?? "" }
            nested = members.keys.filter { !scalarKeys.contains($0) }.sorted().map { ($0, members[$0] ?? .null) }
        } else {
            for key in members.keys.sorted() {
                let member = members[key] ?? .null
                if member.isObject || member.isArray { nested.append((key, member)) } else { scalars.append(scalar(member)) }
            }
        }
        if !scalars.isEmpty {
            lines.append(((identifier.map { [$0.uppercased()] } ?? []) + scalars).joined(separator: "\t"))
        }
        nested.forEach { format($0.1, identifier: $0.0, scalarKeys: nil, into: &lines) }
    }

    /// Every member name with a scalar value in any of the objects, sorted.
    private static func allScalarKeys(_ elements: [JSONValue]) -> [String] {
        var keys: Set<String> = []
        for case .object(let members) in elements {
            for (key, value) in members where !value.isObject && !value.isArray { keys.insert(key) }
        }
        return keys.sorted()
    }

    /// A scalar as Python's `str()` writes it: `True`, `None`, `42`, `1.5`.
    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "True" : "False"
        case .null: return "None"
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .array, .object: return ""
        }
    }
}

private extension JSONValue {
    var isObject: Bool { if case .object = self { return true } else { return false } }
    var isArray: Bool { if case .array = self { return true } else { return false } }
}
