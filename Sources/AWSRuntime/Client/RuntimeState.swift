import Foundation

/// What a client works out once and shares between calls: transport, credentials, signer, endpoint,
/// retry quota and clock correction.
final class RuntimeState: Sendable {
    let metadata: ServiceMetadata
    let configuration: ClientConfiguration
    let httpClient: any HTTPClient
    let credentials: any CredentialProvider
    /// The bearer tokens of `httpBearerAuth` operations; nil when neither the configuration nor the client has a
    /// source (such calls then fail before anything is sent).
    let tokens: (any TokenProvider)?
    let signer = SigV4Signer()
    let retryQuota = RetryQuota()
    /// Seconds to add to the local clock when signing, learnt from a clock-skew error.
    let clockOffset = LockedValue<TimeInterval>(0)
    private let endpointBase = LockedValue<EndpointBase?>(nil)
    /// The region the instance metadata service gave, or why it gave none; looked up once, and only when no other
    /// source names a region.
    private let metadataRegion = LockedValue<Result<String, ConfigError>?>(nil)
    /// Resolved targets by the parameters a call adds; bounded, since those may be table names or ARNs.
    private let resolvedTargets = LockedValue<[TargetKey: ResolvedTarget]>([:])
    private static let maximumCachedTargets = 256

    private struct TargetKey: Hashable {
        var operationParameters: [String: JSONValue]
        var accountID: String?
    }

    /// The region and endpoint calls go to.
    struct ResolvedTarget: Sendable {
        var region: String
        var endpoint: URL
        var headers: [String: [String]]
    }

    init(metadata: ServiceMetadata, configuration: ClientConfiguration, defaultCredentials: CredentialChainFactory,
         defaultTokens: TokenChainFactory?) {
        self.metadata = metadata
        self.configuration = configuration
        let httpClient = configuration.httpClient
            ?? DefaultHTTPClient(maximumResponseBodySize: configuration.maximumResponseBodySize)
        self.httpClient = httpClient
        self.maxAttempts = Self.resolveMaxAttempts(configuration)
        self.retryMode = Self.resolveRetryMode(configuration)
        self.rateLimiter = retryMode == .adaptive ? ClientRateLimiter(now: Self.monotonicNow()) : nil
        self.userAgent = UserAgent.value(sdkId: metadata.sdkId, retryMode: retryMode, appID: Self.resolveAppID(configuration))
        let chainContext = CredentialChainContext(
            profile: configuration.profile, environment: configuration.environment, region: configuration.region,
            httpClient: httpClient)
        self.credentials = configuration.credentialProvider ?? defaultCredentials(chainContext)
        self.tokens = configuration.tokenProvider ?? defaultTokens?(chainContext)
    }

    /// What endpoint resolution takes from the client's configuration, worked out once: the region, the rule set
    /// ready to evaluate, and the parameters from configuration (region, FIPS, dual-stack, override, account-id
    /// endpoint mode).
    struct EndpointBase: Sendable {
        var region: String
        var evaluator: EndpointRuleEvaluator?
        var parameters: EndpointParameters
        /// The fixed target when the model has no rule set (an override is then required).
        var fixed: ResolvedTarget?
        /// Whether a rule-set parameter is bound to `AWS::Auth::AccountId`, so calls need the caller's account.
        var usesAccountID: Bool
    }

    /// Whether endpoints depend on the caller's account id (so a call reads its credentials before resolving).
    func usesAccountID() throws -> Bool { try base().usesAccountID }

    /// Region and endpoint for a call: the configuration's parameters with the operation's own (its
    /// `staticContextParams`, `contextParam` members and `operationContextParams`) and the caller's account id.
    /// Resolutions are kept by what the call adds (the configuration cannot change for a client), so a busy
    /// client does not evaluate the rule set on every call.
    func target(operationParameters: [String: JSONValue] = [:], accountID: String? = nil) throws -> ResolvedTarget {
        let base = try base()
        if let fixed = base.fixed { return fixed }
        guard let evaluator = base.evaluator else {
            throw ClientRuntimeError.endpointUnavailable("the model has no endpoint rule set; set endpointURL")
        }
        let key = TargetKey(operationParameters: operationParameters, accountID: accountID)
        if let cached = resolvedTargets.withLock({ $0[key] }) { return cached }
        var parameters = base.parameters
        for (name, value) in operationParameters { parameters[name] = value }
        if let accountID { parameters.builtIns[.accountID] = .string(accountID) }
        let endpoint = try evaluator.resolve(parameters)
        guard let url = URL(string: endpoint.url) else {
            throw ClientRuntimeError.endpointUnavailable("the rule set produced an invalid URL \(endpoint.url)")
        }
        // A rule may name the region to sign for (STS's global endpoint signs for us-east-1 whatever the region).
        let signingRegion = endpoint.properties["authSchemes"]?.arrayValue?.first?["signingRegion"]?.stringValue
        let resolved = ResolvedTarget(region: signingRegion ?? base.region, endpoint: url, headers: endpoint.headers)
        resolvedTargets.withLock { cache in
            if cache.count >= Self.maximumCachedTargets { cache.removeAll() }
            cache[key] = resolved
        }
        return resolved
    }

    private func base() throws -> EndpointBase {
        if let cached = endpointBase.withLock({ $0 }) { return cached }
        let resolved = try resolveBase()
        endpointBase.withLock { $0 = resolved }
        return resolved
    }

    /// Looks the region up in EC2 instance metadata when the client option, the environment and the profile name
    /// none (and no endpoint override makes one unnecessary). Runs before the first endpoint resolution.
    func resolveRegionFromInstanceMetadataIfNeeded() async {
        guard configuration.region == nil, metadataRegion.withLock({ $0 }) == nil,
              endpointBase.withLock({ $0 }) == nil, (try? endpointOverride()) ?? nil == nil else { return }
        let resolver = RegionResolver(environment: configuration.environment, profile: configuration.profile)
        do {
            _ = try resolver.resolve()
            return
        } catch {
            // Only a region missing everywhere sends us to the metadata service; a broken config file is its own error.
            guard case .noRegion = error else { return }
        }
        let result: Result<String, ConfigError>
        do {
            let region = try await IMDSRegionProvider(
                environment: configuration.environment, profile: configuration.profile, httpClient: httpClient).region()
            result = .success(region)
        } catch {
            result = .failure(.noRegion(tried: ["EC2 instance metadata (\(error))"]))
        }
        metadataRegion.withLock { $0 = result }
    }

    private func resolveBase() throws -> EndpointBase {
        let environment = configuration.environment
        let resolver = RegionResolver(environment: environment, profile: configuration.profile)
        let override = try endpointOverride()
        // A custom endpoint (a local test server) does not need a region to be reachable; signing still does.
        let region: String
        do {
            region = try resolver.resolve(clientRegion: configuration.region)
        } catch {
            switch metadataRegion.withLock({ $0 }) {
            case .success(let found)?:
                region = found
            case .failure(.noRegion(let metadataTried))? where override == nil:
                if case .noRegion(let tried) = error { throw ConfigError.noRegion(tried: tried + metadataTried) }
                throw error
            default:
                guard override != nil else { throw error }
                region = "us-east-1"
            }
        }
        guard let ruleSetText = metadata.endpointRuleSet else {
            guard let override, let url = URL(string: override) else {
                throw ClientRuntimeError.endpointUnavailable("the model has no endpoint rule set; set endpointURL")
            }
            return EndpointBase(
                region: region, evaluator: nil, parameters: EndpointParameters(),
                fixed: ResolvedTarget(region: region, endpoint: url, headers: [:]), usesAccountID: false)
        }
        let ruleSet = try EndpointRuleSet(jsonString: ruleSetText)
        var parameters = EndpointParameters(
            region: region,
            useFIPS: flag(configuration.useFIPS, variable: "AWS_USE_FIPS_ENDPOINT", profileKey: "use_fips_endpoint"),
            useDualStack: flag(configuration.useDualStack, variable: "AWS_USE_DUALSTACK_ENDPOINT",
                               profileKey: "use_dualstack_endpoint"),
            endpoint: override)
        parameters.builtIns[.region] = .string(region)
        parameters.builtIns[.accountIDEndpointMode] = .string(accountIDEndpointMode())
        if ruleSet.parameters.contains(where: { $0.builtIn == EndpointBuiltIn.stsUseGlobalEndpoint }) {
            parameters.builtIns[.stsUseGlobalEndpoint] = .bool(stsRegionalEndpoints() == "legacy")
        }
        for (name, value) in configuration.endpointParameters { parameters[name] = value }
        return EndpointBase(
            region: region, evaluator: EndpointRuleEvaluator(ruleSet: ruleSet), parameters: parameters, fixed: nil,
            usesAccountID: ruleSet.parameters.contains { $0.builtIn == EndpointBuiltIn.accountID })
    }

    /// `AWS::Auth::AccountIdEndpointMode`: the client option, `AWS_ACCOUNT_ID_ENDPOINT_MODE`, the profile's
    /// `account_id_endpoint_mode`, else `preferred` (use account endpoints when the account is known).
    private func accountIDEndpointMode() -> String {
        if let mode = configuration.accountIDEndpointMode { return mode }
        if let mode = configuration.environment["AWS_ACCOUNT_ID_ENDPOINT_MODE"], !mode.isEmpty { return mode }
        let locations = SharedConfigLocations(environment: configuration.environment, profile: configuration.profile)
        return (try? SharedConfig(locations: locations).selectedProfile())?["account_id_endpoint_mode"] ?? "preferred"
    }

    /// `regional` or `legacy`: the client option, `AWS_STS_REGIONAL_ENDPOINTS`, the profile's
    /// `sts_regional_endpoints`, else `regional` (as the AWS SDKs have defaulted since 2022).
    private func stsRegionalEndpoints() -> String {
        if let mode = configuration.stsRegionalEndpoints { return mode.lowercased() }
        if let mode = configuration.environment["AWS_STS_REGIONAL_ENDPOINTS"], !mode.isEmpty { return mode.lowercased() }
        let locations = SharedConfigLocations(environment: configuration.environment, profile: configuration.profile)
        return (try? SharedConfig(locations: locations).selectedProfile())?["sts_regional_endpoints"]?.lowercased() ?? "regional"
    }

    /// A boolean setting: the client option, then the environment variable, then the profile, else false.
    private func flag(_ option: Bool?, variable: String, profileKey: String) -> Bool {
        if let option { return option }
        if let text = configuration.environment[variable] { return text.lowercased() == "true" }
        let locations = SharedConfigLocations(environment: configuration.environment, profile: configuration.profile)
        let profile = try? SharedConfig(locations: locations).selectedProfile()
        return profile?[profileKey]?.lowercased() == "true"
    }

    /// The endpoint override, in the AWS CLI's order: client option, `AWS_ENDPOINT_URL_<SERVICE>`,
    /// `AWS_ENDPOINT_URL`, the profile's `endpoint_url`.
    func endpointOverride() throws -> String? {
        if let url = configuration.endpointURL, !url.isEmpty { return url }
        let environment = configuration.environment
        let config = try? SharedConfig(locations: SharedConfigLocations(environment: environment, profile: configuration.profile))
        let profile = try? config?.selectedProfile()
        // `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls` turn off all but the code's own.
        let ignore = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? profile?["ignore_configured_endpoint_urls"]
        if ignore?.lowercased() == "true" { return nil }
        if let url = environment["AWS_ENDPOINT_URL_\(metadata.environmentName)"], !url.isEmpty { return url }
        if let url = environment["AWS_ENDPOINT_URL"], !url.isEmpty { return url }
        // `services = name` in the profile points at `[services name]`, whose `sts =` / `  endpoint_url = …`
        // sub-properties set one service's endpoint.
        if let section = profile?["services"].flatMap({ config?.services[$0] }),
           let url = section[metadata.environmentName.lowercased()].map(INIFile.subProperties(of:))?["endpoint_url"],
           !url.isEmpty {
            return url
        }
        return profile?.endpointURL
    }

    /// The retry mode: client option, `AWS_RETRY_MODE`, the profile's `retry_mode`, else standard.
    let retryMode: RetryMode
    /// The adaptive mode's rate limiter, shared by every call of the client; nil in standard mode.
    let rateLimiter: ClientRateLimiter?

    static func resolveRetryMode(_ configuration: ClientConfiguration) -> RetryMode {
        if let mode = configuration.retryMode { return mode }
        if let text = configuration.environment["AWS_RETRY_MODE"], let mode = RetryMode(setting: text) { return mode }
        let locations = SharedConfigLocations(environment: configuration.environment, profile: configuration.profile)
        if let text = (try? SharedConfig(locations: locations).selectedProfile())?["retry_mode"],
           let mode = RetryMode(setting: text) {
            return mode
        }
        return .standard
    }

    /// The `User-Agent` of every request this client sends.
    let userAgent: String

    /// The application id for the user agent: client option, `AWS_SDK_UA_APP_ID`, the profile's `sdk_ua_app_id`.
    static func resolveAppID(_ configuration: ClientConfiguration) -> String? {
        if let appID = configuration.appID { return appID }
        if let appID = configuration.environment["AWS_SDK_UA_APP_ID"], !appID.isEmpty { return appID }
        let locations = SharedConfigLocations(environment: configuration.environment, profile: configuration.profile)
        return (try? SharedConfig(locations: locations).selectedProfile())?["sdk_ua_app_id"]
    }

    /// Seconds on a clock that never jumps, for the rate limiter.
    static func monotonicNow() -> Double { ProcessInfo.processInfo.systemUptime }

    /// Attempts per call: client option, `AWS_MAX_ATTEMPTS`, the profile's `max_attempts`, the retry strategy's,
    /// else 3. Worked out once: the shared config files are not read again on every call.
    let maxAttempts: Int

    static func resolveMaxAttempts(_ configuration: ClientConfiguration) -> Int {
        if let attempts = configuration.maxAttempts { return max(1, attempts) }
        if let text = configuration.environment["AWS_MAX_ATTEMPTS"], let attempts = Int(text), attempts > 0 {
            return attempts
        }
        let locations = SharedConfigLocations(environment: configuration.environment, profile: configuration.profile)
        if let profile = try? SharedConfig(locations: locations).selectedProfile(), let attempts = try? profile.maxAttempts {
            return attempts
        }
        return configuration.retryStrategy?.maxAttempts ?? 3
    }
}
