import AWSRuntime
import Foundation
import IdentitySTS

/// Credentials of an IAM role, from STS `AssumeRole` signed with another provider's credentials (a profile's
/// `role_arn` with `source_profile` or `credential_source`).
///
/// Roles with `mfa_serial` ask the application for the device's current code through `mfaTokenCode`.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// The role and its settings.
    public let role: ProfileChain.RoleAssumption
    private let source: any CredentialProvider
    private let context: IdentityContext
    /// The profile whose FIPS, dual-stack and endpoint settings STS calls follow.
    private let settingsProfile: String?
    private let region: String

    /// - Parameters:
    ///   - role: the role, session name, external id, duration and MFA device.
    ///   - source: the credentials that sign `AssumeRole`.
    ///   - region: STS's region; nil means the environment, then the profile, then us-east-1.
    ///   - profile: the profile for STS endpoint settings; nil means `AWS_PROFILE`.
    ///   - environment: the variables the STS client reads.
    ///   - httpClient: the transport.
    ///   - mfaTokenCode: returns the current code of the MFA device whose serial it is given.
    public init(
        role: ProfileChain.RoleAssumption, source: any CredentialProvider, region: String? = nil,
        profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        httpClient: any HTTPClient, mfaTokenCode: (@Sendable (_ mfaSerial: String) async throws -> String)? = nil
    ) {
        var context = IdentityContext(environment: environment, region: region, httpClient: httpClient)
        context.mfaTokenCode = mfaTokenCode
        self.init(role: role, source: source, profile: profile, context: context)
    }

    init(role: ProfileChain.RoleAssumption, source: any CredentialProvider, profile: String?, context: IdentityContext) {
        self.role = role
        self.source = source
        self.context = context
        self.settingsProfile = profile
        self.region = context.stsRegion(profile: profile)
    }

    var name: String { "assume role \(role.roleArn) (profile '\(role.profile)')" }

    /// Gets the source's credentials, then calls `AssumeRole` with them.
    public func credentials() async throws -> AWSCredentials {
        let sourceCredentials = try await source.credentials()
        var tokenCode: String?
        if let serial = role.mfaSerial {
            guard let ask = context.mfaTokenCode else {
                throw CredentialProviderError.failed(
                    provider: name,
                    reason: "the role needs an MFA code (mfa_serial = \(serial)) but the application supplied no mfaTokenCode callback")
            }
            tokenCode = try await ask(serial)
        }
        let client = IdentitySTSClient(configuration: context.clientConfiguration(
            region: region, profile: settingsProfile, credentials: StaticCredentialProvider(sourceCredentials)))
        let input = AssumeRoleRequest(
            roleArn: role.roleArn, roleSessionName: role.sessionName ?? context.generatedSessionName(prefix: "aws-swift-session"),
            durationSeconds: role.durationSeconds, externalId: role.externalId, serialNumber: role.mfaSerial,
            tokenCode: tokenCode)
        let response: AssumeRoleResponse
        do {
            response = try await client.assumeRole(input)
        } catch {
            throw CredentialProviderError.failed(provider: name, reason: "STS AssumeRole failed: \(error)")
        }
        return try STSCredentials.convert(response.credentials, user: response.assumedRoleUser?.arn, provider: name)
    }
}

/// Prints without the source credentials or the environment.
extension AssumeRoleCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["role": role.roleArn, "profile": role.profile], displayStyle: .struct)
    }
}

/// Turns STS's credentials into ``AWSCredentials``, with the account from the assumed role's ARN.
enum STSCredentials {
    static func convert(_ credentials: Credentials?, user arn: String?, provider: String) throws -> AWSCredentials {
        guard let credentials else {
            throw CredentialProviderError.failed(provider: provider, reason: "STS answered without credentials")
        }
        return AWSCredentials(
            accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
            sessionToken: credentials.sessionToken, expiration: credentials.expiration, accountId: arn.flatMap(accountID(inARN:)))
    }

    /// The account field of an ARN (`arn:aws:sts::123456789012:assumed-role/…` → `123456789012`).
    static func accountID(inARN arn: String) -> String? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 5, fields[0] == "arn", fields[4].count == 12, fields[4].allSatisfy(\.isNumber) else { return nil }
        return String(fields[4])
    }
}
