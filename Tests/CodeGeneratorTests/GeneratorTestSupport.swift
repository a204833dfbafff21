import CodeGenerator
import Foundation
import SmithyModel
import TestSupport

/// Builds the generator with the repository's templates and loads models for tests.
enum GeneratorFixture {
    static func generator() throws -> ClientGenerator {
        try ClientGenerator(templates: TemplateSet.load(from: RepositoryPaths.repository("Templates")))
    }

    /// Every diagnostic of loading and generating `text`, errors and warnings, as the CLI prints them.
    static func diagnostics(_ text: String) throws -> [String] {
        do {
            let collector = DiagnosticCollector()
            _ = try generator().generate(model: model(text), diagnostics: collector)
            return collector.diagnostics.map(\.description)
        } catch let error as ModelError {
            return error.diagnostics.map(\.description)
        }
    }

    static func model(_ text: String) throws -> Model {
        try ModelLoader.load(data: Data(text.utf8))
    }

    static func model(at relativePath: String) throws -> Model {
        try ModelLoader.load(contentsOf: RepositoryPaths.repository(relativePath))
    }

    /// A one-operation awsJson1_1 service whose shapes section is `shapes` (JSON object members, no braces).
    static func serviceModel(protocolTrait: String = "aws.protocols#awsJson1_1", operationTraits: String = "{}",
                             extraShapes: String) -> String {
        """
        {"smithy": "2.0", "shapes": {
          "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}],
                      "traits": {"\(protocolTrait)": {}, "aws.api#service": {"sdkId": "Test"}}},
          "t.s#Op": {"type": "operation", "input": {"target": "t.s#OpInput"}, "traits": \(operationTraits)},
          \(extraShapes)
        }}
        """
    }
}
