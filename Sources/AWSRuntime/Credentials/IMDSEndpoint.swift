import Foundation

/// Where the EC2 instance metadata service is and how to reach it, from the code's options, the environment
/// and the profile, in that order (the cross-SDK `imds-endpoint-tests` are the reference):
///
/// 1. an endpoint given in code, then `AWS_EC2_METADATA_SERVICE_ENDPOINT`, then the profile's
///    `ec2_metadata_service_endpoint`;
/// 2. otherwise the address of the endpoint mode — given in code, then `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE`,
///    then `ec2_metadata_service_endpoint_mode`: `IPv4` (`http://169.254.169.254`, the default) or `IPv6`
///    (`http://[fd00:ec2::254]`), case-insensitive.
///
/// `AWS_EC2_METADATA_DISABLED=true` turns the service off; `AWS_EC2_METADATA_V1_DISABLED=true` or
/// `ec2_metadata_v1_disabled = true` forbids falling back to IMDSv1 when no session token can be had.
public struct IMDSEndpoint: Sendable, Equatable {
    /// The endpoint modes.
    public enum Mode: String, Sendable, CaseIterable {
        case ipv4 = "IPv4"
        case ipv6 = "IPv6"

        /// The mode's address.
        public var endpoint: String { self == .ipv4 ? "http://169.254.169.254" : "http://[fd00:ec2::254]" }

        /// Parses a setting, ignoring case; nil for anything else.
        public init?(setting: String) {
            guard let mode = Mode.allCases.first(where: { $0.rawValue.lowercased() == setting.lowercased() }) else { return nil }
            self = mode
        }
    }

    /// The base URL, without a trailing slash, e.g. `http://169.254.169.254`.
    public var baseURL: String
    /// Whether the service is turned off.
    public var isDisabled: Bool
    /// Whether IMDSv1 (requests without a session token) is forbidden.
    public var isV1Disabled: Bool

    /// The URL of the session token request, `<base>/latest/api/token`.
    public var tokenURL: String { baseURL + "/latest/api/token" }

    /// Resolves the settings.
    ///
    /// - Throws: ``ConfigError/invalidValue(key:value:profile:expected:)`` for an unknown mode ("`x` is not a valid
    ///   endpoint mode") or an endpoint that is not an http(s) URL ("invalid uri character").
    public static func resolve(
        environment: [String: String], profile: ProfileSettings?, endpointOverride: String? = nil,
        modeOverride: Mode? = nil
    ) throws(ConfigError) -> IMDSEndpoint {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let profileName = profile?.name ?? "default"
        let isDisabled = variable("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true"
        let isV1Disabled = (variable("AWS_EC2_METADATA_V1_DISABLED") ?? profile?["ec2_metadata_v1_disabled"])?.lowercased() == "true"
        if let endpoint = endpointOverride ?? variable("AWS_EC2_METADATA_SERVICE_ENDPOINT")
            ?? profile?["ec2_metadata_service_endpoint"]
        {
            return IMDSEndpoint(baseURL: try validated(endpoint, profile: profileName), isDisabled: isDisabled,
                                isV1Disabled: isV1Disabled)
        }
        var mode = Mode.ipv4
        if let modeOverride {
            mode = modeOverride
        } else if let text = variable("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE") ?? profile?["ec2_metadata_service_endpoint_mode"] {
            guard let parsed = Mode(setting: text) else {
                throw .invalidValue(
                    key: "ec2_metadata_service_endpoint_mode", value: text, profile: profileName,
                    expected: "IPv4 or IPv6 (`\(text)` is not a valid endpoint mode)")
            }
            mode = parsed
        }
        return IMDSEndpoint(baseURL: mode.endpoint, isDisabled: isDisabled, isV1Disabled: isV1Disabled)
    }

    /// The endpoint without trailing slashes, when it is an http(s) URL with a host.
    private static func validated(_ text: String, profile: String) throws(ConfigError) -> String {
        let allowed = CharacterSet.urlFragmentAllowed.union(CharacterSet(charactersIn: "[]:/?#@%"))
        guard text.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .invalidValue(key: "ec2_metadata_service_endpoint", value: text, profile: profile,
                                expected: "a URL (invalid uri character)")
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil else {
            throw .invalidValue(key: "ec2_metadata_service_endpoint", value: text, profile: profile,
                                expected: "an http or https URL with a host")
        }
        var trimmed = text
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }
}
