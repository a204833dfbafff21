import AWSRuntime
import ECRPublic

/// The `--debug` preamble: which region and endpoint calls will use, found the way the client finds them.
/// Shows no credentials at all.
struct DebugSummary {
    let options: GlobalOptions
    let environment: [String: String]

    /// Lines such as `debug: region us-east-1` and `debug: endpoint http://127.0.0.1:8080`.
    func lines() -> [String] {
        let override = endpointOverride()
        let region = resolvedRegion(hasOverride: override != nil)
        return [
            "debug: region \(region)",
            "debug: endpoint \(override ?? ruleSetEndpoint(region: region))",
            "debug: output \(options.output.rawValue)",
        ]
    }

    /// As the runtime does: a custom endpoint does not need a region (signing then uses `us-east-1`).
    private func resolvedRegion(hasOverride: Bool) -> String {
        do {
            return try RegionResolver(environment: environment, profile: options.profile).resolve(clientRegion: options.region)
        } catch {
            return hasOverride ? "us-east-1 (none configured; the default for a custom endpoint)" : "(none: \(error))"
        }
    }

    /// `--endpoint-url`, then `AWS_ENDPOINT_URL_ECR_PUBLIC`, then `AWS_ENDPOINT_URL`, then the profile's
    /// `endpoint_url`.
    private func endpointOverride() -> String? {
        if let url = options.endpointURL { return url }
        for name in ["AWS_ENDPOINT_URL_\(ECRPublicMetadata.service.environmentName)", "AWS_ENDPOINT_URL"] {
            if let url = environment[name], !url.isEmpty { return url }
        }
        let config = try? SharedConfig(environment: environment, profile: options.profile)
        return (try? config?.selectedProfile())?.endpointURL
    }

    /// The endpoint the model's rule set gives for `region`.
    private func ruleSetEndpoint(region: String) -> String {
        guard let text = ECRPublicMetadata.service.endpointRuleSet else { return "(the model has no endpoint rules)" }
        do {
            let ruleSet = try EndpointRuleSet(jsonString: text)
            return try EndpointRuleEvaluator(ruleSet: ruleSet).resolve(EndpointParameters(region: region)).url
        } catch {
            return "(not resolved: \(error))"
        }
    }
}
