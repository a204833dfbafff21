import Foundation

/// Runs `executable arguments` to its end and returns what it wrote to standard output, or nil when it cannot
/// start or exits non-zero (standard error is discarded; the references print a short result line).
func childOutput(_ executable: String, _ arguments: [String]) -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    // Short outputs: reading to the end before waiting cannot block on a full pipe.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? data : nil
}
