import AWSRuntime
import XCTest

/// The JMESPath pieces generated matchers call, and a throwing matcher counting as no match.
final class WaiterMatchingTests: XCTestCase {
    func testIndexesCountFromEitherEndAndMissIntoNull() {
        XCTAssertEqual(WaiterMatching.element(["a", "b", "c"], at: 0), "a")
        XCTAssertEqual(WaiterMatching.element(["a", "b", "c"], at: -1), "c")
        XCTAssertNil(WaiterMatching.element(["a", "b", "c"], at: 3))
        XCTAssertNil(WaiterMatching.element(["a", "b", "c"], at: -4))
        XCTAssertNil(WaiterMatching.element(nil as [String]?, at: 0))
    }

    func testLengthAndContainsOfNullAreErrors() throws {
        XCTAssertEqual(try WaiterMatching.length(["a", nil] as [String?]?), 2, "a sparse list's nulls count")
        XCTAssertEqual(try WaiterMatching.length("né" as String?), 2, "code points, not bytes")
        XCTAssertEqual(try WaiterMatching.length(["k": 1] as [String: Int]?), 1)
        XCTAssertThrowsError(try WaiterMatching.length(nil as [String]?))
        XCTAssertThrowsError(try WaiterMatching.length(nil as String?))
        XCTAssertTrue(try WaiterMatching.contains("production" as String?, "duct"))
        XCTAssertThrowsError(try WaiterMatching.contains(nil as String?, "x"))
        XCTAssertFalse(try WaiterMatching.contains([] as [Int]?) { $0 == 1 })
        XCTAssertThrowsError(try WaiterMatching.contains(nil as [Int]?) { $0 == 1 })
    }

    func testOrderingsAndLogicKeepNullApartFromFalse() {
        XCTAssertEqual(WaiterMatching.order(1, "<", 2), true)
        XCTAssertEqual(WaiterMatching.order(2, "<=", 1), false)
        XCTAssertNil(WaiterMatching.order(nil, ">", 1), "an ordering with null is null")
        XCTAssertNil(WaiterMatching.and(nil, true), "null && x is null")
        XCTAssertEqual(WaiterMatching.and(false, nil), false)
        XCTAssertNil(WaiterMatching.and(true, nil))
        XCTAssertEqual(WaiterMatching.or(nil, false), false, "null || x is x")
        XCTAssertEqual(WaiterMatching.or(true, nil), true)
        XCTAssertEqual(WaiterMatching.number(Int8(3)), 3.0)
        XCTAssertNil(WaiterMatching.number(nil as Int?))
    }

    func testAMatcherThatThrowsDoesNotMatch() async throws {
        let waiter = Waiter<Int, [Int]?>(name: "Counted", minDelay: .seconds(1), maxDelay: .seconds(1), acceptors: [
            WaiterAcceptor(state: .failure, description: "length(items) == `0`") { _, result in
                try WaiterMatching.length(try result.get()) == 0
            },
            WaiterAcceptor(state: .success, description: "the call succeeded") { _, _ in true },
        ])
        let result = try await waiter.wait(input: 0, maxWaitTime: .seconds(10)) { _ in nil }
        XCTAssertEqual(result.attempts, 1, "length(null) is an error, so the failure acceptor did not match")
    }
}
