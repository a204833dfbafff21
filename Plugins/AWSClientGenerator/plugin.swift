import Foundation
import PackagePlugin

/// Generates a Swift client from every Smithy JSON AST model (`*.json`) in a target, at build time.
///
/// Each model gets one build command that runs `codegen` into its own folder of the plugin work directory, its
/// files named after the model (`weather+Client.swift`).
/// The command declares its exact inputs (the model, the built-in templates, `codegen.json` and the custom
/// templates it names) and outputs (the generator's fixed file list), so the build runs it only when one of
/// those inputs changed. A `codegen.json` beside the models configures the generator (module name, access
/// level, operation allow-list, validation, templates); `codegen` reports its problems, naming file and key.
@main
struct AWSClientGenerator: BuildToolPlugin {
    /// The files `codegen --flat` writes for one model: `ClientGenerator.outputFileNames`, each then prefixed
    /// with the model's name. `codegen` is passed the list and fails the build, saying so, if the generator
    /// ever writes another set.
    static let outputFileNames = [
        "Client.swift", "Client+Convenience.swift", "Client+Presigning.swift", "Client+Waiters.swift", "Enums.swift", "Errors.swift",
        "Paginators.swift", "ServiceMetadata.swift", "Unions.swift", "Validation.swift",
    ] + ["A-B", "C", "D", "E-F", "G-I", "J-O", "P-Q", "R", "S", "T", "U-Z"].map { "Structures+\($0).swift" }

    /// The config file a target may hold; it is never a model.
    static let configFileName = "codegen.json"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let sourceTarget = target.sourceModule else { return [] }
        let directory = sourceTarget.directoryURL
        let config = directory.appendingPathComponent(Self.configFileName)
        let hasConfig = FileManager.default.fileExists(atPath: config.path)

        var models: [URL] = []
        for file in sourceTarget.sourceFiles where file.url.pathExtension == "json" {
            if file.url.standardizedFileURL == config.standardizedFileURL { continue }
            if Self.looksLikeSmithyModel(file.url) {
                models.append(file.url)
            } else {
                Diagnostics.warning(
                    "\(file.url.path): not a Smithy JSON AST model (no \"smithy\" version); the AWSClientGenerator plugin skips it")
            }
        }
        guard !models.isEmpty else {
            Diagnostics.warning("target \(target.name) uses the AWSClientGenerator plugin but has no Smithy *.json model")
            return []
        }

        let codegen = try context.tool(named: "codegen")
        let templates = try Self.mustacheFiles(in: Self.builtInTemplates, what: "the built-in templates")
        var configInputs: [URL] = []
        if hasConfig {
            configInputs = [config]
            if let custom = Self.customTemplatesFolder(config: config) {
                configInputs += try Self.mustacheFiles(in: custom, what: "the templates \(config.path) names")
            }
        }

        return models.sorted { $0.path < $1.path }.map { model in
            let relative = Self.path(of: model, under: directory)
            let stem = String(relative.dropLast(".json".count))
            // Its own folder, so codegen's clean-up of stale files never touches another model's; and names
            // unique in the target (`weather+Client.swift`), since SwiftPM names object files by file name.
            let output = context.pluginWorkDirectoryURL.appendingPathComponent(stem)
            // codegen accepts only letters, digits, `_`, `-`, `.` and `+` in a prefix (never a path or a hidden
            // file), so anything else in the model's path becomes `_`.
            let safeStem = String(String.UnicodeScalarView(stem.unicodeScalars.map(Self.fileNameScalar))).drop { $0 == "." }
            let prefix: String = String(safeStem) + "+"
            let names = Self.outputFileNames.map { prefix + $0 }
            var arguments = [
                "--model", model.path, "--output", output.path, "--flat", "--quiet",
                "--file-prefix", prefix,
                "--declared-outputs", names.joined(separator: ","),
            ]
            if hasConfig { arguments += ["--config", config.path] }
            return .buildCommand(
                // SwiftPM shortens a display name holding a "/" to its last path component, so none here.
                displayName: "Generating Swift client from \(model.lastPathComponent)"
                    + (relative.contains("/") ? " (files \(prefix)*.swift)" : ""),
                executable: codegen.url,
                arguments: arguments,
                inputFiles: [model] + templates + configInputs,
                outputFiles: names.map { output.appendingPathComponent($0) })
        }
    }

    /// `Templates/` of this package, found from this file's place in it (`Plugins/AWSClientGenerator/`).
    static var builtInTemplates: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates")
    }

    static func mustacheFiles(in folder: URL, what: String) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw PluginError("cannot read \(what) at \(folder.path)")
        }
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The `templates` folder a config file names, relative to it; nil when it names none or cannot be read
    /// (then `codegen` reports the problem with the file and key).
    static func customTemplatesFolder(config: URL) -> URL? {
        guard let data = FileManager.default.contents(atPath: config.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let path = object["templates"] as? String else { return nil }
        let folder = config.deletingLastPathComponent().appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }

    /// A Smithy JSON AST document has a top-level "smithy" key near its start (the same test as `codegen`).
    static func looksLikeSmithyModel(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("\"smithy\"")
    }

    /// `file`'s path relative to `directory`, e.g. `weather.json` or `models/weather.json`.
    /// A scalar of a model's path as it may stand in a file-name prefix: `/` becomes `-`, anything but ASCII
    /// letters, digits, `_`, `-` and `.` becomes `_`.
    static func fileNameScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "/" { return "-" }
        let isLetterOrDigit = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        return isLetterOrDigit || scalar == "_" || scalar == "-" || scalar == "." ? scalar : "_"
    }

    static func path(of file: URL, under directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return file.lastPathComponent }
        return String(path.dropFirst(base.count + 1))
    }
}

/// A problem that stops the plugin from planning the build.
struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
