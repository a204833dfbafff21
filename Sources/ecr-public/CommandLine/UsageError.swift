/// A command line the tool cannot act on: an unknown command or option, a missing or malformed value.
///
/// Reported with the usage text of the command (or of the tool) and exit status 2; nothing has been sent.
struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    /// The command whose usage to show; nil for the tool's.
    var command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    var description: String { message }
}
