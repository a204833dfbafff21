import Foundation
import SmithyModel

/// `--endpoint-rules FILE`: an endpoint rule set for a model without one, read from a rule-set document or
/// taken from the service of another model.
enum EndpointRulesFile {
    static func load(_ path: String) throws -> JSONNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "--endpoint-rules \(SmithyIdentifier.quoted(path)): the file cannot be read")
        }
        let document: JSONNode
        do {
            document = try JSONParser.parse([UInt8](data))
        } catch {
            throw UsageError(message: "--endpoint-rules \(SmithyIdentifier.quoted(path)): not JSON (\(error))")
        }
        if document["rules"] != nil, document["parameters"] != nil { return document }
        // A model: the rule set of its (only) service that has one.
        let services = (document["shapes"]?.objectValue ?? JSONObject()).entries.compactMap { entry -> JSONNode? in
            guard entry.value["type"]?.stringValue == "service" else { return nil }
            return entry.value["traits"]?[TraitID.endpointRuleSet]
        }
        guard services.count == 1, let ruleSet = services.first else {
            throw UsageError(message: "--endpoint-rules \(SmithyIdentifier.quoted(path)): neither a rule set nor a model with exactly one service that has one")
        }
        return ruleSet
    }
}
