import Foundation
import TestSupport
import XCTest

/// Loads the cross-SDK credential suites from `../shared/testdata/credentials` and reports each suite's
/// counts, so a run shows how many cases ran, passed and were skipped (with why).
struct CrossSDKSuite {
    /// A folder or file inside `testdata/credentials`; skips the test (saying so) when it is missing.
    static func url(_ relativePath: String) throws -> URL {
        guard let url = RepositoryPaths.sharedFile("testdata/credentials/" + relativePath) else {
            throw XCTSkip("../shared/testdata/credentials/\(relativePath) is missing")
        }
        return url
    }

    /// The JSON document at `relativePath`.
    static func json(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(relativePath)))
    }

    /// The `tests` array of a suite file (or the file itself when it is an array).
    static func cases(_ relativePath: String) throws -> [[String: Any]] {
        let document = try json(relativePath)
        if let array = document as? [[String: Any]] { return array }
        return (document as? [String: Any])?["tests"] as? [[String: Any]] ?? []
    }

    /// Prints `suite: ran N, passed P, skipped S (reasons)` and fails the test when nothing ran.
    static func report(_ suite: String, ran: Int, failures: [String], skipped: [(String, String)] = [],
                       file: StaticString = #filePath, line: UInt = #line) {
        print("CROSS-SDK SUITE \(suite): ran \(ran), passed \(ran - failures.count), failed \(failures.count), skipped \(skipped.count)")
        for (name, reason) in skipped { print("  SKIPPED \(name): \(reason)") }
        XCTAssertGreaterThan(ran, 0, "\(suite): no case ran", file: file, line: line)
        for failure in failures { XCTFail("\(suite): \(failure)", file: file, line: line) }
    }
}
