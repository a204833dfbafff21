/// How a command prints its result: `json` or `text` as `aws --output json|text` does, or an aligned `table`.
enum OutputFormat: String, Sendable, CaseIterable {
    case json
    case table
    case text

    /// The format `--output` names; the default when not given.
    init(option: String?) throws(UsageError) {
        guard let option else {
            self = .json
            return
        }
        guard let format = OutputFormat(rawValue: option) else {
            let choices = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("argument --output: Invalid choice '\(option)', valid choices are: \(choices)")
        }
        self = format
    }
}
