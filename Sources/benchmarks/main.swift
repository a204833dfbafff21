import Foundation

// `swift run -c release benchmarks` prints one table: our figures beside references measured in the same run.
// Each area contributes rows from its own file (SHA256Benchmark.swift, SigV4Benchmark.swift, ...).
var rows: [BenchmarkRow] = []
rows += sha256BenchmarkRows()
rows += sigV4BenchmarkRows()
rows += validationBenchmarkRows()
rows += generatorBenchmarkRows()
rows += hostileModelBenchmarkRows()
printTable(rows)
