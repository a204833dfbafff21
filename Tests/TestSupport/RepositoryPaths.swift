import Foundation

/// Where the repository and the shared reference data are, from any test.
///
/// Tests read reference data from `../shared/` beside the checkout and never copy it in; when it is
/// missing they skip with a message naming the path.
public enum RepositoryPaths {
    /// The checkout's root folder (this file is at `Tests/TestSupport/RepositoryPaths.swift`).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout.
    public static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// A path inside the checkout.
    public static func repository(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// A path inside `../shared`, or nil (with a printed skip notice) when it is missing.
    public static func sharedFile(_ relativePath: String) -> URL? {
        let url = shared.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIPPED: \(url.path) is missing")
            return nil
        }
        return url
    }

    /// The folder holding the package's built products (the test bundle's folder), e.g. `.build/debug`.
    public static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug")
    }
}
