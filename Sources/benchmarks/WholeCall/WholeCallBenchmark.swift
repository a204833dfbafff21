import AWSRuntime
import ECRPublic
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Whole-call overhead: DescribeRepositories against a keep-alive loopback server answering a canned response,
/// at concurrency 1 and 64, for the generated client, the same signed request sent bare (URLSession, and the
/// libcurl transport the client uses on Linux), and botocore with a reused client, all in this run.
func wholeCallBenchmarkRows() -> [BenchmarkRow] {
    let body = Data(#"{"repositories": [\#((0..<3).map { #"{"repositoryArn": "arn:aws:ecr-public::123456789012:repository/app-\#($0)", "registryId": "123456789012", "repositoryName": "app-\#($0)", "repositoryUri": "public.ecr.aws/e2e/app-\#($0)", "createdAt": 1.7e9}"# }.joined(separator: ", "))]}"#.utf8)
    guard let server = try? CannedHTTPServer(body: body, contentType: "application/x-amz-json-1.1") else {
        print("whole-call benchmark: cannot open a loopback socket")
        return []
    }
    var rows: [BenchmarkRow] = []
    for (concurrency, calls) in [(1, 3_000), (64, 12_000)] {
        let figures = runBlocking { () -> (ours: LoadFigures, curl: LoadFigures, urlSession: LoadFigures)? in
            try? await measureSwiftTransports(url: server.url, calls: calls, concurrency: concurrency)
        }
        guard let figures else {
            print("whole-call benchmark failed at concurrency \(concurrency)")
            continue
        }
        let botocore = botocoreLoad(url: server.url, calls: concurrency == 1 ? 2_000 : 4_000, concurrency: concurrency)
        let label = "whole call DescribeRepositories, c=\(concurrency)"
        let floorRatio = figures.ours.callsPerSecond / figures.urlSession.callsPerSecond
        rows.append(BenchmarkRow(
            name: "\(label), calls/s", ours: figures.ours.callsPerSecond, unit: "calls/s",
            referenceName: "same signed request, bare URLSession", reference: figures.urlSession.callsPerSecond,
            goal: concurrency == 1 ? "≥ 0.8× bare URLSession" : "-", met: concurrency == 1 ? floorRatio >= 0.8 : nil))
        rows.append(BenchmarkRow(
            name: "\(label), calls/s", ours: figures.ours.callsPerSecond, unit: "calls/s",
            referenceName: "same signed request, bare libcurl transport", reference: figures.curl.callsPerSecond,
            goal: "-", met: nil))
        if let botocore {
            rows.append(BenchmarkRow(
                name: "\(label), calls/s", ours: figures.ours.callsPerSecond, unit: "calls/s",
                referenceName: "botocore, reused client", reference: botocore.callsPerSecond,
                goal: concurrency == 1 ? "≥ 3× botocore" : "-",
                met: concurrency == 1 ? figures.ours.callsPerSecond >= 3 * botocore.callsPerSecond : nil))
        }
        rows.append(BenchmarkRow(
            name: "\(label), p50 latency", ours: figures.ours.p50Microseconds, unit: "µs",
            referenceName: botocore == nil ? "bare URLSession" : "botocore",
            reference: botocore?.p50Microseconds ?? figures.urlSession.p50Microseconds, goal: "-", met: nil))
        rows.append(BenchmarkRow(
            name: "\(label), p99 latency", ours: figures.ours.p99Microseconds, unit: "µs",
            referenceName: botocore == nil ? "bare URLSession" : "botocore",
            reference: botocore?.p99Microseconds ?? figures.urlSession.p99Microseconds, goal: "-", met: nil))
    }
    return rows
}

/// Our client, then the same signed request over the bare transports.
private func measureSwiftTransports(url: String, calls: Int, concurrency: Int) async throws
    -> (ours: LoadFigures, curl: LoadFigures, urlSession: LoadFigures)
{
    let credentials = StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let client = ECRPublicClient(configuration: ClientConfiguration(
        region: "us-east-1", credentialProvider: credentials, endpointURL: url, environment: [:]))
    let ours = try await bestLoad(windows: 3, calls: calls, concurrency: concurrency) {
        _ = try await client.describeRepositories(DescribeRepositoriesRequest())
    }

    // The request the client sends, signed once: the bare transports only send it.
    var request = HTTPRequest(method: "POST", url: URL(string: url + "/")!, body: Data("{}".utf8))
    request.headers.add(name: "Content-Type", value: "application/x-amz-json-1.1")
    request.headers.add(name: "X-Amz-Target", value: "SpencerFrontendService.DescribeRepositories")
    request.headers.add(name: "Content-Length", value: "2")
    try SigV4Signer().sign(&request, credentials: try await credentials.credentials(), region: "us-east-1",
                           signingName: "ecr-public", date: Date())
    let signed = request
    let transport = DefaultHTTPClient()
    let curl = try await bestLoad(windows: 3, calls: calls, concurrency: concurrency) {
        _ = try await transport.send(signed, timeout: .seconds(30))
    }

    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = max(concurrency, 6)
    let session = URLSession(configuration: configuration)
    var urlRequest = URLRequest(url: signed.url)
    urlRequest.httpMethod = signed.method
    urlRequest.httpBody = signed.body
    for field in signed.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
    let bare = urlRequest
    let urlSession = try await bestLoad(windows: 3, calls: calls, concurrency: concurrency) {
        _ = try await session.data(for: bare)
    }
    return (ours, curl, urlSession)
}

/// botocore's `ecr-public` client, created once, calling DescribeRepositories `calls` times with `concurrency`
/// threads; nil when python3 or botocore is missing.
private func botocoreLoad(url: String, calls: Int, concurrency: Int) -> LoadFigures? {
    let script = """
        import json, sys, time
        from concurrent.futures import ThreadPoolExecutor
        import botocore.session
        from botocore.config import Config
        url, calls, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        client = botocore.session.get_session().create_client(
            "ecr-public", region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            config=Config(max_pool_connections=concurrency, retries={"max_attempts": 1}))
        def one(_):
            began = time.perf_counter()
            client.describe_repositories()
            return time.perf_counter() - began
        best = None
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(one, range(min(calls, 200))))
            for _ in range(3):
                start = time.perf_counter()
                latencies = sorted(pool.map(one, range(calls)))
                rate = calls / (time.perf_counter() - start)
                if best is None or rate > best[0]:
                    best = (rate, latencies[len(latencies) // 2], latencies[min(len(latencies) - 1, len(latencies) * 99 // 100)])
        print(json.dumps({"cps": best[0], "p50": best[1] * 1e6, "p99": best[2] * 1e6}))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, url, String(calls), String(concurrency)]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else {
        print("python3 not found: no botocore reference for the whole-call benchmark")
        return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Double],
          let rate = object["cps"], let p50 = object["p50"], let p99 = object["p99"]
    else {
        print("botocore whole-call benchmark failed (is botocore installed?)")
        return nil
    }
    return LoadFigures(callsPerSecond: rate, p50Microseconds: p50, p99Microseconds: p99)
}
