import ECRPublic

/// `--tags Key=K,Value=V …`: resource tags in the AWS CLI's shorthand.
enum TagList {
    static func parse(_ values: [String], option: String, command: String?) throws(UsageError) -> [Tag] {
        try values.map { text throws(UsageError) in
            let members = try Shorthand.parse(text, allowed: ["Key", "Value"], option: option, command: command)
            return Tag(key: members["Key"], value: members["Value"])
        }
    }
}
