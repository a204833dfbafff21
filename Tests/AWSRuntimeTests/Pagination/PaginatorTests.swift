import AWSRuntime
import Foundation
import XCTest

/// The runtime paginator on its own: pages only (no items member), and non-string tokens.
final class PaginatorTests: XCTestCase {
    private struct Input: Sendable { var token: String?; var limit: Int }
    private struct Page: Sendable { var next: String?; var number: Int }

    private final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var inputs: [Input] = []
        func record(_ input: Input) { lock.withLock { inputs.append(input) } }
        var all: [Input] { lock.withLock { inputs } }
    }

    func testPagesWithoutItemsFollowTokensUntilNil() async throws {
        let calls = Calls()
        let paginator = Paginator(
            input: Input(token: nil, limit: 7),
            fetch: { (input: Input) -> Page in
                calls.record(input)
                let number = calls.all.count
                return Page(next: number < 3 ? "t\(number)" : nil, number: number)
            },
            inputToken: { $0.token },
            settingToken: { input, token in Input(token: token, limit: input.limit) },
            outputToken: { $0.next })
        var numbers: [Int] = []
        for try await page in paginator { numbers.append(page.number) }
        XCTAssertEqual(numbers, [1, 2, 3])
        XCTAssertEqual(calls.all.map(\.token), [nil, "t1", "t2"])
        XCTAssertEqual(calls.all.map(\.limit), [7, 7, 7])
    }

    func testKeyMapTokensLikeDynamoDBsLastEvaluatedKey() async throws {
        struct Scan: Sendable { var start: [String: String]? }
        struct Result: Sendable { var last: [String: String]?; var items: [Int] }
        let paginator = Paginator(
            input: Scan(start: nil),
            fetch: { (scan: Scan) -> Result in
                switch scan.start?["id"] {
                case nil: return Result(last: ["id": "2"], items: [1, 2])
                case "2": return Result(last: [:], items: [3])  // an empty key ends the scan
                default: return Result(last: nil, items: [99])
                }
            },
            inputToken: { $0.start },
            settingToken: { _, key in Scan(start: key) },
            outputToken: { $0.last })
        var items: [Int] = []
        for try await item in paginator.items({ $0.items }).items { items.append(item) }
        XCTAssertEqual(items, [1, 2, 3])
    }

    func testATokenCycleStopsInsteadOfLooping() async throws {
        // The service alternates A, B, A, ...: each page is fetched once, then iteration ends.
        let calls = Calls()
        let paginator = Paginator(
            input: Input(token: nil, limit: 1),
            fetch: { (input: Input) -> Page in
                calls.record(input)
                return Page(next: input.token == "A" ? "B" : "A", number: calls.all.count)
            },
            inputToken: { $0.token },
            settingToken: { input, token in Input(token: token, limit: input.limit) },
            outputToken: { $0.next })
        var pages = 0
        for try await _ in paginator { pages += 1 }
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(calls.all.map(\.token), [nil, "A", "B"])
    }
}
