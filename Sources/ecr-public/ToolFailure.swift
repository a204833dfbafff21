/// A failure the tool itself detects while running a command (a file that cannot be read mid-upload, a
/// digest the service disagrees with); reported as `ecr-public: <message>` with exit status 1.
struct ToolFailure: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
