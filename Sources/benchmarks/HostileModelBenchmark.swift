import CodeGenerator
import Foundation
import SmithyModel

/// The generator on hostile model shapes that used to crash it or take quadratic time: a 20,000-link structure
/// chain, a 5,000-link mixin chain where every link adds a member, and documentation of 20,000 `<`. The goal is
/// the fuzzer's per-model limit (5 s); the release figures show the walks are linear.
func hostileModelBenchmarkRows() -> [BenchmarkRow] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let generator = try? ClientGenerator(templates: TemplateSet.load(from: root.appendingPathComponent("Templates"))) else {
        print("SKIPPED hostile model benchmark: templates not found")
        return []
    }
    let cases: [(name: String, shapes: String)] = [
        ("20,000-link structure chain", structureChain(20_000)),
        ("5,000-link mixin chain", mixinChain(5_000)),
        ("documentation of 20,000 `<`", #""t.s#OpInput": {"type": "structure", "members": {}, "traits": {"smithy.api#documentation": ""#
            + String(repeating: "<", count: 20_000) + #""}}"#),
    ]
    return cases.map { testCase in
        let data = Data(service(testCase.shapes).utf8)
        var ok = false
        let time = bestTime(iterations: 3) {
            ok = (try? ModelLoader.load(data: data)).flatMap { try? generator.generate(model: $0) } != nil
        }
        return BenchmarkRow(
            name: "generate \(testCase.name)\(ok ? "" : " (FAILED)")", ours: time.seconds * 1000, unit: "ms",
            referenceName: nil, reference: nil, goal: "≤ 5000 ms", met: ok && time.seconds <= 5)
    }
}

private func service(_ shapes: String) -> String {
    #"{"smithy": "2.0", "shapes": {"t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Op"}], "#
        + #""traits": {"aws.protocols#awsJson1_1": {}}}, "t.s#Op": {"type": "operation", "input": {"target": "t.s#OpInput"}}, "#
        + shapes + "}}"
}

private func structureChain(_ length: Int) -> String {
    var shapes = [#""t.s#OpInput": {"type": "structure", "members": {"next": {"target": "t.s#S0"}}}"#]
    for index in 0..<length {
        let next = index + 1 < length ? #""next": {"target": "t.s#S\#(index + 1)"}, "# : ""
        shapes.append(#""t.s#S\#(index)": {"type": "structure", "members": {\#(next)"name": {"target": "smithy.api#String"}}}"#)
    }
    return shapes.joined(separator: ", ")
}

private func mixinChain(_ length: Int) -> String {
    var shapes: [String] = []
    for index in 0..<length {
        let mixins = index == 0 ? "" : #""mixins": [{"target": "t.s#M\#(index - 1)"}], "#
        shapes.append(#""t.s#M\#(index)": {"type": "structure", \#(mixins)"traits": {"smithy.api#mixin": {}}, "#
            + #""members": {"m\#(index)": {"target": "smithy.api#String"}}}"#)
    }
    shapes.append(#""t.s#OpInput": {"type": "structure", "mixins": [{"target": "t.s#M\#(length - 1)"}], "members": {}}"#)
    return shapes.joined(separator: ", ")
}
