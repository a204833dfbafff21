import CodeGenerator
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
            let names = try fileManager.contentsOfDirectory(atPath: path)
                .filter { $0.hasSuffix(".json") && !$0.hasSuffix(settingsSuffix) }.sorted()
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

    /// A model's own generator settings sit beside it: `sts.json` → `sts.codegen.json`.
    static let settingsSuffix = ".codegen.json"

    /// The settings for `model`: its sibling `<name>.codegen.json` when there is one (the checked-in identity
    /// services name their module there), else `base`; a module or service given on the command line wins.
    static func settings(for model: URL, cliOptions: CommandLineOptions, base: GeneratorOptions) throws -> GeneratorOptions {
        let sibling = model.deletingPathExtension().appendingPathExtension("codegen.json")
        guard cliOptions.configFile == nil, FileManager.default.fileExists(atPath: sibling.path) else { return base }
        var settings = try GeneratorConfigFile.load(from: sibling).options
        settings.moduleName = cliOptions.moduleName ?? settings.moduleName
        settings.serviceID = base.serviceID
        settings.endpointRuleSet = base.endpointRuleSet
        return settings
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
