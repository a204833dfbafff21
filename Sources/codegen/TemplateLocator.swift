import Foundation

/// Finds the built-in templates: `Templates/` of this package.
enum TemplateLocator {
    static func builtInTemplates() throws -> URL {
        // The package checkout this tool was built from (also right when a build plugin runs the tool),
        // then the current folder.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            packageRoot.appendingPathComponent("Templates"),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates"),
        ]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Client.mustache").path) {
            return candidate
        }
        throw UsageError(message: "cannot find the built-in templates (looked in \(candidates.map(\.path).joined(separator: ", ")))")
    }
}
