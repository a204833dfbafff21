import Foundation

/// What one run of the `ecr-public` binary did.
struct ToolResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The whole run, for assertion messages.
    var description: String {
        "exit \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }

    /// Standard error's lines without the empty ones.
    var stderrLines: [String] {
        stderr.split(separator: "\n").map(String.init)
    }

    /// Standard output parsed as a JSON object; nil when it is not one.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
    }
}
