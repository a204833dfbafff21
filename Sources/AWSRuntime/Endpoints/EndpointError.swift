import Foundation

/// Why an endpoint rule set could not be loaded or could not resolve an endpoint.
public enum EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule set chose an `error` rule; `message` is the rule's (templated) message, meant for the user.
    case ruleSetError(message: String)
    /// The rule set JSON is well formed but breaks the rules-engine grammar at `path` (a JSON path such as
    /// `$.rules[2].conditions[0].fn`).
    case invalidRuleSet(path: String, reason: String)
    /// The input is not JSON at all.
    case invalidJSON(reason: String)
    /// A parameter marked `required` has no value, default or built-in value.
    case missingRequiredParameter(name: String)
    /// A parameter was given a value of the wrong type (for example a string for a `Boolean` parameter).
    case invalidParameterType(name: String, expected: String, actual: String)
    /// Every rule's conditions failed (or a matching tree rule had no matching child), so no endpoint was chosen.
    case noMatchingRule(path: String)
    /// A rule matched but its endpoint could not be built, for example a template referenced an unset value.
    case evaluationFailed(path: String, reason: String)

    /// A message that names what went wrong and where.
    public var description: String {
        switch self {
        case .ruleSetError(let message):
            message
        case .invalidRuleSet(let path, let reason):
            "Invalid endpoint rule set at \(path): \(reason)"
        case .invalidJSON(let reason):
            "Endpoint rule set is not valid JSON: \(reason)"
        case .missingRequiredParameter(let name):
            "Missing required endpoint parameter '\(name)'"
        case .invalidParameterType(let name, let expected, let actual):
            "Endpoint parameter '\(name)' must be a \(expected), got a \(actual)"
        case .noMatchingRule(let path):
            "No endpoint rule matched (rules exhausted at \(path))"
        case .evaluationFailed(let path, let reason):
            "Endpoint rule at \(path) failed to evaluate: \(reason)"
        }
    }
}
