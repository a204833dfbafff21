import Foundation
import SmithyModel

/// A `codegen.json` file: per-target generator settings for the build plugin and the CLI.
///
/// ```json
/// { "module": "Weather", "accessLevel": "internal", "operations": ["GetForecast"], "validation": true,
///   "templates": "MyTemplates" }
/// ```
///
/// `"identityChain": false` makes a client whose default credentials need no `AWSIdentity` module (for the
/// identity services that module calls).
public struct GeneratorConfigFile: Sendable, Equatable {
    /// The generator settings the file sets; unset keys keep their defaults.
    public var options: GeneratorOptions
    /// A templates folder relative to the config file, overriding built-in templates file by file.
    public var templatesDirectory: URL?

    static let knownKeys: Set<String> = ["module", "accessLevel", "operations", "validation", "templates", "identityChain"]

    /// Reads and checks a config file; every problem names the file and the key.
    public static func load(from url: URL) throws -> GeneratorConfigFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigFileError(file: url.path, key: nil, message: "cannot be read")
        }
        return try parse(data, file: url.path, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses and checks config JSON; `file` labels errors and `baseDirectory` resolves `templates`.
    public static func parse(_ data: Data, file: String, baseDirectory: URL) throws -> GeneratorConfigFile {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ConfigFileError(file: file, key: nil, message: "must be a JSON object")
            }
            object = parsed
        } catch let error as ConfigFileError {
            throw error
        } catch {
            throw ConfigFileError(file: file, key: nil, message: "is not valid JSON (\(error.localizedDescription))")
        }
        for key in object.keys.sorted() where !knownKeys.contains(key) {
            throw ConfigFileError(file: file, key: key, message: "is not a setting (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        var options = GeneratorOptions()
        if let value = object["module"] {
            guard let module = value as? String, !module.isEmpty,
                  SmithyIdentifier.isValid(module) else {
                throw ConfigFileError(file: file, key: "module", message: "must be a Swift identifier")
            }
            options.moduleName = module
        }
        if let value = object["accessLevel"] {
            guard let text = value as? String, let level = GeneratorOptions.AccessLevel(rawValue: text) else {
                throw ConfigFileError(file: file, key: "accessLevel", message: "must be one of public, package, internal")
            }
            options.accessLevel = level
        }
        if let value = object["operations"] {
            guard let names = value as? [String] else {
                throw ConfigFileError(file: file, key: "operations", message: "must be a list of operation names")
            }
            options.operationAllowList = Set(names)
        }
        if let value = object["validation"] {
            guard let flag = value as? Bool else {
                throw ConfigFileError(file: file, key: "validation", message: "must be true or false")
            }
            options.generateValidation = flag
        }
        if let value = object["identityChain"] {
            guard let flag = value as? Bool else {
                throw ConfigFileError(file: file, key: "identityChain", message: "must be true or false")
            }
            options.usesIdentityChain = flag
        }
        var templates: URL?
        if let value = object["templates"] {
            guard let path = value as? String else {
                throw ConfigFileError(file: file, key: "templates", message: "must be a folder path")
            }
            templates = baseDirectory.appendingPathComponent(path)
        }
        return GeneratorConfigFile(options: options, templatesDirectory: templates)
    }
}

/// A problem in a config file, naming the file and the key.
public struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    /// The config file's path.
    public var file: String
    /// The setting at fault; nil when the whole file is.
    public var key: String?
    /// What is wrong.
    public var message: String

    public var description: String {
        "\(file): error: " + (key.map { "\"\($0)\" \(message)" } ?? message)
    }
}
