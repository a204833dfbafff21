/// One `ecr-public` command: its spec, how it reads its options, and what it does.
///
/// `init(arguments:)` turns option text into request values and throws ``UsageError`` for anything
/// malformed, so a bad command line never reaches the service.
protocol ToolCommand: Sendable {
    /// The command's name, options and help.
    static var spec: CommandSpec { get }
    /// Reads the command's options; only options of `spec` and the global ones are present.
    init(arguments: ParsedArguments) throws(UsageError)
    /// Runs the command, printing its result.
    func run(in context: CommandContext) async throws
}
