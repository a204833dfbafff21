/// What a command is called, what it does and which arguments it takes: enough to parse and to print help.
struct CommandSpec: Sendable {
    /// The command's name, e.g. `describe-repositories`.
    var name: String
    /// One line for the command list.
    var summary: String
    /// The command's own options (the tool's global options are accepted too).
    var options: [OptionSpec]
    /// Names of the positional arguments it requires, in order, e.g. `["FILE"]`.
    var positionals: [String] = []
    /// Example invocations for `--help`, without the leading `ecr-public`.
    var examples: [String] = []

    /// The option that `spelling` names, if any.
    func option(named spelling: String) -> OptionSpec? {
        options.first { $0.matches(spelling) }
    }
}
