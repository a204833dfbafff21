import Foundation

/// Finds the model files to generate from the `--model` arguments.
enum ModelFiles {
    struct Found {
        var files: [URL]
        var warnings: [String]
    }

    /// Files are taken as given; folders contribute their `*.json` files that look like Smithy models
    /// (others are skipped with a warning naming them). Sorted, so output order never depends on the disk.
    static func find(_ paths: [String]) throws -> Found {
        var found = Found(files: [], warnings: [])
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError(message: "no model file or folder at \(path)")
            }
            guard isDirectory.boolValue else {
                found.files.append(URL(fileURLWithPath: path))
                continue
            }
            let names = try fileManager.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                let url = URL(fileURLWithPath: path).appendingPathComponent(name)
                if looksLikeSmithyModel(url) {
                    found.files.append(url)
                } else {
                    found.warnings.append("\(url.path): warning: not a Smithy JSON AST model (no \"smithy\" version); skipped")
                }
            }
            if names.isEmpty { found.warnings.append("\(path): warning: no *.json models in this folder") }
        }
        return found
    }

    /// Whether `path` is a folder.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A Smithy JSON AST document has a top-level "smithy" key near its start.
    private static func looksLikeSmithyModel(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("\"smithy\"")
    }
}
