/// One `--option` a command (or the tool) accepts, as shown in help and read by ``ArgumentParser``.
struct OptionSpec: Sendable {
    /// How many values follow the option.
    enum Arity: Sendable, Equatable {
        /// No value: present or absent, e.g. `--force`.
        case flag
        /// Exactly one value, e.g. `--repository-name web`.
        case single
        /// One or more values up to the next `--option`, e.g. `--repository-names web api`.
        case list
    }

    /// The name with its dashes, e.g. `--repository-name`.
    var name: String
    var arity: Arity
    /// What the value stands for in help, e.g. `NAME`; empty for flags.
    var placeholder: String
    var help: String
    /// Whether the command refuses to run without it.
    var isRequired: Bool
    /// Other spellings accepted for the same option, e.g. `--repository` for `--repository-name`.
    var aliases: [String]

    init(_ name: String, _ arity: Arity, placeholder: String = "", required: Bool = false,
         aliases: [String] = [], help: String) {
        self.name = name
        self.arity = arity
        self.placeholder = placeholder
        self.help = help
        self.isRequired = required
        self.aliases = aliases
    }

    /// Whether `spelling` (without any `=value`) names this option.
    func matches(_ spelling: String) -> Bool {
        spelling == name || aliases.contains(spelling)
    }

    /// The option as a usage line shows it, e.g. `--repository-name NAME` or `[--force]`.
    var synopsis: String {
        let text: String
        switch arity {
        case .flag: text = name
        case .single: text = "\(name) \(placeholder)"
        case .list: text = "\(name) \(placeholder) [\(placeholder) ...]"
        }
        return isRequired ? text : "[\(text)]"
    }
}
