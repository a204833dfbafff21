import Foundation

// The compiled form of a rule set. Names are resolved to slot numbers and strings to template parts when the rule
// set loads, so evaluating a request never looks at JSON or parses text.

/// An expression: a literal, a template string, a variable reference, a function call or a literal array/object.
indirect enum EndpointExpression: Sendable {
    case literal(JSONValue)
    case template(EndpointTemplate)
    case variable(EndpointVariable)
    case call(EndpointFunction, [EndpointExpression])
    case array([EndpointExpression])
    case object([String: EndpointExpression])
}

/// A parameter or `assign`ed name, bound to the slot that holds its value during one evaluation.
struct EndpointVariable: Sendable {
    let name: String
    let slot: Int
}

/// A rule condition: a function call whose result must be set and not `false`, optionally stored in a variable.
struct EndpointCondition: Sendable {
    let expression: EndpointExpression
    let assignment: EndpointVariable?
}

/// The endpoint an endpoint rule produces, before evaluation.
struct EndpointTemplateDefinition: Sendable {
    let url: EndpointExpression
    let headers: [String: [EndpointExpression]]
    let properties: [String: EndpointExpression]
}

/// One rule: when every condition holds, its outcome decides the result.
struct EndpointRule: Sendable {
    /// What a matching rule does.
    enum Outcome: Sendable {
        case endpoint(EndpointTemplateDefinition)
        case error(EndpointExpression)
        /// Evaluates child rules in order; a tree whose conditions match is terminal even if no child matches.
        case tree([EndpointRule])
    }

    let conditions: [EndpointCondition]
    let outcome: Outcome
    /// The JSON path of the rule, for error messages.
    let path: String
}
