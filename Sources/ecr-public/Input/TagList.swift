import AWSRuntime
import ECRPublic
import Foundation

/// `--tags Key=K,Value=V …`: resource tags in the AWS CLI's shorthand, or one JSON array
/// (`[{"Key": "team", "Value": "web"}]`, also what `--cli-input-json` passes on).
enum TagList {
    static func parse(_ values: [String], option: String, command: String?) throws(UsageError) -> [Tag] {
        if values.count == 1, let first = values.first, first.hasPrefix("[") {
            guard let tags = try? AWSJSONCoding.makeDecoder().decode([Tag].self, from: Data(first.utf8)) else {
                throw UsageError("argument \(option): expected Key=K,Value=V or a JSON array of {\"Key\": …, \"Value\": …}",
                                 command: command)
            }
            return tags
        }
        return try values.map { text throws(UsageError) in
            let members = try Shorthand.parse(text, allowed: ["Key", "Value"], option: option, command: command)
            return Tag(key: members["Key"], value: members["Value"])
        }
    }
}
