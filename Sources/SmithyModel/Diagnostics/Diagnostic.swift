/// A problem found in a model, naming the shape and the JSON path at fault.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    /// The shape (or member) at fault, when there is one.
    public var shapeID: ShapeID?
    /// Where in the JSON document, e.g. `$.shapes["ns#Foo"].members["bar"].target`.
    public var jsonPath: String?
    /// The model file, when known.
    public var file: String?

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
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Builds JSON paths for diagnostics in one consistent form.
public enum JSONPath {
    public static let root = "$"

    public static func key(_ base: String, _ key: String) -> String {
        let isPlain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(key.first?.isNumber ?? true)
        return isPlain ? "\(base).\(key)" : "\(base)[\"\(key)\"]"
    }

    public static func index(_ base: String, _ index: Int) -> String { "\(base)[\(index)]" }

    public static func shape(_ id: String) -> String { "$.shapes[\"\(id)\"]" }
}
