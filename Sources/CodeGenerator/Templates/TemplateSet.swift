import Foundation

/// The template files the generator renders, loaded from a folder with an optional override folder.
public struct TemplateSet: Sendable {
    /// File name (without `.mustache`) → source.
    public var sources: [String: String]

    /// A set from sources already in memory.
    public init(sources: [String: String]) {
        self.sources = sources
    }

    /// Loads `*.mustache` files from `directory`, then lets files of the same name in `overrides` replace them.
    public static func load(from directory: URL, overrides: URL? = nil) throws -> TemplateSet {
        var sources = try read(directory)
        if let overrides {
            for (name, source) in try read(overrides) { sources[name] = source }
        }
        return TemplateSet(sources: sources)
    }

    /// Parses every template; the first syntax error is thrown.
    public func parsed() throws(TemplateError) -> TemplateRenderer {
        var templates: [String: Template] = [:]
        for name in sources.keys.sorted() {
            templates[name] = try Template(name: name, source: sources[name] ?? "")
        }
        return TemplateRenderer(templates: templates)
    }

    private static func read(_ directory: URL) throws -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw TemplateLoadingError(path: directory.path, reason: "the templates folder cannot be read")
        }
        var sources: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw TemplateLoadingError(path: url.path, reason: "not readable as UTF-8 text")
            }
            sources[String(name.dropLast(".mustache".count))] = text
        }
        return sources
    }
}

/// A templates folder or file that cannot be read.
public struct TemplateLoadingError: Error, Sendable, CustomStringConvertible {
    /// The folder or file that failed.
    public var path: String
    /// Why it could not be read.
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
