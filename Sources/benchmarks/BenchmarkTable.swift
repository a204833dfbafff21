import Foundation

/// One line of the benchmark table: our figure, the reference measured in the same run, and the goal.
struct BenchmarkRow {
    var name: String
    var ours: Double
    var unit: String
    /// What we compare against (e.g. "openssl dgst -sha256"), measured in this run; nil when there is none.
    var referenceName: String?
    var reference: Double?
    /// Goal as text, e.g. "≥ 0.8× OpenSSL" or "≤ 8 µs".
    var goal: String
    /// Whether the goal is met; nil when the figure is informational.
    var met: Bool?

    /// ours / reference (for throughput) — callers pick the direction by how they fill the fields.
    var ratio: Double? {
        guard let reference, reference > 0 else { return nil }
        return ours / reference
    }
}

/// Measures the best (minimum) wall time of `body` over `iterations` runs, after one warm-up run.
func bestTime(iterations: Int, _ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    try body()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<iterations {
        let elapsed = try clock.measure(body)
        best = min(best, elapsed)
    }
    return best
}


/// Prints the rows as an aligned table.
func printTable(_ rows: [BenchmarkRow]) {
    let header = ["benchmark", "ours", "reference (same run)", "ratio", "goal", "met"]
    let lines: [[String]] = rows.map { row in
        [
            row.name,
            format(row.ours) + " " + row.unit,
            row.reference.map { "\(format($0)) \(row.unit) (\(row.referenceName ?? ""))" } ?? "-",
            row.ratio.map { String(format: "%.2f×", $0) } ?? "-",
            row.goal,
            row.met.map { $0 ? "yes" : "NO" } ?? "-",
        ]
    }
    var widths = header.map(\.count)
    for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func render(_ cells: [String]) -> String {
        cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ")
    }
    print(render(header))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-"))
    for line in lines { print(render(line)) }
}

private func format(_ value: Double) -> String {
    if value >= 100 { return String(format: "%.0f", value) }
    if value >= 10 { return String(format: "%.1f", value) }
    return String(format: "%.3f", value)
}
