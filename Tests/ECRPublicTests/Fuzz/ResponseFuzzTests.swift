import Foundation
import XCTest

@testable import AWSRuntime

/// The generated ECR Public client against a server that answers every call with something hostile: wrong
/// types, truncated, oversized, endless and gzip-bomb bodies, resets and closes at every stage, slow trickles.
///
/// A short run is part of `swift test`; `Tests/Fuzz/run-response-fuzzer.sh CASES [SEED]` runs a long one and
/// prints the same figures (`FUZZ_CASES`, `FUZZ_SEED`).
final class ResponseFuzzTests: XCTestCase {
    func testEveryHostileResponseEndsInAnOutputOrATypedErrorWithoutHangingOrGrowingMemory() async throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["FUZZ_CASES"].flatMap { Int($0) } ?? 200
        let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_204
        // FUZZ_TRANSPORT=urlsession runs the cases on URLSessionHTTPClient instead of the default transport (on
        // Linux that run stops with FoundationNetworking's "Transfer completed, but there's no response.").
        let transport: (any HTTPClient)? = environment["FUZZ_TRANSPORT"] == "urlsession"
            ? URLSessionHTTPClient(maximumResponseBodySize: HostileResponseGenerator.bodyLimit) : nil
        let figures = try await ResponseFuzzer().run(cases: cases, seed: seed, transport: transport)
        print("fuzz: seed \(seed), transport \(transport.map { "\(type(of: $0))" } ?? "\(DefaultHTTPClient.self)")\n" + figures.report)

        XCTAssertEqual(figures.cases, cases)
        XCTAssertEqual(figures.untyped, [], "every failure is a typed error")
        XCTAssertEqual(figures.hangs, [], "every call ends within its attempt limits")
        if figures.peakResident > 0 {
            // Gzip bombs inflate to 1 GiB and endless bodies never end: each read stops at the 256 KiB limit. What
            // the process keeps beyond its baseline is glibc's per-thread arenas holding freed blocks (measured:
            // 60-100 MiB after 2,000 to 20,000 cases, the same at either count; under 35 MiB with
            // MALLOC_ARENA_MAX=2), so the bound is far below a bomb and far above that noise.
            XCTAssertLessThan(figures.peakResident - figures.baselineResident, 256 << 20, "peak resident memory growth")
        }
        XCTAssertGreaterThan(figures.outcomes["success", default: 0], 0, "valid responses still decode")
    }
}
