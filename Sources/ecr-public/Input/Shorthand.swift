/// The AWS CLI's shorthand for a structure: `key=value,key=value`, e.g. `imageTag=latest` or
/// `Key=team,Value=web`.
enum Shorthand {
    /// The members `text` sets; every key must be in `allowed` and given once.
    static func parse(_ text: String, allowed: [String], option: String,
                      command: String?) throws(UsageError) -> [String: String] {
        var members: [String: String] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let (key, value) = try member(String(pair), option: option, command: command)
            guard allowed.contains(key) else {
                throw UsageError("argument \(option): Unknown key '\(key)' in '\(text)'; valid keys: "
                    + allowed.joined(separator: ", "), command: command)
            }
            guard members.updateValue(value, forKey: key) == nil else {
                throw UsageError("argument \(option): '\(key)' given twice in '\(text)'", command: command)
            }
        }
        return members
    }

    /// `key=value` split at the first `=`.
    private static func member(_ pair: String, option: String,
                               command: String?) throws(UsageError) -> (String, String) {
        guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw UsageError("argument \(option): expected key=value, got '\(pair)'", command: command)
        }
        return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
    }
}
