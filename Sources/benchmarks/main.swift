import Foundation

// `swift run -c release benchmarks` prints one table: our figures beside references measured in the same run.
// Each area contributes rows from its own file (SHA256Benchmark.swift, SigV4Benchmark.swift, ...);
// `benchmarks protocols sigv4` runs only the areas named.
let areas: [(name: String, rows: () -> [BenchmarkRow])] = [
    ("sha256", sha256BenchmarkRows),
    ("sigv4", sigV4BenchmarkRows),
    ("validation", validationBenchmarkRows),
    ("generator", generatorBenchmarkRows),
    ("hostile", hostileModelBenchmarkRows),
    ("protocols", protocolBenchmarkRows),
    ("eventstream", { eventStreamBenchmarkRows() + runBlocking { await typedEventStreamBenchmarkRows() } }),
    ("wholecall", wholeCallBenchmarkRows),
    ("push", pushBenchmarkRows),
    ("startup", startupBenchmarkRows),
    ("decoding", decodingBenchmarkRows),
    ("largepayload", largePayloadBenchmarkRows),
    ("compile", compileTimeBenchmarkRows),
]
// The large-payload area measures each call in a child process of this binary, so its peak memory is its own.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == uploadPartChildFlag {
    runUploadPartChild(url: CommandLine.arguments[2])
    exit(0)
}
let chosen = Set(CommandLine.arguments.dropFirst())
if let unknown = chosen.first(where: { name in !areas.contains { $0.name == name } }) {
    print("unknown benchmark area \(unknown); areas: \(areas.map(\.name).joined(separator: ", "))")
    exit(2)
}
var rows: [BenchmarkRow] = []
for area in areas where chosen.isEmpty || chosen.contains(area.name) {
    rows += area.rows()
}
printTable(rows)
