import Foundation

/// Credentials of the EC2 instance's IAM role from the instance metadata service: a session token
/// (`PUT /latest/api/token`, IMDSv2), then the role name, then the role's credentials.
///
/// Where the service is comes from ``IMDSEndpoint`` (environment and profile settings). When the token request
/// is refused as unsupported (404 or 405) the provider falls back to IMDSv1 (requests without a token) unless
/// that is disabled. Server errors are retried (three attempts per request); a connection that fails outright
/// means "not on EC2", and the chain moves on fast.
public struct IMDSCredentialProvider: CredentialProvider {
    static let name = "EC2 instance metadata"
    private static let credentialsPath = "/latest/meta-data/iam/security-credentials/"
    /// Attempts per request, as in the other SDKs.
    static let maximumAttempts = 3

    private let environment: [String: String]
    private let profile: String?
    private let httpClient: any HTTPClient
    private let timeout: Duration
    private let retryDelay: Duration

    /// - Parameters:
    ///   - environment: the variables to read; defaults to the process environment.
    ///   - profile: the profile whose `ec2_metadata_*` settings apply; nil means `AWS_PROFILE`.
    ///   - httpClient: the transport to call the metadata service with.
    ///   - timeout: per request.
    ///   - retryDelay: the wait before retrying a server error, doubled each time.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil,
        httpClient: any HTTPClient, timeout: Duration = .seconds(1), retryDelay: Duration = .milliseconds(50)
    ) {
        self.environment = environment
        self.profile = profile
        self.httpClient = httpClient
        self.timeout = timeout
        self.retryDelay = retryDelay
    }

    /// Gets a session token (or falls back to IMDSv1), then the instance role's name, then its credentials; not
    /// configured when disabled, when nothing answers, or when no role is attached.
    public func credentials() async throws -> AWSCredentials {
        let settings = try endpoint()
        if settings.isDisabled {
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "disabled by AWS_EC2_METADATA_DISABLED=true")
        }
        let tokenHeader: [(String, String)]
        if let token = try await sessionToken(settings) {
            tokenHeader = [("X-aws-ec2-metadata-token", token)]
        } else {
            tokenHeader = []
        }
        let roleResponse = try await send("GET", settings.baseURL + Self.credentialsPath, headers: tokenHeader)
        guard
            let role = String(decoding: roleResponse.body, as: UTF8.self).split(whereSeparator: \.isNewline).first?
                .trimmingCharacters(in: .whitespaces), !role.isEmpty,
            let encodedRole = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else {
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "no IAM role is attached to this instance (\(settings.baseURL))")
        }
        let credentialsURL = settings.baseURL + Self.credentialsPath + encodedRole
        let credentialsResponse = try await send("GET", credentialsURL, headers: tokenHeader)
        return try CredentialsJSON.credentials(
            from: credentialsResponse.body, provider: Self.name, source: credentialsURL)
    }

    private func endpoint() throws -> IMDSEndpoint {
        let locations = SharedConfigLocations(environment: environment, profile: profile)
        let profileSettings = try? SharedConfig(locations: locations).selectedProfile()
        do {
            return try IMDSEndpoint.resolve(environment: environment, profile: profileSettings)
        } catch {
            throw CredentialProviderError.failed(provider: Self.name, reason: error.description)
        }
    }

    /// The IMDSv2 session token, or nil to go on with IMDSv1 when the service does not offer tokens.
    private func sessionToken(_ settings: IMDSEndpoint) async throws -> String? {
        let url = settings.tokenURL
        let response = try await send(
            "PUT", url, headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")], isTokenRequest: true)
        if response.statusCode == 404 || response.statusCode == 405 {
            guard !settings.isV1Disabled else {
                throw CredentialProviderError.failed(
                    provider: Self.name,
                    reason: "\(url) answered \(response.statusCode) and falling back to IMDSv1 is disabled "
                        + "(AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled)")
            }
            return nil
        }
        let token = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "\(url) returned an unusable token")
        }
        return token
    }

    /// One metadata request with retries of server errors. Any answer but 200 (and, for the token, 404 and 405,
    /// which ask for IMDSv1) is an error naming the URL and status.
    private func send(
        _ method: String, _ urlString: String, headers: [(String, String)], isTokenRequest: Bool = false
    ) async throws -> HTTPResponse {
        guard let url = URL(string: urlString) else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "invalid metadata URL '\(urlString)'")
        }
        var attempt = 1
        while true {
            let response: HTTPResponse
            do {
                response = try await httpClient.send(
                    HTTPRequest(method: method, url: url, headers: HTTPHeaders(headers)), timeout: timeout)
            } catch {
                // Off EC2 nothing answers: that is "not here", not a failure. A redirect is an answer, and a wrong one.
                let isRedirect = if case HTTPClientError.redirectNotFollowed = error { true } else { false }
                if isTokenRequest && !isRedirect {
                    throw CredentialProviderError.notConfigured(
                        provider: Self.name, reason: "no instance metadata service at \(urlString): \(error)")
                }
                throw CredentialProviderError.failed(provider: Self.name, reason: "\(method) \(urlString) failed: \(error)")
            }
            if response.statusCode >= 500 && attempt < Self.maximumAttempts {
                try await Task.sleep(for: retryDelay * (1 << (attempt - 1)))
                attempt += 1
                continue
            }
            if isTokenRequest && response.statusCode == 403 {
                // The instance has the metadata service turned off (or blocked for containers): not a source here.
                throw CredentialProviderError.notConfigured(
                    provider: Self.name, reason: "the instance metadata service refused a token (\(urlString) answered 403)")
            }
            if isTokenRequest && (response.statusCode == 404 || response.statusCode == 405) { return response }
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
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension IMDSCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": EnvironmentSummary(environment), "timeout": timeout], displayStyle: .struct)
    }
}
