import AWSRuntime
import ECRPublic

/// The `--debug` preamble: which region and endpoint calls will use, as the client itself resolves them.
/// Shows no credentials at all.
struct DebugSummary {
    let client: ECRPublicClient
    let output: OutputFormat

    /// Lines such as `debug: region us-east-1` and `debug: endpoint http://127.0.0.1:8080/`.
    func lines() -> [String] {
        let endpoint: [String]
        do {
            let resolved = try client.runtime.resolvedEndpoint()
            endpoint = ["debug: region \(resolved.region)", "debug: endpoint \(resolved.url.absoluteString)"]
        } catch {
            endpoint = ["debug: endpoint not resolved: \(error)"]
        }
        return endpoint + ["debug: output \(output.rawValue)"]
    }
}
