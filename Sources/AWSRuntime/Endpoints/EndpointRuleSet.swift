import Foundation

/// A parsed and validated `smithy.rules#endpointRuleSet`, ready to be evaluated many times.
///
/// Loading does all the string work once: JSON parsing, template and `getAttr` path parsing, name resolution and
/// grammar checks. A rule set that loads cannot fail evaluation because of its own structure.
public struct EndpointRuleSet: Sendable {
    /// The rule-set `version`, such as `"1.0"`, when present.
    public let version: String?
    /// The declared parameters, sorted by name.
    public let parameters: [EndpointParameterDefinition]

    let rules: [EndpointRule]
    /// Parameters occupy slots `0..<parameters.count`; `assign`ed names follow.
    let slotCount: Int

    /// Loads a rule set from its JSON document (the value of the `smithy.rules#endpointRuleSet` trait).
    ///
    /// - Throws: `EndpointError.invalidRuleSet` naming the JSON path of the first problem.
    public init(document: JSONValue) throws {
        let compiled = try EndpointRuleSetCompiler.compile(document)
        version = compiled.version
        parameters = compiled.parameters
        rules = compiled.rules
        slotCount = compiled.slotCount
    }

    /// Loads a rule set from JSON data.
    ///
    /// - Throws: `EndpointError.invalidJSON` or `EndpointError.invalidRuleSet`.
    public init(json: Data) throws {
        try self.init(document: JSONValue(json: json))
    }

    /// Loads a rule set from JSON text, as generated clients embed it.
    ///
    /// - Throws: `EndpointError.invalidJSON` or `EndpointError.invalidRuleSet`.
    public init(jsonString: String) throws {
        try self.init(json: Data(jsonString.utf8))
    }

    /// The declared parameter called `name`.
    public func parameter(named name: String) -> EndpointParameterDefinition? {
        parameters.first { $0.name == name }
    }
}
