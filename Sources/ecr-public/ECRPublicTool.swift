import AWSRuntime
import ECRPublic
import Foundation

/// The tool's entry point: parse, show help or run the command, report any error, return the exit status.
enum ECRPublicTool {
    static let help = HelpText(globalOptions: GlobalOptions.specs, commands: CommandRegistry.specs)

    /// Runs the tool with `arguments` (without the program name) and returns its exit status.
    static func run(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) async -> Int32 {
        let console = Console()
        do {
            let parser = ArgumentParser(globalOptions: GlobalOptions.specs, commands: CommandRegistry.specs)
            return try await dispatch(try parser.parse(arguments), console: console, environment: environment)
        } catch {
            return ErrorReporter(console: console, help: help).report(error)
        }
    }

    /// Prints help, or builds the command and its client and runs it.
    private static func dispatch(_ arguments: ParsedArguments, console: Console,
                                 environment: [String: String]) async throws -> Int32 {
        guard let name = arguments.command, let type = CommandRegistry.command(named: name) else {
            guard arguments.wantsHelp else { throw UsageError("the following arguments are required: command") }
            console.print(help.tool())
            return ExitStatus.success
        }
        if arguments.wantsHelp {
            console.print(help.command(type.spec))
            return ExitStatus.success
        }
        let options = try GlobalOptions(arguments)
        let command = try type.init(arguments: arguments)
        let context = context(options, console: console, environment: environment)
        if options.debug {
            DebugSummary(client: context.client, output: options.output).lines().forEach(console.error)
        }
        try await command.run(in: context)
        return ExitStatus.success
    }

    /// The client configured from the global options; `--debug` adds the request logger.
    private static func context(_ options: GlobalOptions, console: Console,
                                environment: [String: String]) -> CommandContext {
        let configuration = ClientConfiguration(
            region: options.region, profile: options.profile, endpointURL: options.endpointURL,
            hooks: options.debug ? [RequestLogger()] : [], environment: environment)
        return CommandContext(client: ECRPublicClient(configuration: configuration), output: options.output,
                              console: console)
    }
}
