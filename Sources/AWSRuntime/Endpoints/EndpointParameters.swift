import Foundation

/// The inputs to one endpoint resolution: values for rule-set parameters by name, and values for built-ins
/// (`AWS::Region`, …) by built-in identifier.
///
/// A parameter takes its value from, in order: `values[name]`, the built-in it is bound to, its default.
public struct EndpointParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Values keyed by rule-set parameter name, for example `"Region"` or `"ResourceArn"`.
    public var values: [String: JSONValue]
    /// Values keyed by built-in, used for any parameter bound to that built-in and not set by name.
    public var builtIns: [EndpointBuiltIn: JSONValue]

    /// Creates empty parameters, to be filled through the subscripts.
    public init() {
        self.init([:], builtIns: [:])
    }

    /// Creates parameters from values by name and by built-in.
    public init(_ values: [String: JSONValue], builtIns: [EndpointBuiltIn: JSONValue] = [:]) {
        self.values = values
        self.builtIns = builtIns
    }

    /// Creates parameters from the common AWS built-ins; `nil` leaves a built-in unset.
    public init(region: String?, useFIPS: Bool? = nil, useDualStack: Bool? = nil, endpoint: String? = nil) {
        self.init([:], builtIns: [:])
        builtIns[.region] = region.map(JSONValue.string)
        builtIns[.useFIPS] = useFIPS.map(JSONValue.bool)
        builtIns[.useDualStack] = useDualStack.map(JSONValue.bool)
        builtIns[.endpoint] = endpoint.map(JSONValue.string)
    }

    /// Creates parameters from `["Region": "us-east-1", "UseFIPS": false]`.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The value set for the parameter called `name`; assigning `nil` unsets it.
    public subscript(name: String) -> JSONValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The value set for `builtIn`; assigning `nil` unsets it.
    public subscript(builtIn: EndpointBuiltIn) -> JSONValue? {
        get { builtIns[builtIn] }
        set { builtIns[builtIn] = newValue }
    }

    /// A copy with the parameter called `name` set to `value`, for chaining.
    public func setting(_ name: String, to value: JSONValue?) -> EndpointParameters {
        var copy = self
        copy.values[name] = value
        return copy
    }

    /// A copy with `builtIn` set to `value`, for chaining.
    public func setting(_ builtIn: EndpointBuiltIn, to value: JSONValue?) -> EndpointParameters {
        var copy = self
        copy.builtIns[builtIn] = value
        return copy
    }
}
