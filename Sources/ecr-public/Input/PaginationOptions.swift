/// `--max-items`, `--page-size` and `--starting-token`, as the AWS CLI offers them on paginated commands.
///
/// Every page is fetched until `--max-items` items are printed; if more remain, the output gets a
/// `NextToken` to pass as `--starting-token` (with the same `--page-size`) to continue where it stopped.
struct PaginationOptions: Sendable {
    static let specs: [OptionSpec] = [
        OptionSpec("--max-items", .single, placeholder: "N",
                   help: "Print at most N items, and a NextToken to continue from when there are more."),
        OptionSpec("--page-size", .single, placeholder: "N", help: "Items per request (1-1000); all pages are still fetched."),
        OptionSpec("--starting-token", .single, placeholder: "TOKEN", help: "The NextToken a previous --max-items printed."),
    ]

    var maxItems: Int?
    var pageSize: Int?
    var startingToken: StartingToken?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        maxItems = try arguments.integer("--max-items", in: 1...Int(Int32.max))
        pageSize = try arguments.integer("--page-size", in: 1...1000)
        startingToken = try arguments.value("--starting-token").map { text throws(UsageError) in
            guard let token = StartingToken(encoded: text) else {
                throw UsageError("argument --starting-token: not a NextToken this tool printed: \(text)",
                                 command: arguments.command)
            }
            return token
        }
    }
}
