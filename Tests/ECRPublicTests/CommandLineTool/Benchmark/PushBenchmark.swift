import Foundation
import XCTest

/// Measures `push` of a 200 MiB single-layer image to the loopback test service: throughput and peak memory,
/// beside two references in the same run, copying the file to the service with `curl` and the same calls
/// made with boto3. Speed goals are measured, not asserted; run with
/// `ECR_PUBLIC_PUSH_BENCHMARK=1 [ECR_PUBLIC_BINARY=.build/release/ecr-public] swift test --filter PushBenchmark`.
final class PushBenchmark: XCTestCase {
    private static let layerSize = 200 << 20

    func testPushOf200MiBImage() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["ECR_PUBLIC_PUSH_BENCHMARK"] == "1" else {
            throw XCTSkip("SKIPPED: the push benchmark runs only with ECR_PUBLIC_PUSH_BENCHMARK=1")
        }
        for tool in ["/usr/bin/time", "/usr/bin/curl"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("SKIPPED: the push benchmark needs \(tool)")
        }
        let binary = environment["ECR_PUBLIC_BINARY"].map { URL(fileURLWithPath: $0) } ?? ToolRunner.binary
        let image = TestImages.ociImage(layerSizes: [Self.layerSize - 4096], seed: 71, compressed: false)
        let layout = try TestImages.directory(
            TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs),
            for: self)
        let layerFile = layout.appendingPathComponent("blobs/sha256/" + image.layers[0].digest.dropFirst("sha256:".count))
        let mebibytes = Double(image.layers[0].data.count) / Double(1 << 20)

        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "bench"])
        let push = try await timed(binary.path, ["push", layout.path, "bench:latest", "--endpoint-url", service.endpointURL],
                                   service: service)
        let stored = try await service.blob(image.layers[0].digest, in: "bench")
        XCTAssertEqual(stored.map(sha256Digest), image.layers[0].digest, "the layer arrived whole")

        let curl = try await timed("/usr/bin/curl", ["-sS", "-o", "/dev/null", "-X", "POST", "--data-binary",
                                                      "@" + layerFile.path, service.endpointURL + "/_copy"], service: service)
        _ = try await service.succeed(["create-repository", "--repository-name", "boto3"])
        let boto3 = try await timed("/usr/bin/env", ["python3", "-c", Self.boto3Push, service.endpointURL, layerFile.path,
                                                      image.layers[0].digest], service: service)

        let partSize = 5.0  // MiB, what the test service's InitiateLayerUpload returns
        print("""
        push benchmark, \(String(format: "%.1f", mebibytes)) MiB layer over loopback:
          ecr-public push  \(push.summary(mebibytes: mebibytes))  (goal: peak below \(Int(64 + partSize * 4)) MiB = 64 + part size × concurrency)
          curl copy        \(curl.summary(mebibytes: mebibytes))
          boto3 calls      \(boto3.summary(mebibytes: mebibytes))
          push / curl time \(String(format: "%.2f", push.seconds / curl.seconds))× (goal: within 2×)
        """)
    }

    /// Wall time, peak resident memory and CPU time (user + system) of one run, from GNU time. The CPU time
    /// shows what the client itself costs when the Python service is the slower end.
    private struct Measurement {
        var seconds: Double
        var peakKiB: Int
        var cpuSeconds: Double

        func summary(mebibytes: Double) -> String {
            String(format: "%6.2f s  %7.1f MiB/s  peak RSS %6.1f MiB  CPU %5.2f s", seconds, mebibytes / seconds,
                   Double(peakKiB) / 1024, cpuSeconds)
        }
    }

    private func timed(_ executable: String, _ arguments: [String], service: PushTestService) async throws -> Measurement {
        let result = try await ToolRunner(environment: service.tool.runner.environment).run(
            ["-f", "TIME %e %M %U %S", executable] + arguments, executable: URL(fileURLWithPath: "/usr/bin/time"),
            timeout: .seconds(600))
        XCTAssertEqual(result.status, 0, result.description)
        let line = try XCTUnwrap(result.stderrLines.last { $0.hasPrefix("TIME ") }, result.description)
        let fields = line.split(separator: " ")
        return Measurement(seconds: Double(fields[1]) ?? 0, peakKiB: Int(fields[2]) ?? 0,
                           cpuSeconds: (Double(fields[3]) ?? 0) + (Double(fields[4]) ?? 0))
    }

    /// The reference: the same layer through boto3's ecr-public client, sequential parts of the service's size.
    private static let boto3Push = #"""
import hashlib, os, sys, boto3
endpoint, path, digest = sys.argv[1:4]
client = boto3.client("ecr-public", endpoint_url=endpoint, region_name=os.environ["AWS_REGION"])
client.batch_check_layer_availability(repositoryName="boto3", layerDigests=[digest])
upload = client.initiate_layer_upload(repositoryName="boto3")
size, first = upload["partSize"], 0
with open(path, "rb") as f:
    while chunk := f.read(size):
        client.upload_layer_part(repositoryName="boto3", uploadId=upload["uploadId"], partFirstByte=first,
                                 partLastByte=first + len(chunk) - 1, layerPartBlob=chunk)
        first += len(chunk)
client.complete_layer_upload(repositoryName="boto3", uploadId=upload["uploadId"], layerDigests=[digest])
"""#
}
