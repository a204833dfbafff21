/// The options every command accepts: where to send requests, as whom, and how to print.
struct GlobalOptions: Sendable {
    static let specs: [OptionSpec] = [
        OptionSpec("--region", .single, placeholder: "REGION",
                   help: "The AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region)."),
        OptionSpec("--profile", .single, placeholder: "NAME", help: "The shared-config profile (else AWS_PROFILE)."),
        OptionSpec("--endpoint-url", .single, placeholder: "URL",
                   help: "Send requests to URL instead of the region's endpoint."),
        OptionSpec("--output", .single, placeholder: "json|table|text",
                   help: "How to print results (default json; text is tab-separated, as the AWS CLI's)."),
        CLIInputJSON.option,
        OptionSpec("--debug", .flag, help: "Print the region, endpoint and one line per request and response."),
        OptionSpec("--help", .flag, aliases: ["-h"], help: "Show help."),
    ]

    var region: String?
    var profile: String?
    var endpointURL: String?
    var output: OutputFormat
    var debug: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        region = arguments.value("--region")
        profile = arguments.value("--profile")
        endpointURL = arguments.value("--endpoint-url")
        output = try OutputFormat(option: arguments.value("--output"))
        debug = arguments.has("--debug")
        if let endpointURL, !Self.isHTTPURL(endpointURL) {
            throw UsageError("argument --endpoint-url: Invalid endpoint: \(endpointURL)")
        }
    }

    /// Whether `text` is an absolute http(s) URL with a host.
    private static func isHTTPURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        return text.split(separator: "/", omittingEmptySubsequences: true).count >= 2
    }
}
