/// Collects the diagnostics of one loading or generation run: warnings are kept and printed, errors stop the
/// run before anything is written.
///
/// One collector is shared by every stage of a run, so a stage reports where it finds a problem instead of
/// threading a file name and an error array through every signature. Not `Sendable`: a run is sequential.
public final class DiagnosticCollector {
    /// The model file, put on every diagnostic reported here.
    public let file: String?
    /// Everything reported so far, in order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A collector for the run over `file`.
    public init(file: String? = nil) {
        self.file = file
    }

    /// Reports a problem that stops the run.
    public func error(_ message: String, shape: ShapeID? = nil, path: String? = nil) {
        append(Diagnostic(.error, message, shape: shape, path: path, file: file))
    }

    /// Reports a problem the run works around, knowingly producing less than the model asks for.
    public func warning(_ message: String, shape: ShapeID? = nil, path: String? = nil) {
        append(Diagnostic(.warning, message, shape: shape, path: path, file: file))
    }

    /// Keeps each diagnostic once: stages that look at a shape twice (a paginator for the client and for its
    /// tests) report it once.
    private func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
    }

    private var seen = Set<String>()

    /// Adds diagnostics found elsewhere (e.g. a ``ModelError`` from a nested stage), locating them in `file`.
    public func add(_ other: [Diagnostic]) {
        for var diagnostic in other {
            if diagnostic.file == nil { diagnostic.file = file }
            append(diagnostic)
        }
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The warnings reported so far.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Throws every diagnostic, warnings included, when any is an error.
    public func throwIfErrors() throws(ModelError) {
        if hasErrors { throw ModelError(diagnostics: diagnostics) }
    }
}
