/// Turns the tool's arguments into ``ParsedArguments``, the way the AWS CLI reads them:
/// `ecr-public [global options] <command> [options] [positionals]`, global options accepted anywhere,
/// `--name value` or `--name=value`, list options taking every value up to the next `--option`.
struct ArgumentParser {
    /// Options every command accepts (region, output, …).
    var globalOptions: [OptionSpec]
    /// The commands the tool knows.
    var commands: [CommandSpec]

    /// Parses `arguments` (without the program name). Checks required options and positionals unless help
    /// was asked for.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var state = ParseState(arguments: arguments)
        while let token = state.next() {
            try consume(token, into: &state)
        }
        if !state.result.wantsHelp, let command = state.command {
            try CLIInputJSON.expand(&state.result, command: command)
            try checkComplete(state.result, against: command)
        }
        return state.result
    }

    /// Handles one token: help, an option, the command name or a positional.
    private func consume(_ token: String, into state: inout ParseState) throws(UsageError) {
        if state.onlyPositionals {
            try addPositional(token, to: &state)
        } else if token == "--" {
            state.onlyPositionals = true
        } else if token == "--help" || token == "-h" || (token == "help" && state.result.positionals.isEmpty) {
            state.result.wantsHelp = true
        } else if token.hasPrefix("-") && token.count > 1 {
            try readOption(token, into: &state)
        } else if state.command == nil {
            try selectCommand(token, in: &state)
        } else {
            try addPositional(token, to: &state)
        }
    }

    private func selectCommand(_ name: String, in state: inout ParseState) throws(UsageError) {
        guard let command = commands.first(where: { $0.name == name }) else {
            let choices = commands.map(\.name).joined(separator: ", ")
            throw UsageError("argument command: Invalid choice '\(name)', valid choices are: \(choices)")
        }
        state.command = command
        state.result.command = name
    }

    private func addPositional(_ token: String, to state: inout ParseState) throws(UsageError) {
        guard let command = state.command else {
            throw UsageError("argument command: Invalid choice '\(token)'")
        }
        guard state.result.positionals.count < command.positionals.count else {
            throw UsageError("Unknown options: \(token)", command: command.name)
        }
        state.result.positionals.append(token)
    }

    /// Reads `--name`, `--name value`, `--name v1 v2 …` or `--name=value`.
    private func readOption(_ token: String, into state: inout ParseState) throws(UsageError) {
        let commandName = state.command?.name
        let (spelling, inline) = Self.split(token)
        guard let spec = globalOptions.first(where: { $0.matches(spelling) })
            ?? state.command?.option(named: spelling)
        else {
            throw UsageError("Unknown options: \(spelling)", command: commandName)
        }
        guard state.result.options[spec.name] == nil else {
            throw UsageError("argument \(spec.name): given more than once", command: commandName)
        }
        let values = try readValues(of: spec, spelling: spelling, inline: inline, from: &state)
        state.result.options[spec.name] = values
    }

    private func readValues(of spec: OptionSpec, spelling: String, inline: String?,
                            from state: inout ParseState) throws(UsageError) -> [String] {
        let commandName = state.command?.name
        switch spec.arity {
        case .flag:
            guard inline == nil else { throw UsageError("argument \(spelling): takes no value", command: commandName) }
            return []
        case .single:
            guard let value = inline ?? state.nextValue() else {
                throw UsageError("argument \(spelling): expected one argument", command: commandName)
            }
            return [value]
        case .list:
            var values = inline.map { [$0] } ?? []
            while let value = state.nextValue() { values.append(value) }
            guard !values.isEmpty else {
                throw UsageError("argument \(spelling): expected at least one argument", command: commandName)
            }
            return values
        }
    }

    /// Required options and positionals of `command` are all present.
    private func checkComplete(_ result: ParsedArguments, against command: CommandSpec) throws(UsageError) {
        let missing = command.positionals.dropFirst(result.positionals.count)
            + command.options.filter { $0.isRequired && result.options[$0.name] == nil }.map(\.name)
        guard missing.isEmpty else {
            throw UsageError("the following arguments are required: \(missing.joined(separator: ", "))",
                             command: command.name)
        }
    }

    /// `--name=value` → (`--name`, `value`); `--name` → (`--name`, nil).
    static func split(_ token: String) -> (String, String?) {
        guard let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }
}

/// The parser's position in the arguments and what it has read so far.
private struct ParseState {
    let arguments: [String]
    var index = 0
    var command: CommandSpec?
    var result = ParsedArguments()
    /// After `--`, every token is a positional.
    var onlyPositionals = false

    init(arguments: [String]) {
        self.arguments = arguments
    }

    /// The next token, consumed.
    mutating func next() -> String? {
        guard index < arguments.count else { return nil }
        defer { index += 1 }
        return arguments[index]
    }

    /// The next token if it is a value rather than an option (`--…`), consumed.
    mutating func nextValue() -> String? {
        guard index < arguments.count, !arguments[index].hasPrefix("--") else { return nil }
        return next()
    }
}
