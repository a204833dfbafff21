import Foundation

/// Credentials of the EC2 instance's IAM role from the instance metadata service, IMDSv2 only:
/// `PUT /latest/api/token`, then the role name, then the role's credentials.
///
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` replaces `http://169.254.169.254`; `AWS_EC2_METADATA_DISABLED=true`
/// turns the provider off. Timeouts are short so that off EC2 the chain fails fast.
public struct IMDSCredentialProvider: CredentialProvider {
    static let name = "EC2 instance metadata"
    static let defaultEndpoint = "http://169.254.169.254"
    private static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    private let environment: [String: String]
    private let httpClient: any HTTPClient
    private let timeout: Duration

    /// - Parameters:
    ///   - environment: the variables to read; defaults to the process environment.
    ///   - httpClient: the transport to call the metadata service with.
    ///   - timeout: per request.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, httpClient: any HTTPClient,
        timeout: Duration = .seconds(1)
    ) {
        self.environment = environment
        self.httpClient = httpClient
        self.timeout = timeout
    }

    /// Gets an IMDSv2 token, then the instance role's name, then its credentials; not configured when disabled or when nothing answers.
    public func credentials() async throws -> AWSCredentials {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "disabled by AWS_EC2_METADATA_DISABLED=true")
        }
        var endpoint = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.defaultEndpoint
        while endpoint.hasSuffix("/") { endpoint.removeLast() }

        let tokenResponse = try await send(
            "PUT", endpoint + "/latest/api/token", headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
            connectionFailureIsNotConfigured: true)
        let token = String(decoding: tokenResponse.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "\(endpoint) returned an unusable token")
        }
        let tokenHeader = [("X-aws-ec2-metadata-token", token)]

        let roleResponse = try await send("GET", endpoint + Self.credentialsPath, headers: tokenHeader)
        guard
            let role = String(decoding: roleResponse.body, as: UTF8.self).split(whereSeparator: \.isNewline).first?
                .trimmingCharacters(in: .whitespaces), !role.isEmpty,
            let encodedRole = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else {
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "no IAM role is attached to this instance (\(endpoint))")
        }
        let credentialsURL = endpoint + Self.credentialsPath + encodedRole
        let credentialsResponse = try await send("GET", credentialsURL, headers: tokenHeader)
        return try CredentialsJSON.credentials(
            from: credentialsResponse.body, provider: Self.name, source: credentialsURL)
    }

    /// One metadata request; any answer but 200 is an error naming the URL and status.
    private func send(
        _ method: String, _ urlString: String, headers: [(String, String)], connectionFailureIsNotConfigured: Bool = false
    ) async throws -> HTTPResponse {
        guard let url = URL(string: urlString) else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "invalid metadata URL '\(urlString)'")
        }
        let response: HTTPResponse
        do {
            response = try await httpClient.send(HTTPRequest(method: method, url: url, headers: HTTPHeaders(headers)), timeout: timeout)
        } catch {
            // Off EC2 nothing answers: that is "not here", not a failure. A redirect is an answer, and a wrong one.
            let isRedirect = if case HTTPClientError.redirectNotFollowed = error { true } else { false }
            if connectionFailureIsNotConfigured && !isRedirect {
                throw CredentialProviderError.notConfigured(
                    provider: Self.name, reason: "no instance metadata service at \(urlString): \(error)")
            }
            throw CredentialProviderError.failed(provider: Self.name, reason: "\(method) \(urlString) failed: \(error)")
        }
        if response.statusCode == 403, urlString.hasSuffix("/latest/api/token") {
            // The instance has the metadata service turned off (or blocked for containers): not a source here.
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "the instance metadata service refused a token (\(urlString) answered 403)")
        }
        if response.statusCode == 404, urlString.hasSuffix(Self.credentialsPath) {
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "no IAM role is attached to this instance (\(urlString) answered 404)")
        }
        guard response.statusCode == 200 else {
            throw CredentialProviderError.failed(
                provider: Self.name, reason: "\(method) \(urlString) answered HTTP \(response.statusCode)")
        }
        return response
    }
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension IMDSCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": EnvironmentSummary(environment), "timeout": timeout], displayStyle: .struct)
    }
}
