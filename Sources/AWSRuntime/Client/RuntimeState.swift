import Foundation

/// What a client works out once and shares between calls: transport, credentials, signer, endpoint,
/// retry quota and clock correction.
final class RuntimeState: Sendable {
    let metadata: ServiceMetadata
    let configuration: ClientConfiguration
    let httpClient: any HTTPClient
    let credentials: any CredentialProvider
    let signer = SigV4Signer()
    let retryQuota = RetryQuota()
    /// Seconds to add to the local clock when signing, learnt from a clock-skew error.
    let clockOffset = LockedValue<TimeInterval>(0)
    private let resolvedTarget = LockedValue<ResolvedTarget?>(nil)

    /// The region and endpoint calls go to.
    struct ResolvedTarget: Sendable {
        var region: String
        var endpoint: URL
        var headers: [String: [String]]
    }

    init(metadata: ServiceMetadata, configuration: ClientConfiguration) {
        self.metadata = metadata
        self.configuration = configuration
        let httpClient = configuration.httpClient
            ?? DefaultHTTPClient(maximumResponseBodySize: configuration.maximumResponseBodySize)
        self.httpClient = httpClient
        self.maxAttempts = Self.resolveMaxAttempts(configuration)
        self.credentials = configuration.credentialProvider
            ?? DefaultCredentialChain(profile: configuration.profile, environment: configuration.environment,
                                      httpClient: httpClient)
    }

    /// Region and endpoint, resolved on first use and then reused (they cannot change for a client).
    func target() throws -> ResolvedTarget {
        if let cached = resolvedTarget.withLock({ $0 }) { return cached }
        let resolved = try resolveTarget()
        resolvedTarget.withLock { $0 = resolved }
        return resolved
    }

    private func resolveTarget() throws -> ResolvedTarget {
        let environment = configuration.environment
        let resolver = RegionResolver(environment: environment, profile: configuration.profile)
        let override = try endpointOverride()
        // A custom endpoint (a local test server) does not need a region to be reachable; signing still does.
        let region: String
        do {
            region = try resolver.resolve(clientRegion: configuration.region)
        } catch {
            guard override != nil else { throw error }
            region = "us-east-1"
        }
        guard let ruleSetText = metadata.endpointRuleSet else {
            guard let override, let url = URL(string: override) else {
                throw ClientRuntimeError.endpointUnavailable("the model has no endpoint rule set; set endpointURL")
            }
            return ResolvedTarget(region: region, endpoint: url, headers: [:])
        }
        let ruleSet = try EndpointRuleSet(jsonString: ruleSetText)
        var parameters = EndpointParameters(
            region: region,
            useFIPS: flag(configuration.useFIPS, variable: "AWS_USE_FIPS_ENDPOINT", profileKey: "use_fips_endpoint"),
            useDualStack: flag(configuration.useDualStack, variable: "AWS_USE_DUALSTACK_ENDPOINT",
                               profileKey: "use_dualstack_endpoint"),
            endpoint: override)
        parameters.builtIns[.region] = .string(region)
        let endpoint = try EndpointRuleEvaluator(ruleSet: ruleSet).resolve(parameters)
        guard let url = URL(string: endpoint.url) else {
            throw ClientRuntimeError.endpointUnavailable("the rule set produced an invalid URL \(endpoint.url)")
        }
        return ResolvedTarget(region: region, endpoint: url, headers: endpoint.headers)
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
        for name in ["AWS_ENDPOINT_URL_\(metadata.environmentName)", "AWS_ENDPOINT_URL"] {
            if let url = environment[name], !url.isEmpty { return url }
        }
        let config = try? SharedConfig(locations: SharedConfigLocations(environment: environment, profile: configuration.profile))
        return (try? config?.selectedProfile())?.endpointURL
    }

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
