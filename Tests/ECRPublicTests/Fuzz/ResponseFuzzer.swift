import ECRPublic
import Foundation

@testable import AWSRuntime

/// The ECR Public calls the fuzzer makes, each with a valid response body to start from.
enum FuzzOperation: CaseIterable {
    case describeRepositories, describeImages, getAuthorizationToken, describeRegistries, getRepositoryPolicy

    var validBody: String {
        switch self {
        case .describeRepositories:
            return #"{"repositories": [{"repositoryArn": "arn:aws:ecr-public::123456789012:repository/web", "registryId": "123456789012", "repositoryName": "web", "repositoryUri": "public.ecr.aws/a1b2c3/web", "createdAt": 1700000000.5}], "nextToken": "t1"}"#
        case .describeImages:
            return #"{"imageDetails": [{"registryId": "123456789012", "repositoryName": "web", "imageDigest": "sha256:ab12", "imageTags": ["latest", "v1"], "imageSizeInBytes": 1234567, "imagePushedAt": 1700000000, "imageManifestMediaType": "application/vnd.oci.image.manifest.v1+json"}]}"#
        case .getAuthorizationToken:
            return #"{"authorizationData": {"authorizationToken": "QVdTOnNlY3JldA==", "expiresAt": "2026-12-04T12:00:00Z"}}"#
        case .describeRegistries:
            return #"{"registries": [{"registryId": "123456789012", "registryArn": "arn:aws:ecr-public::123456789012:registry/123456789012", "registryUri": "public.ecr.aws/a1b2c3", "verified": true, "aliases": [{"name": "a1b2c3", "status": "ACTIVE", "primaryRegistryAlias": true, "defaultRegistryAlias": true}]}]}"#
        case .getRepositoryPolicy:
            return #"{"registryId": "123456789012", "repositoryName": "web", "policyText": "{\"Version\": \"2012-10-17\"}"}"#
        }
    }

    /// Calls the operation; the output is printed to a string, as a caller's log line would (a `Date` made from
    /// `NaN` traps there).
    func call(_ client: ECRPublicClient) async throws -> String {
        switch self {
        case .describeRepositories:
            return String(describing: try await client.describeRepositories(DescribeRepositoriesRequest()))
        case .describeImages:
            return String(describing: try await client.describeImages(DescribeImagesRequest(repositoryName: "web")))
        case .getAuthorizationToken:
            return String(describing: try await client.getAuthorizationToken(GetAuthorizationTokenRequest()))
        case .describeRegistries:
            return String(describing: try await client.describeRegistries(DescribeRegistriesRequest()))
        case .getRepositoryPolicy:
            return String(describing: try await client.getRepositoryPolicy(GetRepositoryPolicyRequest(repositoryName: "web")))
        }
    }
}

/// Runs hostile responses against the generated ECR Public client on the default transport and counts what
/// happened: every call must end, within its limits, in an output or a typed error.
final class ResponseFuzzer: @unchecked Sendable {
    struct Figures {
        var cases = 0
        var outcomes: [String: Int] = [:]
        var untyped: [String] = []
        var hangs: [String] = []
        var slowest: (seconds: Double, label: String) = (0, "")
        var baselineResident = 0
        var peakResident = 0
        var residentAfterTenthOfCases = 0
        var residentAtEnd = 0
        var seconds = 0.0

        var report: String {
            let mib = { (bytes: Int) in String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
            var lines = ["fuzz: \(cases) cases in \(String(format: "%.1f", seconds)) s"]
            lines.append("fuzz: outcomes by type:")
            for (outcome, count) in outcomes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                lines.append("fuzz:   \(String(count).leftPadded(to: 6))  \(outcome)")
            }
            lines.append("fuzz: untyped errors: \(untyped.count)\(untyped.isEmpty ? "" : " " + untyped.prefix(5).joined(separator: "; "))")
            lines.append("fuzz: hangs (calls over \(Int(ResponseFuzzer.hangLimit)) s): \(hangs.count)\(hangs.isEmpty ? "" : " " + hangs.prefix(5).joined(separator: "; "))")
            lines.append("fuzz: slowest case: \(String(format: "%.2f", slowest.seconds)) s (\(slowest.label))")
            lines.append("fuzz: resident memory: baseline \(mib(baselineResident)), after 10% of cases \(mib(residentAfterTenthOfCases)), at end \(mib(residentAtEnd)), peak \(mib(peakResident))")
            return lines.joined(separator: "\n")
        }
    }

    /// A call that takes longer than this is a hang: the attempt timeout is 1 s and a call has 2 attempts.
    static let hangLimit = 10.0

    private let lock = NSLock()
    private var current: HostileResponse?

    /// Runs `count` cases from `seed` against one loopback server, on `transport` (the default one when nil).
    func run(cases count: Int, seed: UInt64, transport: (any HTTPClient)? = nil) async throws -> Figures {
        var figures = Figures()
        var random = FuzzRandom(seed: seed)
        var generator = HostileResponseGenerator(bomb: GzipBomb.make(inflatingTo: 1 << 30))
        let server = try LoopbackHTTPServer(lifetime: .seconds(3600), maxRequests: Int.max, recordsRequests: false) { [self] _ in
            lock.withLock { current?.reply } ?? .close
        }
        defer { server.stop() }
        let client = ECRPublicClient(configuration: ClientConfiguration(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDFUZZ", secretAccessKey: "fuzz-secret"),
            endpointURL: server.baseURL.absoluteString, maxAttempts: 2, attemptTimeout: .seconds(1), httpClient: transport,
            environment: [:], sleep: { _ in }, maximumResponseBodySize: HostileResponseGenerator.bodyLimit))

        ProcessMemory.resetPeak()
        figures.baselineResident = ProcessMemory.residentBytes ?? 0
        let clock = ContinuousClock()
        let started = clock.now
        for index in 0..<count {
            let operation = random.pick(FuzzOperation.allCases)
            let response = generator.make(for: operation, random: &random)
            lock.withLock { current = response }
            let caseStarted = clock.now
            let outcome: String
            do {
                _ = try await operation.call(client)
                outcome = "success"
            } catch {
                let (name, typed) = Self.classify(error)
                outcome = name
                if !typed { figures.untyped.append("case \(index) (\(response.label)): \(name)") }
            }
            let elapsed = clock.now - caseStarted
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if seconds > figures.slowest.seconds { figures.slowest = (seconds, "case \(index), \(response.label)") }
            if seconds > Self.hangLimit { figures.hangs.append("case \(index) (\(response.label)): \(seconds) s") }
            figures.outcomes[outcome, default: 0] += 1
            figures.cases += 1
            if index == count / 10 { figures.residentAfterTenthOfCases = ProcessMemory.residentBytes ?? 0 }
        }
        let total = clock.now - started
        figures.seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        figures.residentAtEnd = ProcessMemory.residentBytes ?? 0
        figures.peakResident = ProcessMemory.peakResidentBytes ?? 0
        return figures
    }

    /// The error's type and case, and whether it is one of the types the client documents.
    static func classify(_ error: any Error) -> (String, typed: Bool) {
        switch error {
        case let error as ECRPublicError:
            return ("ECRPublicError(\(error.errorCode.count > 40 ? "long code" : error.errorCode))", true)
        case let error as ClientRuntimeError:
            return ("ClientRuntimeError.\(caseName(error))", true)
        case let error as HTTPClientError:
            switch error {
            case .timedOut: return ("HTTPClientError.timedOut", true)
            case .cancelled: return ("HTTPClientError.cancelled", true)
            default: return ("HTTPClientError.\(caseName(error))", true)
            }
        case let error as CredentialProviderError:
            return ("CredentialProviderError.\(caseName(error))", true)
        case is ValidationError:
            return ("ValidationError", true)
        default:
            return ("untyped \(type(of: error)): \(error)", false)
        }
    }

    private static func caseName(_ value: Any) -> String {
        if let label = Mirror(reflecting: value).children.first?.label { return label }
        return String(describing: value).split(separator: "(").first.map(String.init) ?? "\(value)"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
