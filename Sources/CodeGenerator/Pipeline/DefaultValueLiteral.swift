import SmithyModel

/// The Swift expression for a member's `default` value, typed to the member's target.
enum DefaultValueLiteral {
    static func expression(for value: JSONNode, target: Shape, context: ServiceContext) -> String? {
        switch (target.type, value) {
        case (.boolean, .bool(let flag)):
            return flag ? "true" : "false"
        case (.byte, .number(let text)), (.short, .number(let text)), (.integer, .number(let text)),
             (.long, .number(let text)):
            // Re-emitted from the parsed value: `1e3` is a valid JSON integer but not a Swift `Int` literal.
            return NumberBounds.integerValue(text).map { String($0) }
        case (.float, .number(let text)), (.double, .number(let text)):
            return Double(text).flatMap { $0.isFinite ? text : nil }
        case (.bigInteger, .number(let text)), (.bigDecimal, .number(let text)):
            return "Decimal(string: \(SwiftLiteral.string(text))) ?? 0"
        case (.string, .string(let text)) where target.traits.legacyEnumDefinitions != nil:
            return enumCase(for: text, in: target, context: context)
        case (.string, .string(let text)):
            return SwiftLiteral.string(text)
        case (.enum, .string(let text)):
            return enumCase(for: text, in: target, context: context)
        case (.intEnum, .number(let text)):
            return enumCase(for: text, in: target, context: context)
        case (.timestamp, .number(let text)):
            return "Date(timeIntervalSince1970: \(text))"
        case (.timestamp, .string(let text)):
            return "AWSJSONCoding.timestamp(\(SwiftLiteral.string(text)))"
        case (.blob, .string(let text)):
            let data = text.isEmpty ? "Data()" : "Data(base64Encoded: \(SwiftLiteral.string(text))) ?? Data()"
            guard context.isStreamedBlob(target) else { return data }
            return text.isEmpty ? "ByteStream()" : "ByteStream(\(data))"
        case (.list, .array), (.set, .array):
            return "[]"
        case (.map, .object):
            return "[:]"
        case (.document, _):
            return jsonValue(value)
        default:
            return nil
        }
    }

    private static func enumCase(for raw: String, in shape: Shape, context: ServiceContext) -> String? {
        let cases = EnumCaseNaming.cases(of: shape)
        guard let match = cases.first(where: { $0.rawValue == raw }) else { return nil }
        return ".\(match.caseName)"
    }

    private static func jsonValue(_ node: JSONNode) -> String {
        switch node {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return "JSONValue.number(\(text))"
        case .string(let text): return "JSONValue.string(\(SwiftLiteral.string(text)))"
        case .array(let elements): return "JSONValue.array([" + elements.map(jsonValue).joined(separator: ", ") + "])"
        case .object(let object):
            if object.isEmpty { return "JSONValue.object([:])" }
            return "JSONValue.object([" + object.entries.map { "\(SwiftLiteral.string($0.key)): \(jsonValue($0.value))" }
                .joined(separator: ", ") + "])"
        }
    }
}
