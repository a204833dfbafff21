import AWSRuntime
import Foundation

/// µs per SigV4 signature of a typical ECR Public request, ours beside botocore's `SigV4Auth.add_auth`
/// timed by python3 in the same run.
///
/// The goal (issue 17) sits below the published figures for compiled SDKs: the AWS SDK for Java v2 signer
/// at 3.55 µs and smithy-java at 2–4.4 µs. About 0.4–0.6 µs of it is SHA-256 (body, canonical request, HMAC);
/// the rest is building the canonical request, string to sign and `Authorization` value.
func sigV4BenchmarkRows() -> [BenchmarkRow] {
    let body = Data(#"{"repositoryNames":["my-application-repository"],"maxResults":100,"nextToken":"abcdefghij123456789"}"#.utf8)
    let request = HTTPRequest(
        method: "POST", url: URL(string: "https://api.ecr-public.us-east-1.amazonaws.com/")!,
        headers: [
            "Host": "api.ecr-public.us-east-1.amazonaws.com",
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "SpencerFrontendService.DescribeRepositories",
            "Content-Length": String(body.count),
            "User-Agent": "swift-aws-codegen/0.1",
        ], body: body)
    let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let signer = SigV4Signer()
    let date = Date()
    // Many short windows, best one kept: on a shared 2-core VM a long window rarely escapes interference.
    // 300 windows of 400 signatures (about 0.7 ms each) do the same total work as the earlier 30 of 4 000,
    // with ten times the chances of a window no other process interrupts.
    let iterations = 400
    let best = bestTime(iterations: 300) {
        for _ in 0..<iterations {
            var copy = request
            _ = try? signer.sign(
                &copy, credentials: credentials, region: "us-east-1", signingName: "ecr-public", date: date)
        }
    }
    let oursMicroseconds = best.seconds / Double(iterations) * 1e6
    let botocore = botocoreMicroseconds(body: body)
    return [
        BenchmarkRow(
            name: "SigV4 sign, ECR Public POST, \(body.count) B body", ours: oursMicroseconds, unit: "µs",
            referenceName: botocore.map { _ in "botocore SigV4Auth.add_auth" }, reference: botocore, goal: "≤ 2 µs",
            met: oursMicroseconds <= 2)
    ]
}

/// Runs a small python3 script that times botocore signing the same request; nil when unavailable.
private func botocoreMicroseconds(body: Data) -> Double? {
    let script = """
        import time, sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        body = sys.stdin.buffer.read()
        auth = SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "ecr-public", "us-east-1")
        headers = {"Content-Type": "application/x-amz-json-1.1",
                   "X-Amz-Target": "SpencerFrontendService.DescribeRepositories",
                   "Content-Length": str(len(body)), "User-Agent": "swift-aws-codegen/0.1"}
        url = "https://api.ecr-public.us-east-1.amazonaws.com/"
        n, best = 5000, float("inf")
        for _ in range(5):
            requests = [AWSRequest(method="POST", url=url, headers=dict(headers), data=body) for _ in range(n)]
            start = time.perf_counter()
            for request in requests:
                auth.add_auth(request)
            best = min(best, (time.perf_counter() - start) / n)
        print(best * 1e6)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else {
        print("python3 not found: no botocore reference")
        return nil
    }
    input.fileHandleForWriting.write(body)
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
        let value = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    else {
        print("botocore benchmark failed (is botocore installed?)")
        return nil
    }
    return value
}
