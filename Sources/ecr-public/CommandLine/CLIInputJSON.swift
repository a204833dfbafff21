import AWSRuntime
import Foundation

/// `--cli-input-json JSON|file://PATH`: a command's parameters as the operation's input JSON
/// (`{"repositoryName": "web", "force": true}`), as the AWS CLI takes them. Each member becomes the option
/// of the same name in kebab case (`repositoryName` → `--repository-name`); options given on the command
/// line win over members of the JSON.
enum CLIInputJSON {
    static let option = OptionSpec("--cli-input-json", .single, placeholder: "JSON",
                                   help: "The command's parameters as the operation's input JSON (inline or file://PATH).")

    /// Members whose option does not follow the kebab-case rule.
    private static let renamedMembers = ["maxResults": "--page-size"]

    /// Adds to `arguments` the options the JSON holds, unless they were given directly.
    static func expand(_ arguments: inout ParsedArguments, command: CommandSpec) throws(UsageError) {
        guard let value = arguments.value(option.name) else { return }
        let text = try ParameterValue.text(value, option: option.name, command: command.name)
        guard let data = text.data(using: .utf8), let input = try? JSONDecoder().decode(JSONValue.self, from: data),
              case .object(let members) = input
        else {
            throw UsageError("argument --cli-input-json: expected a JSON object of the operation's input", command: command.name)
        }
        for (member, value) in members.sorted(by: { $0.key < $1.key }) {
            let name = renamedMembers[member] ?? kebabOption(member)
            guard let spec = command.option(named: name) else {
                throw UsageError("argument --cli-input-json: Unknown parameter in input: \"\(member)\"", command: command.name)
            }
            guard arguments.options[spec.name] == nil, let values = try optionValues(value, spec: spec, member: member,
                                                                                      command: command.name)
            else { continue }
            arguments.options[spec.name] = values
        }
    }

    /// `repositoryName` → `--repository-name`.
    static func kebabOption(_ member: String) -> String {
        "--" + member.reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    /// The option values a member stands for: a flag for `true` (nothing for `false`), text for a scalar,
    /// one value per element of a list of scalars, and JSON text for objects and lists of objects (which the
    /// options read as JSON).
    private static func optionValues(_ value: JSONValue, spec: OptionSpec, member: String,
                                     command: String) throws(UsageError) -> [String]? {
        switch (spec.arity, value) {
        case (.flag, .bool(let flag)): return flag ? [] : nil
        case (.flag, _): break
        case (_, .null): return nil
        case (_, .string(let text)): return [text]
        case (_, .number(let number)) where number == number.rounded(): return [String(Int64(number))]
        case (.list, .array(let elements)) where elements.allSatisfy({ $0.stringValue != nil }):
            return elements.compactMap(\.stringValue)
        case (_, .array), (_, .object):
            guard let data = try? JSONEncoder().encode(value) else { break }
            return [String(decoding: data, as: UTF8.self)]
        default: break
        }
        throw UsageError("argument --cli-input-json: \"\(member)\" has a value of the wrong type", command: command)
    }
}
