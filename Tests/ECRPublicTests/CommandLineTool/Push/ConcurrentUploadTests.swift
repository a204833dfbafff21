import Foundation
import XCTest

/// `push` uploads four blobs at once by default, `--concurrency N` at once with the option, and no more.
final class ConcurrentUploadTests: XCTestCase {
    /// Pushes a config and five one-part layers while each part takes half a second at the service, and
    /// returns the most parts the service had in hand at once. Nil `concurrency` leaves the option out.
    private func partsInFlight(concurrency: Int?) async throws -> Int {
        let image = TestImages.ociImage(layerSizes: [30_000, 30_000, 30_000, 30_000, 30_000], seed: 91, compressed: false)
        let layout = try TestImages.directory(
            TestImages.ociLayoutFiles(top: image.manifest, topMediaType: TestImages.ociManifestType, blobs: image.blobs),
            for: self)
        let service = try await PushTestService.start(for: self, options: ["--part-delay", "0.5"])
        _ = try await service.succeed(["create-repository", "--repository-name", "web"])
        let option = concurrency.map { ["--concurrency", String($0)] } ?? []
        let result = try await service.succeed(["push", layout.path, "web:latest"] + option)
        XCTAssertEqual(result.stdout, image.manifest.digest + "\n")
        let calls = try await service.calls()
        XCTAssertEqual(calls["UploadLayerPart"], 6)
        return try await service.maxPartsInFlight()
    }

    func testFourAtATimeByDefault() async throws {
        let inFlight = try await partsInFlight(concurrency: nil)
        XCTAssertEqual(inFlight, 4)
    }

    func testTwoAtATimeWithConcurrencyTwo() async throws {
        let inFlight = try await partsInFlight(concurrency: 2)
        XCTAssertEqual(inFlight, 2)
    }

    func testOneAtATimeWithConcurrencyOne() async throws {
        let inFlight = try await partsInFlight(concurrency: 1)
        XCTAssertEqual(inFlight, 1)
    }
}
