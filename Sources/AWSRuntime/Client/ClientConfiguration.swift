import Foundation

/// How a client finds its region, credentials and endpoint, and how it sends, retries and validates.
///
/// Every setting left nil is found the way the AWS CLI finds it: environment variables, then the shared
/// `~/.aws/config` and `~/.aws/credentials` files (profile from `profile` or `AWS_PROFILE`).
public struct ClientConfiguration: Sendable {
    /// The region, e.g. `us-east-1`; else `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`.
    public var region: String?
    /// The shared-config profile; else `AWS_PROFILE`, else `default`.
    public var profile: String?
    /// Where credentials come from; else the default chain (environment, shared files, `credential_process`,
    /// assumed roles, web identity, IAM Identity Center, container, instance metadata).
    public var credentialProvider: (any CredentialProvider)?
    /// Where bearer tokens come from, for services whose model uses `httpBearerAuth`; else the profile's IAM
    /// Identity Center session.
    public var tokenProvider: (any TokenProvider)?
    /// An endpoint that replaces the resolved one, e.g. `http://127.0.0.1:4566`; else
    /// `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`.
    public var endpointURL: String?
    /// FIPS endpoints; else `AWS_USE_FIPS_ENDPOINT`, the profile's `use_fips_endpoint`, false.
    public var useFIPS: Bool?
    /// Dual-stack (IPv4 and IPv6) endpoints; else `AWS_USE_DUALSTACK_ENDPOINT`, the profile's
    /// `use_dualstack_endpoint`, false.
    public var useDualStack: Bool?
    /// Total attempts per call, the first included; else `AWS_MAX_ATTEMPTS`, the profile's `max_attempts`, 3.
    public var maxAttempts: Int?
    /// The limit for one attempt (connect, send, receive).
    public var attemptTimeout: Duration
    /// The limit for a whole call, retries and waits included; nil for none.
    public var operationTimeout: Duration?
    /// Which constraint checks run before a request is sent (all, by default).
    public var validation: ValidationOptions
    /// The transport; else ``DefaultHTTPClient`` (libcurl on Linux, URLSession elsewhere), which never follows
    /// redirects and stops a response whose body passes ``maximumResponseBodySize``.
    public var httpClient: (any HTTPClient)?
    /// The largest response body the default transport reads into memory, counted after `gzip` decoding;
    /// 64 MiB by default (``URLSessionHTTPClient/defaultMaximumResponseBodySize``). A larger body fails the call
    /// with ``HTTPClientError/responseTooLarge(limit:)``. Not used when `httpClient` is set.
    public var maximumResponseBodySize: Int
    /// Observers and editors of each attempt's request and response (logging, metrics, test injection).
    public var hooks: [any RequestHook]
    /// The environment variables to read; the process's by default (tests pass their own).
    public var environment: [String: String]
    /// How retries wait; `Task.sleep` by default (tests pass a recorder).
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Backoff settings of standard retry mode.
    public var retryStrategy: RetryStrategy?
    /// The value of every `idempotencyToken` member the caller leaves unset; a random UUID by default (tests
    /// pass a constant).
    public var idempotencyTokenGenerator: @Sendable () -> String
    /// `AWS::Auth::AccountIdEndpointMode` for services with account-based endpoints (DynamoDB): `preferred`,
    /// `required` or `disabled`; nil reads `AWS_ACCOUNT_ID_ENDPOINT_MODE`, then the profile's
    /// `account_id_endpoint_mode`, else `preferred`.
    public var accountIDEndpointMode: String?
    /// `standard` or `adaptive`; nil reads `AWS_RETRY_MODE`, then the profile's `retry_mode`, else `standard`.
    public var retryMode: RetryMode?
    /// STS only: `regional` (each region's own endpoint) or `legacy` (the global `sts.amazonaws.com` for the
    /// regions that used it); nil reads `AWS_STS_REGIONAL_ENDPOINTS`, then the profile's
    /// `sts_regional_endpoints`, else `regional`.
    public var stsRegionalEndpoints: String?
    /// Values of the service's endpoint rule-set parameters by name: its `clientContextParams` (S3's
    /// `ForcePathStyle`, `Accelerate`, `DisableMultiRegionAccessPoints`, …) and parameters fed by built-ins the
    /// options above do not cover. They win over the built-ins.
    public var endpointParameters: [String: JSONValue]
    /// Names the application in every request's user agent (`app/…`); nil reads `AWS_SDK_UA_APP_ID`, then the
    /// profile's `sdk_ua_app_id`.
    public var appID: String?
    /// Sends bodies uncompressed even for operations with the `requestCompression` trait.
    public var disableRequestCompression: Bool
    /// Bodies smaller than this are sent uncompressed (the AWS SDKs' default: 10240 bytes).
    public var requestMinCompressionSizeBytes: Int

    /// Every argument is optional; what is left nil is found from the environment and the shared files.
    public init(
        region: String? = nil,
        profile: String? = nil,
        credentialProvider: (any CredentialProvider)? = nil,
        tokenProvider: (any TokenProvider)? = nil,
        endpointURL: String? = nil,
        useFIPS: Bool? = nil,
        useDualStack: Bool? = nil,
        maxAttempts: Int? = nil,
        attemptTimeout: Duration = .seconds(60),
        operationTimeout: Duration? = nil,
        validation: ValidationOptions = .all,
        httpClient: (any HTTPClient)? = nil,
        hooks: [any RequestHook] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        retryStrategy: RetryStrategy? = nil,
        idempotencyTokenGenerator: @escaping @Sendable () -> String = { UUID().uuidString },
        disableRequestCompression: Bool = false,
        requestMinCompressionSizeBytes: Int = 10_240,
        maximumResponseBodySize: Int = URLSessionHTTPClient.defaultMaximumResponseBodySize,
        accountIDEndpointMode: String? = nil,
        retryMode: RetryMode? = nil,
        appID: String? = nil,
        stsRegionalEndpoints: String? = nil,
        endpointParameters: [String: JSONValue] = [:]
    ) {
        self.region = region
        self.profile = profile
        self.credentialProvider = credentialProvider
        self.tokenProvider = tokenProvider
        self.endpointURL = endpointURL
        self.useFIPS = useFIPS
        self.useDualStack = useDualStack
        self.maxAttempts = maxAttempts
        self.attemptTimeout = attemptTimeout
        self.operationTimeout = operationTimeout
        self.validation = validation
        self.httpClient = httpClient
        self.hooks = hooks
        self.environment = environment
        self.sleep = sleep
        self.retryStrategy = retryStrategy
        self.idempotencyTokenGenerator = idempotencyTokenGenerator
        self.disableRequestCompression = disableRequestCompression
        self.requestMinCompressionSizeBytes = requestMinCompressionSizeBytes
        self.maximumResponseBodySize = maximumResponseBodySize
        self.accountIDEndpointMode = accountIDEndpointMode
        self.retryMode = retryMode
        self.appID = appID
        self.stsRegionalEndpoints = stsRegionalEndpoints
        self.endpointParameters = endpointParameters
    }
}
