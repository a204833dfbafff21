/// How a profile gets its credentials, worked out from the config files alone: one source of credentials,
/// then the roles assumed in turn with them (each role's credentials sign the next `AssumeRole`).
///
/// `[profile dev] role_arn = …, source_profile = base` with `[base]` holding keys is the chain
/// `source: .accessKey(base's keys)`, `roles: [dev's role]`. Resolving it reads no network and no clock, so
/// every rule (which profile's keys win, loops, conflicting settings) is testable on its own.
public struct ProfileChain: Sendable, Equatable {
    /// Where the first credentials come from.
    public var source: Source
    /// Roles assumed after the source, in order; empty when the source's credentials are used directly.
    public var roles: [RoleAssumption]

    /// A chain from its parts.
    public init(source: Source, roles: [RoleAssumption] = []) {
        self.source = source
        self.roles = roles
    }

    /// The first link of a chain.
    public enum Source: Sendable, Equatable {
        /// `aws_access_key_id` / `aws_secret_access_key` (and optionally `aws_session_token`,
        /// `aws_account_id`) of the named profile.
        case accessKey(AWSCredentials, profile: String)
        /// `credential_source`: credentials from outside the files.
        case namedSource(NamedCredentialSource, profile: String)
        /// `web_identity_token_file` with `role_arn`: `AssumeRoleWithWebIdentity`.
        case webIdentityToken(WebIdentitySettings)
        /// IAM Identity Center: `sso_session` (or the legacy `sso_start_url` form).
        case sso(SSOSettings)
        /// `credential_process` of the named profile.
        case credentialProcess(command: String, profile: String)
    }

    /// The `credential_source` values.
    public enum NamedCredentialSource: String, Sendable, Equatable, CaseIterable {
        /// The `AWS_ACCESS_KEY_ID` family of variables.
        case environment = "Environment"
        /// The EC2 instance's role, from instance metadata.
        case ec2InstanceMetadata = "Ec2InstanceMetadata"
        /// The ECS task role or EKS pod identity, from the container credentials endpoint.
        case ecsContainer = "EcsContainer"
    }

    /// One `role_arn` and the settings that go with it in its profile.
    public struct RoleAssumption: Sendable, Equatable {
        /// The profile that names the role.
        public var profile: String
        /// `role_arn`.
        public var roleArn: String
        /// `role_session_name`; a generated name when nil.
        public var sessionName: String?
        /// `external_id`.
        public var externalId: String?
        /// `duration_seconds`.
        public var durationSeconds: Int?
        /// `mfa_serial`: the application's token-code callback supplies the code.
        public var mfaSerial: String?

        /// A role assumption from its settings.
        public init(profile: String, roleArn: String, sessionName: String? = nil, externalId: String? = nil,
                    durationSeconds: Int? = nil, mfaSerial: String? = nil) {
            self.profile = profile
            self.roleArn = roleArn
            self.sessionName = sessionName
            self.externalId = externalId
            self.durationSeconds = durationSeconds
            self.mfaSerial = mfaSerial
        }
    }

    /// A `web_identity_token_file` profile (or the `AWS_WEB_IDENTITY_TOKEN_FILE` variables).
    public struct WebIdentitySettings: Sendable, Equatable {
        /// The profile it came from; nil for the environment variables.
        public var profile: String?
        /// `role_arn`.
        public var roleArn: String
        /// The token file, re-read on every refresh because it rotates.
        public var tokenFile: String
        /// `role_session_name`; a generated name when nil.
        public var sessionName: String?

        /// Web identity settings from their parts.
        public init(profile: String?, roleArn: String, tokenFile: String, sessionName: String? = nil) {
            self.profile = profile
            self.roleArn = roleArn
            self.tokenFile = tokenFile
            self.sessionName = sessionName
        }
    }

    /// An IAM Identity Center profile.
    public struct SSOSettings: Sendable, Equatable {
        /// The profile it came from.
        public var profile: String
        /// `sso_session`: the `[sso-session name]` section; nil for the legacy form.
        public var session: String?
        /// `sso_region`: where the portal and its OIDC service are.
        public var region: String
        /// `sso_start_url`.
        public var startURL: String
        /// `sso_account_id`; nil for a profile that only provides a bearer token.
        public var accountId: String?
        /// `sso_role_name`; nil for a profile that only provides a bearer token.
        public var roleName: String?
        /// `sso_registration_scopes` of the session.
        public var registrationScopes: String?

        /// SSO settings from their parts.
        public init(profile: String, session: String?, region: String, startURL: String, accountId: String? = nil,
                    roleName: String? = nil, registrationScopes: String? = nil) {
            self.profile = profile
            self.session = session
            self.region = region
            self.startURL = startURL
            self.accountId = accountId
            self.roleName = roleName
            self.registrationScopes = registrationScopes
        }

        /// The name of the token cache file under `~/.aws/sso/cache/`, without `.json`: the SHA-1 of the
        /// session name, or of the start URL for the legacy form.
        public var tokenCacheKey: String {
            SHA1.hexDigest(of: Array((session ?? startURL).utf8))
        }
    }
}
