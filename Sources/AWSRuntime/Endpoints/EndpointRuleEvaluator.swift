import Foundation

/// Resolves endpoints by evaluating a rule set, as every AWS SDK does for each request.
///
/// ```swift
/// let evaluator = EndpointRuleEvaluator(ruleSet: try EndpointRuleSet(jsonString: ruleSetJSON))
/// let endpoint = try evaluator.resolve(EndpointParameters(region: "us-west-2"))
/// ```
public struct EndpointRuleEvaluator: EndpointResolver {
    /// The rule set being evaluated.
    public let ruleSet: EndpointRuleSet
    /// The partitions `aws.partition` looks regions up in.
    public let partitions: AWSPartitionTable

    /// Creates an evaluator for a loaded rule set, resolving regions with `partitions`.
    public init(ruleSet: EndpointRuleSet, partitions: AWSPartitionTable = .standard) {
        self.ruleSet = ruleSet
        self.partitions = partitions
    }

    /// Evaluates the rule set for `parameters`.
    ///
    /// - Throws: `EndpointError.ruleSetError` when an `error` rule matches,
    ///   `.missingRequiredParameter` / `.invalidParameterType` for bad input, `.noMatchingRule` when nothing matches.
    public func resolve(_ parameters: EndpointParameters) throws -> ResolvedEndpoint {
        var evaluation = EndpointEvaluation(slots: try boundSlots(for: parameters), partitions: partitions)
        return try evaluation.evaluate(ruleSet.rules, path: "$.rules")
    }

    /// Fills each parameter's slot from, in order, the value set by name, its built-in, its default.
    private func boundSlots(for parameters: EndpointParameters) throws -> [JSONValue?] {
        var slots = [JSONValue?](repeating: nil, count: ruleSet.slotCount)
        for (slot, definition) in ruleSet.parameters.enumerated() {
            var value = parameters.values[definition.name]
            if value == nil, let builtIn = definition.builtIn { value = parameters.builtIns[builtIn] }
            // An explicit JSON null means "not set", as in endpoint test cases.
            if value == .null { value = nil }
            if value == nil { value = definition.defaultValue }
            guard let value else {
                if definition.isRequired { throw EndpointError.missingRequiredParameter(name: definition.name) }
                continue
            }
            guard definition.type.accepts(value) else {
                throw EndpointError.invalidParameterType(
                    name: definition.name, expected: definition.type.rawValue, actual: value.kindName)
            }
            slots[slot] = value
        }
        return slots
    }
}
