import Foundation

/// Requests to the EC2 instance metadata service: a session token first (`PUT /latest/api/token`, IMDSv2), or
/// IMDSv1 when the service refuses tokens as unsupported (404 or 405) and that is allowed.
///
/// Server errors are retried (three attempts per request); a token request whose connection fails outright
/// means "not on EC2" (``CredentialProviderError/notConfigured(provider:reason:)``), so callers move on fast.
struct IMDSClient: Sendable {
    static let name = "EC2 instance metadata"
    /// Attempts per request, as in the other SDKs.
    static let maximumAttempts = 3

    let endpoint: IMDSEndpoint
    let httpClient: any HTTPClient
    let timeout: Duration
    let retryDelay: Duration

    /// The settings of `profile` (nil: `AWS_PROFILE`) and `environment`.
    init(environment: [String: String], profile: String?, httpClient: any HTTPClient, timeout: Duration,
         retryDelay: Duration) throws {
        let locations = SharedConfigLocations(environment: environment, profile: profile)
        let profileSettings = try? SharedConfig(locations: locations).selectedProfile()
        do {
            endpoint = try IMDSEndpoint.resolve(environment: environment, profile: profileSettings)
        } catch {
            throw CredentialProviderError.failed(provider: Self.name, reason: error.description)
        }
        self.httpClient = httpClient
        self.timeout = timeout
        self.retryDelay = retryDelay
    }

    /// The headers that authorise the next requests: the session token's, or none for IMDSv1.
    func sessionHeaders() async throws -> [(String, String)] {
        if endpoint.isDisabled {
            throw CredentialProviderError.notConfigured(provider: Self.name, reason: "disabled by AWS_EC2_METADATA_DISABLED=true")
        }
        let url = endpoint.tokenURL
        let response = try await send(
            "PUT", url, headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")], isTokenRequest: true)
        if response.statusCode == 404 || response.statusCode == 405 {
            guard !endpoint.isV1Disabled else {
                throw CredentialProviderError.failed(
                    provider: Self.name,
                    reason: "\(url) answered \(response.statusCode) and falling back to IMDSv1 is disabled "
                        + "(AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled)")
            }
            return []
        }
        let token = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "\(url) returned an unusable token")
        }
        return [("X-aws-ec2-metadata-token", token)]
    }

    /// `GET <endpoint><path>` with the session headers: the response when it is 200 or 404 (the caller says what
    /// a missing item means), else an error.
    func get(_ path: String, headers: [(String, String)]) async throws -> HTTPResponse {
        try await send("GET", endpoint.baseURL + path, headers: headers)
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
            if isTokenRequest && response.statusCode == 405 { return response }
            guard response.statusCode == 200 || response.statusCode == 404 else {
                throw CredentialProviderError.failed(
                    provider: Self.name, reason: "\(method) \(urlString) answered HTTP \(response.statusCode)")
            }
            return response
        }
    }
}
