import CodeGenerator
import Foundation
import SmithyModel

/// The generator's time per model (load + generate, in memory), and the model parser beside Foundation's
/// JSONSerialization on the same bytes.
func generatorBenchmarkRows() -> [BenchmarkRow] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let generator = try? ClientGenerator(templates: TemplateSet.load(from: root.appendingPathComponent("Templates"))) else {
        print("SKIPPED generator benchmark: templates not found")
        return []
    }
    let models: [(name: String, url: URL, goal: Double)] = [
        ("ECR Public", root.appendingPathComponent("models/ecr-public.json"), 0.1),
        ("DynamoDB", root.deletingLastPathComponent().appendingPathComponent("shared/models/dynamodb.json"), 1.0),
    ]
    var rows: [BenchmarkRow] = []
    for model in models {
        guard let data = FileManager.default.contents(atPath: model.url.path) else {
            print("SKIPPED generator benchmark for \(model.name): \(model.url.path) is missing")
            continue
        }
        var lines = 0
        let generate = bestTime(iterations: 15) {
            guard let loaded = try? ModelLoader.load(data: data),
                  let files = try? generator.generate(model: loaded) else { return }
            lines = files.reduce(0) { $0 + $1.contents.split(separator: "\n", omittingEmptySubsequences: false).count }
        }
        rows.append(BenchmarkRow(
            name: "generate \(model.name) (\(lines) lines)", ours: generate.seconds * 1000, unit: "ms",
            referenceName: nil, reference: nil, goal: "≤ \(Int(model.goal * 1000)) ms",
            met: generate.seconds <= model.goal))
        let bytes = [UInt8](data)
        let ours = bestTime(iterations: 5) { _ = try? JSONParser.parse(bytes) }
        let foundation = bestTime(iterations: 5) { _ = try? JSONSerialization.jsonObject(with: data) }
        rows.append(BenchmarkRow(
            name: "parse \(model.name) JSON (\(data.count / 1024) KiB)", ours: ours.seconds * 1000, unit: "ms",
            referenceName: "JSONSerialization", reference: foundation.seconds * 1000, goal: "informational", met: nil))
    }
    return rows
}
