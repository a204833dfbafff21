import Foundation

/// One parameter declared by a rule set, such as `Region` bound to `AWS::Region`.
public struct EndpointParameterDefinition: Sendable, Equatable {
    /// The type of value a parameter holds.
    public enum ValueType: String, Sendable, Equatable {
        /// A string (`"String"` or `"string"` in rule sets).
        case string
        /// A boolean (`"Boolean"` or `"boolean"`).
        case boolean
        /// A list of strings (`"stringArray"`).
        case stringArray

        /// Reads a rule-set type name; rule sets spell them with either capitalisation.
        init?(ruleSetName: String) {
            switch ruleSetName.lowercased() {
            case "string": self = .string
            case "boolean": self = .boolean
            case "stringarray": self = .stringArray
            default: return nil
            }
        }

        /// Whether `value` has this type.
        func accepts(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.string, .string), (.boolean, .bool): return true
            case (.stringArray, .array(let elements)): return elements.allSatisfy { $0.stringValue != nil }
            default: return false
            }
        }
    }

    /// The parameter name, used by `ref` expressions and templates.
    public var name: String
    /// The parameter's type.
    public var type: ValueType
    /// The built-in the SDK fills this parameter from, if any.
    public var builtIn: EndpointBuiltIn?
    /// Whether resolution fails when the parameter ends up unset.
    public var isRequired: Bool
    /// The value used when neither the caller nor a built-in sets the parameter.
    public var defaultValue: JSONValue?
    /// Human-readable documentation from the rule set.
    public var documentation: String?
    /// The deprecation message, when the rule set deprecates the parameter.
    public var deprecationMessage: String?

    /// Creates a parameter definition.
    public init(
        name: String,
        type: ValueType,
        builtIn: EndpointBuiltIn? = nil,
        isRequired: Bool = false,
        defaultValue: JSONValue? = nil,
        documentation: String? = nil,
        deprecationMessage: String? = nil
    ) {
        self.name = name
        self.type = type
        self.builtIn = builtIn
        self.isRequired = isRequired
        self.defaultValue = defaultValue
        self.documentation = documentation
        self.deprecationMessage = deprecationMessage
    }
}
