import Foundation
import XCTest

@testable import AWSRuntime

/// Locates the read-only reference data in `../shared` next to the repository, for endpoint tests.
enum EndpointSharedTestData {
    /// The repository root: this file lives at `Tests/AWSRuntimeTests/Endpoints/`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/<relativePath>` relative to the repository root.
    static func url(_ relativePath: String) -> URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relativePath)
    }

    /// The URL of a shared file or directory, or a skip naming the missing path.
    static func existingURL(_ relativePath: String) throws -> URL {
        let url = url(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("Skipped: shared test data not found at \(url.path)")
        }
        return url
    }

    /// The parsed JSON of a shared file, or a skip naming the missing path.
    static func json(_ relativePath: String) throws -> JSONValue {
        let data = try Data(contentsOf: try existingURL(relativePath))
        return try JSONValue(json: data)
    }
}
