import Foundation

/// Credentials from the ECS / EKS container credentials endpoint.
///
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is a path on `http://169.254.170.2`;
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` is a whole URL, which over plain HTTP must point at a loopback or
/// the ECS/EKS link-local addresses. The `Authorization` header comes from the file named by
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`, else from `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
public struct ContainerCredentialProvider: CredentialProvider {
    static let name = "container"
    /// Where relative URIs point.
    static let ecsHost = "169.254.170.2"
    private static let allowedPlainHTTPHosts: Set<String> = [
        "127.0.0.1", "localhost", "::1", "[::1]", "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]",
    ]

    private let environment: [String: String]
    private let httpClient: any HTTPClient
    private let timeout: Duration

    /// - Parameters:
    ///   - environment: the variables to read; defaults to the process environment.
    ///   - httpClient: the transport to call the endpoint with.
    ///   - timeout: per request; the endpoint is local, so a short wait is enough.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, httpClient: any HTTPClient,
        timeout: Duration = .seconds(2)
    ) {
        self.environment = environment
        self.httpClient = httpClient
        self.timeout = timeout
    }

    /// Calls the container endpoint (with its authorization token, if any) and parses the credentials it returns.
    public func credentials() async throws -> AWSCredentials {
        let url = try Self.endpoint(environment)
        var request = HTTPRequest(method: "GET", url: url)
        request.headers.add(name: "Accept", value: "application/json")
        if let token = try authorizationToken() { request.headers.add(name: "Authorization", value: token) }
        let response: HTTPResponse
        do {
            response = try await httpClient.send(request, timeout: timeout)
        } catch {
            throw CredentialProviderError.failed(
                provider: Self.name, reason: "request to \(url.absoluteString) failed: \(error)")
        }
        guard response.statusCode == 200 else {
            throw CredentialProviderError.failed(
                provider: Self.name, reason: "\(url.absoluteString) answered HTTP \(response.statusCode)")
        }
        return try CredentialsJSON.credentials(from: response.body, provider: Self.name, source: url.absoluteString)
    }

    /// The credentials URL the variables name: a relative URI (which wins) on the ECS address, or a full URI.
    static func endpoint(_ environment: [String: String]) throws -> URL {
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            guard let url = URL(string: "http://\(Self.ecsHost)\(path)") else {
                throw CredentialProviderError.failed(
                    provider: Self.name, reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not a valid path: '\(relative)'")
            }
            return url
        }
        if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            guard let url = URL(string: full) else {
                throw CredentialProviderError.failed(
                    provider: Self.name, reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI is not a valid URL: '\(full)'")
            }
            guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
                throw CredentialProviderError.failed(
                    provider: Self.name, reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI '\(full)': the URI did not specify a host")
            }
            // Plain HTTP only to local addresses: otherwise the token and credentials would cross a network.
            let isLoopback = Self.isLoopbackIPv4(host) || Self.allowedPlainHTTPHosts.contains(host.lowercased())
            guard scheme == "https" || (scheme == "http" && isLoopback) else {
                throw CredentialProviderError.failed(
                    provider: Self.name,
                    reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI must use https or a loopback / container host, got '\(host)'")
            }
            return url
        }
        throw CredentialProviderError.notConfigured(
            provider: Self.name,
            reason: "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set")
    }

    private func authorizationToken() throws -> String? {
        if let path = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !path.isEmpty {
            guard let data = FileManager.default.contents(atPath: path) else {
                let why = FileManager.default.fileExists(atPath: path) ? "permission denied" : "No such file or directory"
                throw CredentialProviderError.failed(
                    provider: Self.name, reason: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE at \(path): \(why)")
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return try validated(token, source: "the token in \(path)")
        }
        if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"], !token.isEmpty {
            return try validated(token, source: "AWS_CONTAINER_AUTHORIZATION_TOKEN")
        }
        return nil
    }

    /// A token with a line break would smuggle extra headers into the request.
    private func validated(_ token: String, source: String) throws -> String {
        guard !token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw CredentialProviderError.failed(provider: Self.name, reason: "\(source) contains a line break")
        }
        return token
    }

    /// Whether `host` is an IPv4 literal in 127.0.0.0/8 (`127.attacker.example` is a name, not loopback).
    static func isLoopbackIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part) ?? 256) <= 255
        }
    }
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension ContainerCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": EnvironmentSummary(environment), "timeout": timeout], displayStyle: .struct)
    }
}
