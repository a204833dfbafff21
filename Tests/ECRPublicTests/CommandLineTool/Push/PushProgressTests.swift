import Foundation
import XCTest

/// The push's one progress display for all concurrent uploads: rows redrawn in place on a terminal.
final class PushProgressTests: XCTestCase {
    func testATerminalGetsOneRowPerBlobRedrawnInPlace() async throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw XCTSkip("SKIPPED: /usr/bin/script (util-linux) is needed to give the tool a terminal")
        }
        let image = TestImages.ociImage(layerSizes: [6 << 20, 20_000], seed: 61, compressed: false)
        let layout = try TestImages.directory(
            TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs),
            for: self)
        let service = try await PushTestService.start(for: self)
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let command = [ToolRunner.binary.path, "push", layout.path, "web:latest", "--concurrency", "2",
                       "--endpoint-url", service.endpointURL].joined(separator: " ")

        // `script` runs the command on a pseudo-terminal; both its streams come back on our standard output.
        let result = try await ToolRunner(environment: service.tool.runner.environment).run(
            ["-qec", command, "/dev/null"], executable: script)
        XCTAssertEqual(result.status, 0, result.description)
        let output = result.stdout
        XCTAssertTrue(output.contains("\u{1B}[3A"), "the cursor goes back up over the three rows: \(output.debugDescription)")
        for (blob, label) in zip(image.blobs, ["config   ", "layer 1/2", "layer 2/2"]) {
            let short = String(blob.digest.dropFirst("sha256:".count).prefix(12))
            XCTAssertTrue(output.contains("\r\u{1B}[2K\(short)  \(label)  pushed "), "\(label) ends as pushed: \(output.debugDescription)")
        }
        XCTAssertNotNil(output.range(of: #"\[#{30}\] 6\.0 MiB / 6\.0 MiB  [0-9.]+ [KMG]?i?B/s  ETA 0s"#,
                                     options: .regularExpression), output.debugDescription)
        XCTAssertFalse(output.contains(": part "), "no plain lines on a terminal")
        XCTAssertTrue(output.contains(image.manifest.digest), output)
    }
}
