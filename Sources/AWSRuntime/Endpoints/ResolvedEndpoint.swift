import Foundation

/// The endpoint a rule set chose for one set of parameters.
public struct ResolvedEndpoint: Sendable, Equatable {
    /// The endpoint URL as the rule set wrote it, for example `https://api.ecr-public.us-east-1.amazonaws.com`.
    public var url: String
    /// Headers the request must carry, each with its values in rule-set order.
    public var headers: [String: [String]]
    /// Free-form properties of the endpoint, such as `authSchemes` (signing name, region and scheme).
    public var properties: [String: JSONValue]

    /// Creates a resolved endpoint.
    public init(url: String, headers: [String: [String]] = [:], properties: [String: JSONValue] = [:]) {
        self.url = url
        self.headers = headers
        self.properties = properties
    }

    /// The URL parsed by Foundation, or `nil` when Foundation cannot represent it.
    public var foundationURL: URL? { URL(string: url) }
}
