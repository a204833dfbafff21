import AWSRuntime
import Foundation

/// What every identity provider shares: the environment it reads, the client's region option, the transport
/// for STS and IAM Identity Center, and the clock and sleep (injected by tests).
struct IdentityContext: Sendable {
    var environment: [String: String]
    /// The region option of the client the chain serves; the environment and profile come after it.
    var region: String?
    var httpClient: any HTTPClient
    var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    var now: @Sendable () -> Date = { Date() }
    /// Supplies the MFA device's current code for roles with `mfa_serial`; nil fails such roles with a message.
    var mfaTokenCode: (@Sendable (_ mfaSerial: String) async throws -> String)?

    /// The region STS calls for `profile` go to: the client's option, `AWS_REGION`, `AWS_DEFAULT_REGION`, the
    /// profile's `region`, else us-east-1 (STS answers everywhere; the legacy global endpoint lives there).
    func stsRegion(profile: String?) -> String {
        (try? RegionResolver(environment: environment, profile: profile).resolve(clientRegion: region)) ?? "us-east-1"
    }

    /// Settings for the identity services' own clients: the chain's transport and environment, and `profile`
    /// for FIPS, dual-stack and endpoint settings. Their credentials are given, never looked up again.
    func clientConfiguration(region: String, profile: String?, credentials: (any CredentialProvider)?)
        -> ClientConfiguration
    {
        ClientConfiguration(
            region: region, profile: profile, credentialProvider: credentials ?? UnsignedCallCredentials(),
            attemptTimeout: .seconds(10), httpClient: httpClient, environment: environment, sleep: sleep)
    }

    /// The session name for a role assumed without `role_session_name`: unique per call, so CloudTrail tells
    /// sessions apart.
    func generatedSessionName(prefix: String) -> String {
        "\(prefix)-\(Int64(now().timeIntervalSince1970 * 1000))"
    }
}

/// The credentials of a client whose calls are never signed (`@auth([])`): asking for them is a bug.
struct UnsignedCallCredentials: CredentialProvider {
    func credentials() async throws -> AWSCredentials {
        throw CredentialProviderError.failed(provider: "identity service", reason: "this call is not signed and needs no credentials")
    }
}

/// The environment value of `name`, nil when unset or empty.
func nonEmpty(_ environment: [String: String], _ name: String) -> String? {
    environment[name].flatMap { $0.isEmpty ? nil : $0 }
}

/// Prints the names of the variables it holds, never their values (they may be `AWS_SECRET_ACCESS_KEY`), so a
/// provider that holds a context can be printed or dumped safely.
extension IdentityContext: CustomReflectable {
    var customMirror: Mirror {
        Mirror(self, children: ["environment": "<\(environment.count) variables, not shown>", "region": region as Any],
               displayStyle: .struct)
    }
}
