import AWSRuntime
import ECRPublic
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Large payloads (issue 17): one UploadLayerPart call with a 20 MiB part (validate, base64 inside JSON, sign, send
/// to a loopback server that reads the whole body), its time and the peak memory it needs beyond the part itself,
/// beside botocore making the same call in the same run. Each side runs in its own process, so the peak is the
/// call's alone.
func largePayloadBenchmarkRows() -> [BenchmarkRow] {
    let response = Data(#"{"registryId": "123456789012", "repositoryName": "bench", "uploadId": "u", "lastByteReceived": 20971519}"#.utf8)
    guard let server = try? CannedHTTPServer(body: response, contentType: "application/x-amz-json-1.1") else {
        print("large-payload benchmark: cannot open a loopback socket")
        return []
    }
    let partMiB = Double(uploadPartSize) / Double(1 << 20)
    guard let ours = measureChild(CommandLine.arguments[0], [uploadPartChildFlag, server.url]) else { return [] }
    let botocore = measureChild("/usr/bin/env", ["python3", "-c", botocoreUploadPart, server.url, String(uploadPartSize)])
    return [
        BenchmarkRow(name: "UploadLayerPart, \(Int(partMiB)) MiB part, whole call", ours: ours.milliseconds, unit: "ms",
                     referenceName: botocore == nil ? nil : "botocore, same call", reference: botocore?.milliseconds,
                     goal: "≤ 0.4× botocore", met: botocore.map { ours.milliseconds <= 0.4 * $0.milliseconds }),
        BenchmarkRow(name: "UploadLayerPart, \(Int(partMiB)) MiB part, peak memory beyond the part", ours: ours.extraMiB,
                     unit: "MiB", referenceName: botocore == nil ? nil : "botocore, same call", reference: botocore?.extraMiB,
                     goal: String(format: "≤ %.0f MiB (2.5× the part)", 2.5 * partMiB), met: ours.extraMiB <= 2.5 * partMiB),
    ]
}

let uploadPartChildFlag = "--upload-part-child"
private let uploadPartSize = 20 << 20

/// The child side: `benchmarks --upload-part-child URL` prints `RESULT <best ms> <peak extra KiB>`.
func runUploadPartChild(url: String) {
    var filled = Data(count: uploadPartSize)
    filled.withUnsafeMutableBytes { buffer in
        for index in stride(from: 0, to: buffer.count, by: 8) { buffer.storeBytes(of: UInt64(index) &* 0x9E37_79B9_7F4A_7C15, toByteOffset: index, as: UInt64.self) }
    }
    let part = filled
    let client = ECRPublicClient(configuration: ClientConfiguration(
        region: "us-east-1", credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret"),
        endpointURL: url, environment: [:]))
    @Sendable func request(_ blob: Data) -> UploadLayerPartRequest {
        UploadLayerPartRequest(repositoryName: "bench", uploadId: "6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b7c6a10", partFirstByte: 0,
                               partLastByte: Int64(blob.count - 1), layerPartBlob: blob)
    }
    let best = runBlocking { () -> Double? in
        // A small call first, so what the first call loads once is not counted as the large call's memory.
        _ = try? await client.uploadLayerPart(request(Data(count: 1024)))
        let baseline = peakResidentKiB()
        var best = Double.infinity
        for _ in 0..<5 {
            let start = ContinuousClock.now
            do {
                _ = try await client.uploadLayerPart(request(part))
            } catch {
                print("upload-part child: \(error)")
                return nil
            }
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        print("RESULT \(best) \(peakResidentKiB() - baseline)")
        return best
    }
    if best == nil { print("upload-part child: the call failed") }
}

/// This process's peak resident memory in KiB: `VmHWM` on Linux, which starts afresh at `exec` (`ru_maxrss` keeps
/// the parent's peak across fork and exec, so a child of a large benchmark process would measure nothing).
private func peakResidentKiB() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
        return kib
    }
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss / 1024  // bytes on Darwin
    #endif
}

/// Runs a measuring child and reads its `RESULT ms KiB` line; nil (printed) when it fails.
private func measureChild(_ executable: String, _ arguments: [String]) -> (milliseconds: Double, extraMiB: Double)? {
    guard let data = childOutput(executable, arguments) else {
        print("large-payload benchmark: \(executable) failed")
        return nil
    }
    let text = String(decoding: data, as: UTF8.self)
    guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else {
        print("large-payload benchmark: \(executable) gave no result: \(text.suffix(500))")
        return nil
    }
    let fields = line.split(separator: " ")
    guard fields.count == 3, let milliseconds = Double(fields[1]), let kib = Double(fields[2]) else { return nil }
    return (milliseconds, kib / 1024)
}

/// botocore's ecr-public client, created once: a small call, then the best of five 20 MiB UploadLayerPart calls.
private let botocoreUploadPart = #"""
import sys, time, botocore.session
url, size = sys.argv[1], int(sys.argv[2])
client = botocore.session.get_session().create_client("ecr-public", region_name="us-east-1", endpoint_url=url,
                                                     aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
part = bytes(range(256)) * (size // 256)
def call(blob):
    client.upload_layer_part(repositoryName="bench", uploadId="6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b7c6a10", partFirstByte=0, partLastByte=len(blob) - 1,
                             layerPartBlob=blob)
def peak_kib():  # VmHWM starts afresh at exec; ru_maxrss would keep the parent's peak
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
call(b"x" * 1024)
baseline = peak_kib()
best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    call(part)
    best = min(best, (time.perf_counter() - start) * 1000)
print("RESULT", best, peak_kib() - baseline)
"""#
