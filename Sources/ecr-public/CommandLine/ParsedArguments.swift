/// A command line after parsing: the command, the options given (by canonical name) and the positionals.
struct ParsedArguments: Sendable, Equatable {
    /// The command's name; nil when none was given.
    var command: String?
    /// Whether `--help`, `-h` or `help` was given.
    var wantsHelp = false
    /// Each option given, by its canonical name: no values for a flag, one for a single, one or more for a list.
    var options: [String: [String]] = [:]
    /// The arguments that are not options, after the command name.
    var positionals: [String] = []

    /// Whether the option (or flag) was given.
    func has(_ name: String) -> Bool {
        options[name] != nil
    }

    /// The value of a single-value option, if given.
    func value(_ name: String) -> String? {
        options[name]?.first
    }

    /// The values of a list option, if given.
    func values(_ name: String) -> [String]? {
        options[name]
    }

    /// The value of an option the command's spec marks required (the parser has checked that it is there).
    func required(_ name: String) throws(UsageError) -> String {
        guard let value = value(name) else {
            throw UsageError("the following arguments are required: \(name)", command: command)
        }
        return value
    }

    /// The value of an integer option within `range`, if given.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("argument \(name): expected an integer from \(range.lowerBound) to \(range.upperBound), "
                + "got '\(text)'", command: command)
        }
        return number
    }
}
