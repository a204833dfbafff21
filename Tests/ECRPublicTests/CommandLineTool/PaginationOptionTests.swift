import Foundation
import XCTest

/// `--max-items`, `--page-size` and `--starting-token` over the service's pages.
final class PaginationOptionTests: XCTestCase {
    private func names(_ result: ToolResult) -> [String] {
        (result.json?["repositories"] as? [[String: Any]] ?? []).compactMap { $0["repositoryName"] as? String }
    }

    private func serviceWithRepositories(_ names: [String]) async throws -> ToolTestService {
        let service = try await ToolTestService.start(for: self)
        for name in names {
            _ = try await service.succeed(["create-repository", "--repository-name", name])
        }
        return service
    }

    func testMaxItemsStopsAndTheNextTokenContinuesWithinAPage() async throws {
        let service = try await serviceWithRepositories(["r1", "r2", "r3", "r4", "r5"])
        let first = try await service.succeed(["describe-repositories", "--max-items", "2"])
        XCTAssertEqual(names(first), ["r1", "r2"])
        let token = try XCTUnwrap(first.json?["NextToken"] as? String, first.description)

        let second = try await service.succeed(["describe-repositories", "--max-items", "2", "--starting-token", token])
        XCTAssertEqual(names(second), ["r3", "r4"])
        let next = try XCTUnwrap(second.json?["NextToken"] as? String, second.description)

        let last = try await service.succeed(["describe-repositories", "--starting-token", next])
        XCTAssertEqual(names(last), ["r5"])
        XCTAssertNil(last.json?["NextToken"], last.description)
    }

    func testPageSizeFetchesEveryPageAndMaxItemsCanStopAtAPageBoundary() async throws {
        let service = try await serviceWithRepositories(["r1", "r2", "r3"])
        let all = try await service.succeed(["describe-repositories", "--page-size", "1", "--debug"])
        XCTAssertEqual(names(all), ["r1", "r2", "r3"])
        XCTAssertEqual(all.stderrLines.filter { $0.hasPrefix("→ DescribeRepositories") }.count, 3, all.description)

        let first = try await service.succeed(["describe-repositories", "--page-size", "1", "--max-items", "1"])
        XCTAssertEqual(names(first), ["r1"])
        let token = try XCTUnwrap(first.json?["NextToken"] as? String, first.description)
        let rest = try await service.succeed(["describe-repositories", "--page-size", "1", "--starting-token", token])
        XCTAssertEqual(names(rest), ["r2", "r3"])
    }

    func testTableOutputPrintsTheNextTokenAfterTheTable() async throws {
        let service = try await serviceWithRepositories(["r1", "r2"])
        let result = try await service.succeed(["describe-repositories", "--max-items", "1", "--output", "table"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, result.stdout)
        XCTAssertTrue(lines[2].hasPrefix("r1  "), result.stdout)
        XCTAssertTrue(lines[3].hasPrefix("NextToken: "), result.stdout)
    }
}
