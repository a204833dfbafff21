import Foundation
import TestSupport
import XCTest

/// The cross-SDK credential suites in `../shared/testdata/credentials` (from the Rust SDK): loading them, and the
/// one-line report per suite (`CROSS-SDK SUITE name: ran, passed, failed, skipped`) every run prints.
public enum CrossSDKSuite {
    /// A file or folder inside `testdata/credentials`; skips the test (saying so) when it is missing.
    public static func url(_ relativePath: String) throws -> URL {
        guard let url = RepositoryPaths.sharedFile("testdata/credentials/" + relativePath) else {
            throw XCTSkip("../shared/testdata/credentials/\(relativePath) is missing")
        }
        return url
    }

    /// The `tests` array of a suite file (or the file itself when it is an array).
    public static func cases(_ relativePath: String) throws -> [[String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url(relativePath)))
        if let array = document as? [[String: Any]] { return array }
        return (document as? [String: Any])?["tests"] as? [[String: Any]] ?? []
    }

    /// Prints the suite's counts and fails the test for each failure (`"case: problem"`) and when nothing ran.
    public static func report(_ suite: String, ran: Int, failures: [String], file: StaticString = #filePath,
                              line: UInt = #line) {
        let failedCases = Set(failures.map { $0.prefix { $0 != ":" } }).count
        print("CROSS-SDK SUITE \(suite): ran \(ran), passed \(ran - failedCases), failed \(failedCases), skipped 0")
        XCTAssertGreaterThan(ran, 0, "\(suite): no case ran", file: file, line: line)
        for failure in failures { XCTFail("\(suite): \(failure)", file: file, line: line) }
    }
}
