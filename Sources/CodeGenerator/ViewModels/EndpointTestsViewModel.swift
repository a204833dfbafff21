import SmithyModel

/// The model's `smithy.rules#endpointTests`, as XCTest cases against the generated metadata's rule set.
struct EndpointTestsViewModel {
    struct TestCase {
        let methodName: String
        let documentation: String
        let parameters: String
        let expectsError: Bool
        let errorLiteral: String
        let urlLiteral: String
        let headersLiteral: String
        let propertiesLiteral: String
    }

    let service: ServiceViewModel
    let testClassName: String
    let cases: [TestCase]

    init?(context: ServiceContext, service: ServiceViewModel) {
        guard let testCases = context.service.traits.endpointTests?["testCases"]?.arrayValue, !testCases.isEmpty else {
            return nil
        }
        self.service = service
        testClassName = service.serviceName + "EndpointRuleTests"
        cases = testCases.enumerated().map { index, node in
            let documentation = node["documentation"]?.stringValue ?? "case \(index + 1)"
            let expect = node["expect"]
            let endpoint = expect?["endpoint"]
            return TestCase(
                methodName: "test\(String(format: "%03d", index + 1))_" + Self.identifier(documentation),
                documentation: DocComment.inline(documentation),
                parameters: EndpointLiteral.dictionary(node["params"]?.objectValue),
                expectsError: expect?["error"] != nil,
                errorLiteral: SwiftLiteral.string(expect?["error"]?.stringValue ?? ""),
                urlLiteral: SwiftLiteral.string(endpoint?["url"]?.stringValue ?? ""),
                headersLiteral: EndpointLiteral.headers(endpoint?["headers"]?.objectValue),
                propertiesLiteral: EndpointLiteral.dictionary(endpoint?["properties"]?.objectValue))
        }
    }

    /// `For region ap-south-1 with FIPS enabled` → `ForRegionApSouth1WithFIPSEnabled`, at most 80 characters.
    private static func identifier(_ text: String) -> String {
        let words = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return String(words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined().prefix(80))
    }
}

/// Swift literals of endpoint values (`JSONValue` is expressible by every JSON literal).
enum EndpointLiteral {
    static func value(_ node: JSONNode) -> String {
        switch node {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return SwiftLiteral.string(text)
        case .array(let elements): return "[" + elements.map(value).joined(separator: ", ") + "]"
        case .object(let object): return dictionary(object)
        }
    }

    static func dictionary(_ object: JSONObject?) -> String {
        guard let object, !object.isEmpty else { return "[:]" }
        return "[" + object.entries.map { "\(SwiftLiteral.string($0.key)): \(value($0.value))" }.joined(separator: ", ") + "]"
    }

    static func headers(_ object: JSONObject?) -> String {
        guard let object, !object.isEmpty else { return "[:]" }
        return "[" + object.entries.map { entry in
            let values = entry.value.arrayValue?.compactMap(\.stringValue).map(SwiftLiteral.string) ?? []
            return "\(SwiftLiteral.string(entry.key)): [\(values.joined(separator: ", "))]"
        }.joined(separator: ", ") + "]"
    }
}
