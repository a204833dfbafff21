import Foundation

/// Credentials of the EC2 instance's IAM role from the instance metadata service: a session token (see
/// ``IMDSEndpoint`` for where the service is and when IMDSv1 is allowed), then the role name, then the role's
/// credentials.
public struct IMDSCredentialProvider: CredentialProvider {
    static let name = IMDSClient.name
    private static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

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
        let client = try IMDSClient(environment: environment, profile: profile, httpClient: httpClient, timeout: timeout,
                                    retryDelay: retryDelay)
        let headers = try await client.sessionHeaders()
        let roleResponse = try await client.get(Self.credentialsPath, headers: headers)
        guard roleResponse.statusCode == 200,
            let role = String(decoding: roleResponse.body, as: UTF8.self).split(whereSeparator: \.isNewline).first?
                .trimmingCharacters(in: .whitespaces), !role.isEmpty,
            let encodedRole = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else {
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "no IAM role is attached to this instance (\(client.endpoint.baseURL))")
        }
        let credentialsResponse = try await client.get(Self.credentialsPath + encodedRole, headers: headers)
        let source = client.endpoint.baseURL + Self.credentialsPath + encodedRole
        guard credentialsResponse.statusCode == 200 else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "GET \(source) answered HTTP 404")
        }
        return try CredentialsJSON.credentials(from: credentialsResponse.body, provider: Self.name, source: source)
    }
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension IMDSCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": EnvironmentSummary(environment), "timeout": timeout], displayStyle: .struct)
    }
}

/// The instance's region from the metadata service (`/latest/meta-data/placement/region`): the last place the
/// region is looked for, after the client option, the environment and the profile.
struct IMDSRegionProvider: Sendable {
    let environment: [String: String]
    let profile: String?
    let httpClient: any HTTPClient

    func region() async throws -> String {
        let client = try IMDSClient(environment: environment, profile: profile, httpClient: httpClient,
                                    timeout: .seconds(1), retryDelay: .milliseconds(50))
        let response = try await client.get("/latest/meta-data/placement/region", headers: try await client.sessionHeaders())
        let region = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let isRegionName = !region.isEmpty && region.count <= 63
            && region.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard response.statusCode == 200, isRegionName else {
            throw CredentialProviderError.failed(provider: IMDSClient.name, reason: "the instance's region is not available")
        }
        return region
    }
}
