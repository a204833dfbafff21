import Foundation

/// The process's resident memory, from `/proc/self/status` (Linux only; nil elsewhere).
enum ProcessMemory {
    /// The peak resident set size (`VmHWM`) in bytes.
    static var peakResidentBytes: Int? { field("VmHWM") }

    /// The current resident set size (`VmRSS`) in bytes.
    static var residentBytes: Int? { field("VmRSS") }

    /// Starts a new peak from the current resident size (writing 5 to `/proc/self/clear_refs`); false when
    /// the kernel does not allow it.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
