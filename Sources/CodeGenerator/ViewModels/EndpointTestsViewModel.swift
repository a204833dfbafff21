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

    /// A case with `operationInputs`, run through the generated operation itself: the client built from the
    /// case's built-ins, the operation called with its input, and the URL the request goes to compared (or the
    /// endpoint error the call throws).
    struct OperationCase {
        let methodName: String
        let documentation: String
        /// Arguments of `EndpointTestClient.configuration(…)`.
        let configurationArguments: String
        /// `client.listTables(ListTablesInput(…))`.
        let callStatement: String
        let expectsError: Bool
        let errorLiteral: String
        /// The expected request URL: the endpoint with the operation's path `/`.
        let requestURLLiteral: String
        /// Why the case cannot run here, when it cannot.
        let skipReason: String?
    }

    let service: ServiceViewModel
    let testClassName: String
    let cases: [TestCase]
    let operationCases: [OperationCase]
    let hasOperationCases: Bool

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
        var operationCases: [OperationCase] = []
        let operations = Dictionary(context.operations.map { ($0.id.name, $0) }, uniquingKeysWith: { first, _ in first })
        let builder = ValueExpressionBuilder(context: context, recursion: context.recursion)
        // Built-in → the rule-set parameter it feeds, e.g. `AWS::S3::ForcePathStyle` → `ForcePathStyle`.
        var parameterNames: [String: String] = [:]
        for (name, definition) in ((context.service.traits.endpointRuleSet ?? context.options.endpointRuleSet)?["parameters"]?.objectValue ?? JSONObject()).entries {
            if let builtIn = definition["builtIn"]?.stringValue { parameterNames[builtIn] = name }
        }
        // One view per operation, built once: S3's rule tests call the same few operations hundreds of times.
        var views: [String: OperationViewModel] = [:]
        for (index, node) in testCases.enumerated() {
            for (inputIndex, input) in (node["operationInputs"]?.arrayValue ?? []).enumerated() {
                guard let name = input["operationName"]?.stringValue, let operation = operations[name] else { continue }
                let view = views[name] ?? OperationViewModel(operation: operation, context: context, recursion: context.recursion)
                views[name] = view
                operationCases.append(Self.operationCase(
                    node: node, input: input, operation: operation, view: view, caseNumber: index + 1,
                    inputNumber: inputIndex + 1, context: context, builder: builder, parameterNames: parameterNames))
            }
        }
        self.operationCases = operationCases
        hasOperationCases = !operationCases.isEmpty
    }

    /// A `JSONValue` literal of a parameter value (strings, booleans, lists of strings).
    private static func jsonValueLiteral(_ node: JSONNode) -> String {
        switch node {
        case .string(let text): return ".string(\(SwiftLiteral.string(text)))"
        case .bool(let flag): return ".bool(\(flag))"
        case .array(let items): return ".array([" + items.map(jsonValueLiteral).joined(separator: ", ") + "])"
        default: return ".null"
        }
    }

    /// The built-ins a client configuration can set.
    private static let supportedBuiltIns: Set<String> = [
        "AWS::Region", "AWS::UseFIPS", "AWS::UseDualStack", "SDK::Endpoint", "AWS::Auth::AccountId",
        "AWS::Auth::AccountIdEndpointMode", "AWS::STS::UseGlobalEndpoint",
    ]

    private static func operationCase(node: JSONNode, input: JSONNode, operation: Shape, view: OperationViewModel,
                                      caseNumber: Int, inputNumber: Int, context: ServiceContext,
                                      builder: ValueExpressionBuilder, parameterNames: [String: String])
        -> OperationCase
    {
        let builtIns = input["builtInParams"]?.objectValue ?? JSONObject()
        var skipReason: String?
        // Other built-ins (`AWS::S3::ForcePathStyle`, …) and client context parameters are set by the name of
        // the rule-set parameter they feed, through `endpointParameters`.
        var parameters: [String: JSONNode] = [:]
        for (key, value) in builtIns.entries where !supportedBuiltIns.contains(key) {
            guard let name = parameterNames[key] else {
                skipReason = "the rule set has no parameter for the built-in \(key)"
                continue
            }
            parameters[name] = value
        }
        for (key, value) in (input["clientParams"]?.objectValue ?? JSONObject()).entries { parameters[key] = value }
        func string(_ key: String) -> String { builtIns[key]?.stringValue.map(SwiftLiteral.string) ?? "nil" }
        func bool(_ key: String) -> String { builtIns[key]?.boolValue.map { $0 ? "true" : "false" } ?? "nil" }
        let configuration = "region: \(string("AWS::Region")), useFIPS: \(bool("AWS::UseFIPS")), "
            + "useDualStack: \(bool("AWS::UseDualStack")), endpointURL: \(string("SDK::Endpoint")), "
            + "accountID: \(string("AWS::Auth::AccountId")), accountIDEndpointMode: \(string("AWS::Auth::AccountIdEndpointMode")), "
            + "stsUseGlobalEndpoint: \(bool("AWS::STS::UseGlobalEndpoint"))"
            + (parameters.isEmpty ? "" : ", endpointParameters: [" + parameters.keys.sorted().map { key in
                "\(SwiftLiteral.string(key)): \(Self.jsonValueLiteral(parameters[key] ?? .null))"
            }.joined(separator: ", ") + "]")

        var argument = ""
        if view.hasInput, let inputShape = operation.input.flatMap({ context.model.shape($0) }) {
            do {
                argument = try builder.structure(inputShape, values: input["operationParams"]?.objectValue ?? JSONObject())
            } catch {
                skipReason = "its operationParams cannot be written as \(view.inputType): \(error.reason)"
                argument = ""
            }
        }
        let call = skipReason == nil ? "client.\(view.methodName)(\(argument))" : ""
        let expect = node["expect"]
        let url = expect?["endpoint"]?["url"]?.stringValue ?? ""
        let documentation = node["documentation"]?.stringValue ?? "case \(caseNumber)"
        return OperationCase(
            methodName: "test\(String(format: "%03d", caseNumber))_\(inputNumber)_\(view.methodName.trimmingCharacters(in: "`"))",
            documentation: DocComment.inline("\(operation.id.name): \(documentation)"),
            configurationArguments: configuration, callStatement: call,
            expectsError: expect?["error"] != nil,
            errorLiteral: SwiftLiteral.string(expect?["error"]?.stringValue ?? ""),
            requestURLLiteral: SwiftLiteral.string(url.hasSuffix("/") ? url : url + "/"),
            skipReason: skipReason.map(SwiftLiteral.string))
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
