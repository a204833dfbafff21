import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the tool writes: results to standard output, messages, progress and debug lines to standard error.
struct Console: Sendable {
    /// Writes one line (a newline is added) to standard output.
    func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes one line (a newline is added) to standard error.
    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `text` to standard error as is (for redrawing a progress line).
    func errorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (progress is drawn as a bar only then).
    var isErrorTerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }
}
