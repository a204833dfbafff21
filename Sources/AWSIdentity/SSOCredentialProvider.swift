import AWSRuntime
import Foundation
import IdentitySSO

/// Credentials of an IAM Identity Center permission set: the profile's cached access token (see
/// ``SSOTokenProvider``), exchanged through the SSO portal's `GetRoleCredentials` for the role's credentials.
public struct SSOCredentialProvider: CredentialProvider {
    private let settings: ProfileChain.SSOSettings
    private let context: IdentityContext
    private let tokens: SSOTokenProvider

    /// A provider for the IAM Identity Center settings of a profile.
    public init(settings: ProfileChain.SSOSettings, environment: [String: String] = ProcessInfo.processInfo.environment,
                httpClient: any HTTPClient) {
        self.init(settings: settings, context: IdentityContext(environment: environment, region: nil, httpClient: httpClient))
    }

    init(settings: ProfileChain.SSOSettings, context: IdentityContext) {
        self.settings = settings
        self.context = context
        self.tokens = SSOTokenProvider(settings: settings, context: context)
    }

    private var name: String { "IAM Identity Center (profile '\(settings.profile)')" }

    /// Reads (and if need be refreshes) the token, then asks the portal for the role's credentials.
    public func credentials() async throws -> AWSCredentials {
        guard let accountId = settings.accountId, let roleName = settings.roleName else {
            throw CredentialProviderError.failed(
                provider: name,
                reason: "the profile names an sso_session but no sso_account_id and sso_role_name: the selected profile will resolve an access token instead of credentials")
        }
        let token = try await tokens.token()
        let client = IdentitySSOClient(configuration: context.clientConfiguration(
            region: settings.region, profile: settings.profile, credentials: nil))
        let response: GetRoleCredentialsResponse
        do {
            response = try await client.getRoleCredentials(
                GetRoleCredentialsRequest(roleName: roleName, accountId: accountId, accessToken: token.token))
        } catch let error as IdentitySSOError where error.code == .unauthorizedException {
            throw CredentialProviderError.failed(
                provider: name,
                reason: "the sign-in has expired or was revoked; run `aws sso login --profile \(settings.profile)`")
        } catch {
            throw CredentialProviderError.failed(
                provider: name, reason: "an error occurred while loading credentials from GetRoleCredentials: \(error)")
        }
        guard let credentials = response.roleCredentials, let accessKeyId = credentials.accessKeyId,
              let secret = credentials.secretAccessKey else {
            throw CredentialProviderError.failed(provider: name, reason: "GetRoleCredentials answered without credentials")
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: credentials.sessionToken,
            expiration: credentials.expiration.map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) },
            accountId: accountId)
    }
}

/// Prints the profile and the IAM Identity Center settings, never a token or the environment.
extension SSOCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": settings.profile, "session": settings.session as Any, "region": settings.region],
               displayStyle: .struct)
    }
}
