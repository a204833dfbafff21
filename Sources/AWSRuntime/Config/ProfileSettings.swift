/// The settings of one profile, merged from the config file and the credentials file (the credentials
/// file wins where both set a key, as with the AWS CLI).
public struct ProfileSettings: Sendable, Equatable {
    /// The profile name, e.g. `default` or `dev`.
    public var name: String
    /// Every property by lowercased name; a property written with indented sub-properties holds them raw
    /// (see ``subProperties(of:)``).
    public var properties: [String: String]

    /// A profile with the given name and raw properties.
    public init(name: String, properties: [String: String]) {
        self.name = name
        self.properties = Dictionary(properties.map { ($0.key.lowercased(), $0.value) }) { _, last in last }
    }

    /// The raw value of `key`, nil when unset or empty.
    public subscript(key: String) -> String? {
        guard let value = properties[key], !value.isEmpty else { return nil }
        return value
    }

    /// `region`, e.g. `us-east-1`.
    public var region: String? { self["region"] }

    /// `retry_mode`: `legacy`, `standard` or `adaptive` (passed through for the transport layer to interpret).
    public var retryMode: String? { self["retry_mode"] }

    /// `endpoint_url`: a base URL that replaces the resolved endpoint for every service.
    public var endpointURL: String? { self["endpoint_url"] }

    /// `max_attempts`: total attempts including the first; must be a positive integer.
    public var maxAttempts: Int? {
        get throws(ConfigError) {
            guard let text = self["max_attempts"] else { return nil }
            guard let value = Int(text), value > 0 else {
                throw .invalidValue(key: "max_attempts", value: text, profile: name, expected: "a positive integer")
            }
            return value
        }
    }

    /// `aws_access_key_id`.
    public var accessKeyId: String? { self["aws_access_key_id"] }
    /// `aws_secret_access_key`. Never logged.
    public var secretAccessKey: String? { self["aws_secret_access_key"] }
    /// `aws_session_token`. Never logged.
    public var sessionToken: String? { self["aws_session_token"] }
    /// `credential_process`: a command that prints credentials as JSON.
    public var credentialProcess: String? { self["credential_process"] }

    /// The indented `name = value` lines written under `key` (e.g. `s3 =` / `  addressing_style = path`),
    /// names lowercased; empty when `key` is unset or holds a plain value.
    public func subProperties(of key: String) -> [String: String] {
        guard let value = properties[key], value.hasPrefix("\n") else { return [:] }
        return INIFile.subProperties(of: value)
    }
}

extension ProfileSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Keys whose values are secrets and are shown as `<redacted>`.
    static let secretKeys: Set<String> = ["aws_secret_access_key", "aws_session_token", "aws_security_token"]

    private var redactedProperties: [(String, String)] {
        properties.keys.sorted().map { key in
            (key, ProfileSettings.secretKeys.contains(key) ? "<redacted>" : properties[key] ?? "")
        }
    }

    public var description: String {
        let body = redactedProperties.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
        return "ProfileSettings(\(name): \(body))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "properties": redactedProperties.map { "\($0.0) = \($0.1)" }])
    }
}
