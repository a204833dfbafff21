import AWSRuntime
import Foundation
import IdentitySTS

/// Credentials of an IAM role in exchange for an OpenID Connect token in a file (EKS service accounts,
/// GitHub Actions): STS `AssumeRoleWithWebIdentity`, which is not signed.
///
/// Set up by `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN` (and optionally `AWS_ROLE_SESSION_NAME`), or by a
/// profile's `web_identity_token_file` and `role_arn`. The file is read again on every refresh, because the
/// platform rotates the token in place.
public struct WebIdentityCredentialProvider: CredentialProvider {
    private let settings: ProfileChain.WebIdentitySettings?
    private let context: IdentityContext
    private let settingsProfile: String?

    /// A provider for the given settings.
    public init(
        settings: ProfileChain.WebIdentitySettings, region: String? = nil, profile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, httpClient: any HTTPClient
    ) {
        self.init(settings: settings, profile: profile,
                  context: IdentityContext(environment: environment, region: region, httpClient: httpClient))
    }

    /// The provider of the `AWS_WEB_IDENTITY_TOKEN_FILE` variables; not configured when they are not set.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, region: String? = nil,
                httpClient: any HTTPClient) {
        self.init(environmentVariablesIn: IdentityContext(environment: environment, region: region, httpClient: httpClient))
    }

    init(environmentVariablesIn context: IdentityContext) {
        let environment = context.environment
        if let file = nonEmpty(environment, "AWS_WEB_IDENTITY_TOKEN_FILE"), let role = nonEmpty(environment, "AWS_ROLE_ARN") {
            settings = ProfileChain.WebIdentitySettings(
                profile: nil, roleArn: role, tokenFile: file, sessionName: nonEmpty(environment, "AWS_ROLE_SESSION_NAME"))
        } else {
            settings = nil
        }
        self.context = context
        self.settingsProfile = nil
    }

    init(settings: ProfileChain.WebIdentitySettings, profile: String?, context: IdentityContext) {
        self.settings = settings
        self.context = context
        self.settingsProfile = profile
    }

    private var name: String {
        settings?.profile.map { "web identity (profile '\($0)')" } ?? "web identity (environment)"
    }

    /// Reads the token file and exchanges the token for the role's credentials.
    public func credentials() async throws -> AWSCredentials {
        guard let settings else {
            throw CredentialProviderError.notConfigured(
                provider: name, reason: "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set")
        }
        guard let data = FileManager.default.contents(atPath: settings.tokenFile) else {
            throw CredentialProviderError.failed(
                provider: name, reason: "cannot read the web identity token file \(settings.tokenFile): No such file or directory")
        }
        // Sent as the file holds it, as the AWS CLI and the other SDKs do.
        let token = String(decoding: data, as: UTF8.self)
        let client = IdentitySTSClient(configuration: context.clientConfiguration(
            region: context.stsRegion(profile: settingsProfile), profile: settingsProfile, credentials: nil))
        let input = AssumeRoleWithWebIdentityRequest(
            roleArn: settings.roleArn,
            roleSessionName: settings.sessionName ?? context.generatedSessionName(prefix: "aws-swift-web-identity"),
            webIdentityToken: token)
        let response: AssumeRoleWithWebIdentityResponse
        do {
            response = try await client.assumeRoleWithWebIdentity(input)
        } catch {
            throw CredentialProviderError.failed(provider: name, reason: "STS AssumeRoleWithWebIdentity failed: \(error)")
        }
        return try STSCredentials.convert(response.credentials, user: response.assumedRoleUser?.arn, provider: name)
    }
}

/// Prints the role and token file, never the token.
extension WebIdentityCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["role": settings?.roleArn as Any, "tokenFile": settings?.tokenFile as Any], displayStyle: .struct)
    }
}
