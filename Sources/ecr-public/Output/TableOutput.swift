/// A readable table for `--output table`: a header row, a rule, then one aligned row per item.
struct TableOutput: Sendable, Equatable {
    var headers: [String]
    var rows: [[String]]
    /// Shown instead of an empty table, e.g. `No repositories.`
    var emptyMessage: String

    init(headers: [String], rows: [[String]], emptyMessage: String = "No items.") {
        self.headers = headers
        self.rows = rows
        self.emptyMessage = emptyMessage
    }

    /// The table's text, columns separated by two spaces, without trailing spaces.
    func render() -> String {
        guard !rows.isEmpty else { return emptyMessage }
        let widths = columnWidths()
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([headers, rule] + rows).map { line($0, widths: widths) }.joined(separator: "\n")
    }

    /// The widest cell of each column, header included.
    private func columnWidths() -> [Int] {
        headers.indices.map { column in
            ([headers] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        let padded = widths.indices.map { column -> String in
            let cell = cells.indices.contains(column) ? cells[column] : ""
            return cell + String(repeating: " ", count: max(0, widths[column] - cell.count))
        }
        return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }
}
