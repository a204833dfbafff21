import Foundation

/// The parsed command line of `codegen`.
struct CommandLineOptions {
    var modelPaths: [String] = []
    var outputDirectory = "Generated"
    var templatesOverride: String?
    var moduleName: String?
    var serviceID: String?
    /// A file holding the endpoint rule set to use when the model has none (a rule set, or a model with one).
    var endpointRulesFile: String?
    /// `--diff OLD`: print the API changes from this older model to the one given; write nothing.
    var diffModel: String?
    var check = false
    /// Write files straight into the output folder instead of `<output>/<Module>/` (used by the build plugin).
    var flat = false
    var configFile: String?
    var quiet = false
    /// Skip the `<Module>Tests` folder of tests generated from the model's test traits.
    var skipTests = false
    /// Write Codable `init(from:)` for JSON outputs instead of generated readers (`--codable-decoding`).
    var codableDecoding = false
    /// The file names a build plugin declared as this run's outputs; generating any other set is an error.
    var declaredOutputs: [String]?
    /// Put before every generated file name; the build plugin makes names unique within a target with it.
    var filePrefix = ""

    static let usage = """
        USAGE: codegen [--model <file-or-folder> ...] [--output <folder>] [--templates <folder>]
                       [--module <name>] [--config <file>] [--endpoint-rules <file>] [--diff <old-model>] [--flat] [--check] [--quiet]
                       [--file-prefix <text>] [--declared-outputs <names>]

        Generates a Swift client module from each Smithy JSON AST model.

        OPTIONS:
          --model <path>      A model file, or a folder whose *.json models are all generated (default: models).
                              May be repeated.
          --output <folder>   Where modules are written, each in <folder>/<Module>/ (default: Generated).
          --templates <dir>   A folder of *.mustache files that replace the built-in templates of the same name.
          --module <name>     The module and type-prefix name (default: from the service's SDK id, e.g. ECRPublic).
          --service <id>      The service to generate from a model with several (default: each of them).
          --config <file>     A codegen.json with module, accessLevel, operations and validation settings.
          --diff <old-model>  Print what changed for users from <old-model> to the --model file (operations,
                              members, optionality, types, enum values, constraints, errors; breaking or
                              not) and write nothing.
          --endpoint-rules <file>
                              The endpoint rule set for a model that has none: a rule-set JSON document, or a
                              model whose service carries one (e.g. the S3 protocol tests with S3's own rules).
          --flat              Write the files directly into --output (no <Module>/ folder).
          --check             Write nothing; exit 1 and list the files that are stale, missing or extra.
          --quiet             Print only warnings and errors.
          --no-tests          Do not write <output>/<Module>Tests (tests generated from the model's endpoint
                              and protocol test traits).
          --file-prefix <text>
                              Put <text> before every generated file name, e.g. weather+Client.swift.
          --codable-decoding  Decode JSON outputs through generated Codable init(from:) instead of the
                              generated JSON readers (slower; for comparing the two).
          --declared-outputs <names>
                              Comma-separated file names a build plugin declared; fail if the generator
                              writes any other set of files.
          -h, --help          Show this help.
        """

    enum ParseResult {
        case run(CommandLineOptions)
        case help
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> ParseResult {
        var options = CommandLineOptions()
        var index = 0
        func value(for flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                throw UsageError(message: "\(flag) needs a value")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help": return .help
            case "--model": options.modelPaths.append(try value(for: argument))
            case "--output": options.outputDirectory = try value(for: argument)
            case "--templates": options.templatesOverride = try value(for: argument)
            case "--module": options.moduleName = try value(for: argument)
            case "--service": options.serviceID = try value(for: argument)
            case "--config": options.configFile = try value(for: argument)
            case "--endpoint-rules": options.endpointRulesFile = try value(for: argument)
            case "--diff": options.diffModel = try value(for: argument)
            case "--check": options.check = true
            case "--flat": options.flat = true
            case "--quiet": options.quiet = true
            case "--no-tests": options.skipTests = true
            case "--codable-decoding": options.codableDecoding = true
            case "--declared-outputs":
                options.declaredOutputs = try value(for: argument).split(separator: ",").map(String.init)
            case "--file-prefix": options.filePrefix = try value(for: argument)
            default: throw UsageError(message: "unknown option \(argument)")
            }
            index += 1
        }
        if options.modelPaths.isEmpty { options.modelPaths = ["models"] }
        return .run(options)
    }
}

/// A command line `codegen` does not understand.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { "error: \(message)\n\n\(CommandLineOptions.usage)" }
}
