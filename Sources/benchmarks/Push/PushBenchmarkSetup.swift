import AWSRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// What the push benchmark needs: the release `ecr-public` binary beside this one, the test service started
/// with `--inspection`, and the image on disk. Each missing piece is printed as the reason the area is skipped.
struct PushBenchmarkSetup {
    static let credentials = ["AWS_ACCESS_KEY_ID": "AKIDPUSHBENCH", "AWS_SECRET_ACCESS_KEY": "push-benchmark-secret",
                              "AWS_REGION": "us-east-1"]
    /// The part size the test service's InitiateLayerUpload hands out, in MiB.
    static let partMiB = 5.0
    static let layerSize = 200 << 20

    let binary: URL
    let server: TestServiceProcess
    let image: BenchmarkImage
    var endpoint: String { server.endpointURL }

    static func make() -> PushBenchmarkSetup? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("ecr-public")
        for tool in [binary.path, "/usr/bin/time", "/usr/bin/curl"] where !FileManager.default.isExecutableFile(atPath: tool) {
            print("SKIPPED push benchmark: \(tool) is missing (`swift run -c release benchmarks` builds ecr-public)")
            return nil
        }
        if let reason = TestServiceProcess.pythonUnavailability(requiring: ["botocore", "boto3"]) {
            print("SKIPPED push benchmark: \(reason)")
            return nil
        }
        let server = runBlocking { () -> Result<TestServiceProcess, Error> in
            do {
                return .success(try await TestServiceProcess.start(
                    script: RepositoryPaths.repository("Tests/TestServices/ecr_public_server.py"),
                    arguments: ["--port", "0", "--access-key", credentials["AWS_ACCESS_KEY_ID"]!,
                                "--secret-key", credentials["AWS_SECRET_ACCESS_KEY"]!, "--region", credentials["AWS_REGION"]!,
                                "--max-lifetime", "900", "--inspection"],
                    timeout: .seconds(30)))
            } catch {
                return .failure(error)
            }
        }
        let started: TestServiceProcess
        switch server {
        case .success(let value): started = value
        case .failure(let error):
            print("SKIPPED push benchmark: the test service did not start: \(error)")
            return nil
        }
        do {
            let image = try BenchmarkImage.write(layerSize: layerSize, seed: 71)
            return PushBenchmarkSetup(binary: binary, server: started, image: image)
        } catch {
            started.stop()
            print("SKIPPED push benchmark: cannot write the image: \(error)")
            return nil
        }
    }

    func tearDown() {
        server.stop()
        image.remove()
    }

    /// Runs `ecr-public ARGUMENTS --endpoint-url …` untimed; nil (printed) when it fails.
    func tool(_ arguments: [String]) -> TimedRun? {
        TimedRun.measure(binary.path, arguments + ["--endpoint-url", endpoint], environment: Self.credentials)
    }

    /// Whether the layer the service stored hashes to the image's layer digest.
    func storedLayerMatches(repository: String) -> Bool {
        guard let url = URL(string: "\(endpoint)/_inspect/blob?repository=\(repository)&digest=\(image.layerDigest)")
        else { return false }
        let stored = runBlocking { () -> Data? in try? await URLSession.shared.data(from: url).0 }
        return stored.map { "sha256:" + SHA256.hash($0).description } == image.layerDigest
    }
}
