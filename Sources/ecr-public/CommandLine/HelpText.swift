import Foundation

/// The usage and help texts of the tool and of each command.
struct HelpText {
    /// The program's name as users type it.
    static let program = "ecr-public"

    var globalOptions: [OptionSpec]
    var commands: [CommandSpec]

    /// `ecr-public --help`: what the tool is, its commands and its global options.
    func tool() -> String {
        let width = commands.map(\.name.count).max() ?? 0
        let list = commands.map { "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)" }
        return """
            \(Self.program): Amazon ECR Public from the command line, shaped like `aws ecr-public`.

            \(toolSynopsis())

            Commands:
            \(list.joined(separator: "\n"))

            Global options:
            \(describe(globalOptions))

            Run `\(Self.program) <command> --help` for a command's options.
            Exit status: 0 success, 1 service or runtime error, 2 usage error.
            """
    }

    /// `ecr-public <command> --help`: the command's synopsis, options and examples.
    func command(_ spec: CommandSpec) -> String {
        var text = "\(Self.program) \(spec.name): \(spec.summary)\n\n\(synopsis(of: spec))\n"
        if !spec.options.isEmpty { text += "\nOptions:\n\(describe(spec.options))\n" }
        text += "\nGlobal options:\n\(describe(globalOptions))\n"
        if !spec.examples.isEmpty {
            text += "\nExamples:\n" + spec.examples.map { "  \(Self.program) \($0)" }.joined(separator: "\n") + "\n"
        }
        return String(text.dropLast())
    }

    /// The short text shown with a usage error: the synopsis and where to find help.
    func usage(for commandName: String?) -> String {
        guard let name = commandName, let spec = commands.first(where: { $0.name == name }) else {
            return "\(toolSynopsis())\nTo see help text, you can run:\n\n  \(Self.program) --help\n  \(Self.program) <command> --help"
        }
        return "\(synopsis(of: spec))\nTo see help text, you can run:\n\n  \(Self.program) \(spec.name) --help"
    }

    private func toolSynopsis() -> String {
        "usage: \(Self.program) [global options] <command> [options]"
    }

    private func synopsis(of spec: CommandSpec) -> String {
        let parts = [Self.program, spec.name] + spec.positionals + spec.options.map(\.synopsis)
        return "usage: " + parts.joined(separator: " ")
    }

    /// One line per option: its spellings and value, then its help.
    private func describe(_ options: [OptionSpec]) -> String {
        let names = options.map { option in
            let spellings = ([option.name] + option.aliases).joined(separator: ", ")
            return option.placeholder.isEmpty ? spellings : "\(spellings) \(option.placeholder)"
        }
        let width = names.map(\.count).max() ?? 0
        return zip(names, options).map { name, option in
            "  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(option.help)"
        }.joined(separator: "\n")
    }
}
