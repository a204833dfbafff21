/// A problem found in a model, naming the shape and the JSON path at fault.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a problem is: errors stop loading, warnings are kept on the model.
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// Whether the problem stops loading.
    public var severity: Severity
    /// What is wrong, in plain words.
    public var message: String
    /// The shape (or member) at fault, when there is one.
    public var shapeID: ShapeID?
    /// Where in the JSON document, e.g. `$.shapes["ns#Foo"].members["bar"].target`.
    public var jsonPath: String?
    /// The model file, when known.
    public var file: String?

    /// A diagnostic, optionally located by shape, JSON path and file.
    public init(
        _ severity: Severity, _ message: String, shape: ShapeID? = nil, path: String? = nil, file: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.shapeID = shape
        self.jsonPath = path
        self.file = file
    }

    /// `file: error: message [shape ns#Foo at $.shapes[...]]`, the form compilers and IDEs recognise.
    public var description: String {
        var text = ""
        if let file { text += "\(file): " }
        text += "\(severity.rawValue): \(message)"
        var location: [String] = []
        if let shapeID { location.append("shape \(shapeID)") }
        if let jsonPath { location.append("at \(jsonPath)") }
        if !location.isEmpty { text += " [\(location.joined(separator: " "))]" }
        return text
    }
}

/// Thrown when a model has errors; carries every diagnostic found, warnings included.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic found, errors and warnings.
    public var diagnostics: [Diagnostic]

    /// An error carrying `diagnostics`.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Only the diagnostics of severity `error`.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Builds JSON paths for diagnostics in one consistent form.
public enum JSONPath {
    /// The path of the whole document.
    public static let root = "$"

    /// The path of member `key` of `base`: `.key` for plain identifiers, `["key"]` otherwise.
    public static func key(_ base: String, _ key: String) -> String {
        SmithyIdentifier.isValid(key) ? "\(base).\(key)" : "\(base)[\(SmithyIdentifier.quoted(key, limit: 200))]"
    }

    /// The path of element `index` of `base`.
    public static func index(_ base: String, _ index: Int) -> String { "\(base)[\(index)]" }

    /// The path of the shape with absolute id `id` in the document.
    public static func shape(_ id: String) -> String { "$.shapes[\(SmithyIdentifier.quoted(id, limit: 200))]" }
}
