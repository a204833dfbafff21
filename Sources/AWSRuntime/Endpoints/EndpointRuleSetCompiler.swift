import Foundation

/// Turns a rule-set JSON document into the compiled rule tree, checking the grammar as it goes.
///
/// Every `ref` and template placeholder is resolved against the names in scope at that point (the parameters plus
/// names `assign`ed by earlier conditions of the same rule or its ancestors). This is what lets evaluation keep
/// variables in fixed slots: a slot is only ever read on a path where it was just written.
struct EndpointRuleSetCompiler {
    /// The result of compiling a rule set.
    struct Output {
        let version: String?
        let parameters: [EndpointParameterDefinition]
        let rules: [EndpointRule]
        let slotCount: Int
    }

    private var slotByName: [String: Int] = [:]
    private var parameterNames: Set<String> = []

    /// Compiles a whole rule-set document.
    static func compile(_ document: JSONValue) throws -> Output {
        var compiler = EndpointRuleSetCompiler()
        return try compiler.compileRuleSet(document)
    }

    private mutating func compileRuleSet(_ document: JSONValue) throws -> Output {
        let root = try object(document, at: "$")
        let version = root["version"]?.stringValue
        let parameterMembers = try object(root["parameters"] ?? .object([:]), at: "$.parameters")
        // Sorted so slot numbers and the public parameter list do not depend on dictionary order.
        var parameters: [EndpointParameterDefinition] = []
        for name in parameterMembers.keys.sorted() {
            let definition = try compileParameter(name, parameterMembers[name] ?? .null, at: "$.parameters.\(name)")
            slotByName[name] = parameters.count
            parameterNames.insert(name)
            parameters.append(definition)
        }
        guard let ruleValues = root["rules"]?.arrayValue else {
            throw EndpointError.invalidRuleSet(path: "$.rules", reason: "expected an array of rules")
        }
        let rules = try compileRules(ruleValues, scope: parameterNames, at: "$.rules")
        return Output(version: version, parameters: parameters, rules: rules, slotCount: slotByName.count)
    }

    private func compileParameter(_ name: String, _ value: JSONValue, at path: String) throws
        -> EndpointParameterDefinition
    {
        let members = try object(value, at: path)
        let typeName = members["type"]?.stringValue ?? ""
        guard let type = EndpointParameterDefinition.ValueType(ruleSetName: typeName) else {
            throw EndpointError.invalidRuleSet(path: "\(path).type", reason: "unknown parameter type '\(typeName)'")
        }
        let defaultValue = members["default"]
        if let defaultValue, !type.accepts(defaultValue) {
            throw EndpointError.invalidRuleSet(
                path: "\(path).default", reason: "default \(defaultValue.jsonText) is not a \(type.rawValue)")
        }
        return EndpointParameterDefinition(
            name: name,
            type: type,
            builtIn: members["builtIn"]?.stringValue.map(EndpointBuiltIn.init(rawValue:)),
            isRequired: members["required"]?.boolValue ?? false,
            defaultValue: defaultValue,
            documentation: members["documentation"]?.stringValue,
            deprecationMessage: members["deprecated"]?["message"]?.stringValue
        )
    }

    private mutating func compileRules(_ values: [JSONValue], scope: Set<String>, at path: String) throws
        -> [EndpointRule]
    {
        try values.enumerated().map { index, value in
            try compileRule(value, scope: scope, at: "\(path)[\(index)]")
        }
    }

    private mutating func compileRule(_ value: JSONValue, scope: Set<String>, at path: String) throws
        -> EndpointRule
    {
        let members = try object(value, at: path)
        var scope = scope
        var conditions: [EndpointCondition] = []
        for (index, condition) in (members["conditions"]?.arrayValue ?? []).enumerated() {
            conditions.append(try compileCondition(condition, scope: &scope, at: "\(path).conditions[\(index)]"))
        }
        let outcome: EndpointRule.Outcome
        switch members["type"]?.stringValue {
        case "endpoint":
            let endpoint = try object(members["endpoint"] ?? .null, at: "\(path).endpoint")
            outcome = .endpoint(try compileEndpoint(endpoint, scope: scope, at: "\(path).endpoint"))
        case "error":
            guard let message = members["error"] else {
                throw EndpointError.invalidRuleSet(path: "\(path).error", reason: "an error rule needs a message")
            }
            outcome = .error(try compileExpression(message, scope: scope, at: "\(path).error"))
        case "tree":
            guard let children = members["rules"]?.arrayValue else {
                throw EndpointError.invalidRuleSet(path: "\(path).rules", reason: "a tree rule needs a rules array")
            }
            outcome = .tree(try compileRules(children, scope: scope, at: "\(path).rules"))
        case let other:
            throw EndpointError.invalidRuleSet(
                path: "\(path).type", reason: "unknown rule type '\(other ?? "(missing)")'")
        }
        return EndpointRule(conditions: conditions, outcome: outcome, path: path)
    }

    private mutating func compileCondition(_ value: JSONValue, scope: inout Set<String>, at path: String)
        throws -> EndpointCondition
    {
        let members = try object(value, at: path)
        guard members["fn"] != nil else {
            throw EndpointError.invalidRuleSet(path: path, reason: "a condition must be a function call")
        }
        let expression = try compileExpression(value, scope: scope, at: path)
        guard let name = members["assign"] else { return EndpointCondition(expression: expression, assignment: nil) }
        guard let name = name.stringValue, !name.isEmpty else {
            throw EndpointError.invalidRuleSet(path: "\(path).assign", reason: "assign must be a non-empty string")
        }
        guard !scope.contains(name) else {
            throw EndpointError.invalidRuleSet(
                path: "\(path).assign", reason: "'\(name)' is already defined and cannot be reassigned")
        }
        scope.insert(name)
        return EndpointCondition(expression: expression, assignment: variable(named: name))
    }

    private func compileEndpoint(_ members: [String: JSONValue], scope: Set<String>, at path: String) throws
        -> EndpointTemplateDefinition
    {
        guard let url = members["url"] else {
            throw EndpointError.invalidRuleSet(path: "\(path).url", reason: "an endpoint needs a url")
        }
        var headers: [String: [EndpointExpression]] = [:]
        for (name, values) in try object(members["headers"] ?? .object([:]), at: "\(path).headers") {
            guard let values = values.arrayValue else {
                throw EndpointError.invalidRuleSet(
                    path: "\(path).headers.\(name)", reason: "header values must be an array")
            }
            headers[name] = try values.enumerated().map { index, value in
                try compileExpression(value, scope: scope, at: "\(path).headers.\(name)[\(index)]")
            }
        }
        var properties: [String: EndpointExpression] = [:]
        for (name, value) in try object(members["properties"] ?? .object([:]), at: "\(path).properties") {
            properties[name] = try compileExpression(value, scope: scope, at: "\(path).properties.\(name)")
        }
        return EndpointTemplateDefinition(
            url: try compileExpression(url, scope: scope, at: "\(path).url"),
            headers: headers,
            properties: properties
        )
    }

    /// Compiles any expression: literals, template strings, `ref`s, function calls, and arrays or objects of them.
    private func compileExpression(_ value: JSONValue, scope: Set<String>, at path: String) throws
        -> EndpointExpression
    {
        switch value {
        case .null, .bool, .number:
            return .literal(value)
        case .string(let text):
            return try compileTemplate(text, scope: scope, at: path)
        case .array(let elements):
            let compiled = try elements.enumerated().map { index, element in
                try compileExpression(element, scope: scope, at: "\(path)[\(index)]")
            }
            return Self.foldedArray(compiled)
        case .object(let members):
            if let reference = members["ref"] {
                guard let name = reference.stringValue else {
                    throw EndpointError.invalidRuleSet(path: "\(path).ref", reason: "ref must be a string")
                }
                return .variable(try resolve(name, scope: scope, at: "\(path).ref"))
            }
            if let function = members["fn"] {
                return try compileCall(function, members["argv"], scope: scope, at: path)
            }
            var compiled: [String: EndpointExpression] = [:]
            for (key, member) in members {
                compiled[key] = try compileExpression(member, scope: scope, at: "\(path).\(key)")
            }
            return Self.foldedObject(compiled)
        }
    }

    private func compileCall(
        _ function: JSONValue, _ argv: JSONValue?, scope: Set<String>, at path: String
    ) throws -> EndpointExpression {
        guard let name = function.stringValue else {
            throw EndpointError.invalidRuleSet(path: "\(path).fn", reason: "fn must be a string")
        }
        guard let argumentValues = argv?.arrayValue else {
            throw EndpointError.invalidRuleSet(path: "\(path).argv", reason: "\(name) needs an argv array")
        }
        let resolved: EndpointFunction
        var argumentValuesToCompile = argumentValues
        if name == "getAttr" {
            // The path is a literal in the grammar; parsing it here keeps string parsing out of evaluation.
            guard argumentValues.count == 2, let pathText = argumentValues[1].stringValue else {
                throw EndpointError.invalidRuleSet(
                    path: "\(path).argv", reason: "getAttr takes a value and a literal path string")
            }
            guard let attributePath = EndpointAttributePath(pathText) else {
                throw EndpointError.invalidRuleSet(
                    path: "\(path).argv[1]", reason: "'\(pathText)' is not a valid getAttr path")
            }
            resolved = .getAttr(attributePath)
            argumentValuesToCompile = [argumentValues[0]]
        } else {
            guard let function = EndpointFunction(name: name) else {
                throw EndpointError.invalidRuleSet(path: "\(path).fn", reason: "unknown function '\(name)'")
            }
            guard argumentValues.count == function.arity else {
                throw EndpointError.invalidRuleSet(
                    path: "\(path).argv",
                    reason: "\(name) takes \(function.arity) argument(s), got \(argumentValues.count)")
            }
            resolved = function
        }
        let arguments = try argumentValuesToCompile.enumerated().map { index, argument in
            try compileExpression(argument, scope: scope, at: "\(path).argv[\(index)]")
        }
        return .call(resolved, arguments)
    }

    private func compileTemplate(_ text: String, scope: Set<String>, at path: String) throws -> EndpointExpression {
        do {
            let template = try EndpointTemplate.parse(text) { placeholder in
                try resolve(placeholder.name, scope: scope, at: path)
            }
            if let constant = template.constantText { return .literal(.string(constant)) }
            return .template(template)
        } catch let error as EndpointTemplate.SyntaxError {
            let reason: String
            switch error {
            case .unclosedPlaceholder: reason = "template '\(text)' has an unclosed '{'"
            case .emptyPlaceholder: reason = "template '\(text)' has an empty placeholder"
            case .invalidPath(let body): reason = "template placeholder '{\(body)}' has an invalid path"
            }
            throw EndpointError.invalidRuleSet(path: path, reason: reason)
        }
    }

    private func resolve(_ name: String, scope: Set<String>, at path: String) throws -> EndpointVariable {
        guard scope.contains(name), let slot = slotByName[name] else {
            throw EndpointError.invalidRuleSet(
                path: path, reason: "'\(name)' is not a parameter or a name assigned earlier on this rule's path")
        }
        return EndpointVariable(name: name, slot: slot)
    }

    private mutating func variable(named name: String) -> EndpointVariable {
        if let slot = slotByName[name] { return EndpointVariable(name: name, slot: slot) }
        let slot = slotByName.count
        slotByName[name] = slot
        return EndpointVariable(name: name, slot: slot)
    }

    private func object(_ value: JSONValue, at path: String) throws -> [String: JSONValue] {
        guard let members = value.objectValue else {
            throw EndpointError.invalidRuleSet(path: path, reason: "expected an object, found \(value.kindName)")
        }
        return members
    }

    /// An array whose elements are all literals becomes one literal, so properties such as `authSchemes` cost
    /// nothing to evaluate.
    private static func foldedArray(_ elements: [EndpointExpression]) -> EndpointExpression {
        var literals: [JSONValue] = []
        for element in elements {
            guard case .literal(let value) = element else { return .array(elements) }
            literals.append(value)
        }
        return .literal(.array(literals))
    }

    private static func foldedObject(_ members: [String: EndpointExpression]) -> EndpointExpression {
        var literals: [String: JSONValue] = [:]
        for (key, member) in members {
            guard case .literal(let value) = member else { return .object(members) }
            literals[key] = value
        }
        return .literal(.object(literals))
    }
}
