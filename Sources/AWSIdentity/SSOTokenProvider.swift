import AWSRuntime
import Foundation
import IdentitySSOOIDC

/// The IAM Identity Center access token of a profile, from the cache `aws sso login` writes.
///
/// A token that expires within five minutes is refreshed through SSO OIDC `CreateToken` with the cached
/// refresh token and client registration (the `sso_session` form only), and the cache file is rewritten
/// atomically. When the token is gone, expired and not refreshable, the error says to run `aws sso login`.
public struct SSOTokenProvider: TokenProvider {
    /// Refresh this long before expiry.
    static let refreshWindow: TimeInterval = 300

    private let settings: ProfileChain.SSOSettings
    private let context: IdentityContext
    private let cache: SSOTokenCache

    /// A provider for the IAM Identity Center settings of a profile.
    public init(settings: ProfileChain.SSOSettings, environment: [String: String] = ProcessInfo.processInfo.environment,
                httpClient: any HTTPClient) {
        self.init(settings: settings, context: IdentityContext(environment: environment, region: nil, httpClient: httpClient))
    }

    init(settings: ProfileChain.SSOSettings, context: IdentityContext) {
        self.settings = settings
        self.context = context
        self.cache = SSOTokenCache(settings: settings, environment: context.environment)
    }

    private var name: String { "IAM Identity Center token (profile '\(settings.profile)')" }

    private var loginHint: String {
        "run `aws sso login --profile \(settings.profile)` to sign in"
    }

    /// The cached token, refreshed first when it is about to expire and can be.
    public func token() async throws -> BearerToken {
        let entry = try cache.read(loginHint: loginHint)
        guard let expiresAt = SSOTokenCache.date(entry.expiresAt) else {
            throw CredentialProviderError.failed(
                provider: name, reason: "`\(cache.path)` has an expiresAt that is not a timestamp; \(loginHint)")
        }
        let now = context.now()
        if expiresAt.timeIntervalSince(now) > Self.refreshWindow {
            return BearerToken(token: entry.accessToken, expiration: expiresAt)
        }
        do {
            if let refreshed = try await refresh(entry, now: now) { return refreshed }
        } catch {
            // A failed refresh of a token that still works is not fatal; the next call tries again.
            if expiresAt > now { return BearerToken(token: entry.accessToken, expiration: expiresAt) }
            throw CredentialProviderError.failed(
                provider: name, reason: "the token expired and refreshing it failed (\(error)); \(loginHint)")
        }
        if expiresAt > now { return BearerToken(token: entry.accessToken, expiration: expiresAt) }
        throw CredentialProviderError.failed(provider: name, reason: "the cached token expired at \(entry.expiresAt); \(loginHint)")
    }

    /// A new token from SSO OIDC, written back to the cache; nil when the entry cannot be refreshed (legacy
    /// profile, no refresh token, expired client registration).
    private func refresh(_ entry: SSOTokenCache.Entry, now: Date) async throws -> BearerToken? {
        guard settings.session != nil, let refreshToken = entry.refreshToken, let clientId = entry.clientId,
              let clientSecret = entry.clientSecret else { return nil }
        if let text = entry.registrationExpiresAt, let registrationExpiry = SSOTokenCache.date(text), registrationExpiry <= now {
            return nil
        }
        let client = IdentitySSOOIDCClient(configuration: context.clientConfiguration(
            region: settings.region, profile: settings.profile, credentials: nil))
        let response = try await client.createToken(CreateTokenRequest(
            clientId: clientId, clientSecret: clientSecret, grantType: "refresh_token", refreshToken: refreshToken))
        guard let accessToken = response.accessToken, let seconds = response.expiresIn else {
            throw CredentialProviderError.failed(provider: name, reason: "CreateToken answered without a token or its lifetime")
        }
        let expiresAt = now.addingTimeInterval(TimeInterval(seconds))
        var updated = entry
        updated.accessToken = accessToken
        updated.expiresAt = SSOTokenCache.text(expiresAt)
        if let rotated = response.refreshToken { updated.refreshToken = rotated }
        try cache.write(updated)
        return BearerToken(token: accessToken, expiration: expiresAt)
    }
}

/// Prints the profile and the IAM Identity Center settings, never a token or the environment.
extension SSOTokenProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": settings.profile, "session": settings.session as Any, "region": settings.region],
               displayStyle: .struct)
    }
}
