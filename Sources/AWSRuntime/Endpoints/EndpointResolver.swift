import Foundation

/// Anything that turns endpoint parameters into an endpoint.
///
/// Generated clients depend on this protocol rather than on `EndpointRuleEvaluator`, so tests can substitute a
/// fixed endpoint.
public protocol EndpointResolver: Sendable {
    /// Resolves the endpoint for one request's parameters.
    ///
    /// - Throws: `EndpointError`, including `.ruleSetError` when the rules reject the parameters.
    func resolve(_ parameters: EndpointParameters) throws -> ResolvedEndpoint
}
