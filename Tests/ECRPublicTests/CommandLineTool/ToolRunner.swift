import Foundation
import TestSupport
import XCTest

/// Runs the built `ecr-public` binary as a child process with a controlled environment and captures its output.
struct ToolRunner {
    /// Where `swift build` put the binary: beside the test executable when it is there (on Linux the
    /// `.xctest` file is itself the executable, and `--scratch-path` builds must test their own binary, not
    /// the one in `.build`), else in the products folder `RepositoryPaths` finds.
    static var binary: URL {
        if let besideTests = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("ecr-public"),
           FileManager.default.isExecutableFile(atPath: besideTests.path) {
            return besideTests
        }
        return RepositoryPaths.productsDirectory.appendingPathComponent("ecr-public")
    }

    /// The environment the tool sees: only these variables, plus PATH and a HOME without AWS files.
    var environment: [String: String]

    /// Fails the test (rather than skipping it) when the binary was not built.
    static func requireBinary(file: StaticString = #filePath, line: UInt = #line) throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("\(binary.path) is missing: build with `swift build --build-tests`", file: file, line: line)
            throw XCTSkip("no ecr-public binary")
        }
    }

    /// Runs the tool (or `executable`) with `arguments`; gives up (and fails) after `timeout`.
    /// `standardInput` is what the tool reads from standard input (nothing by default).
    func run(_ arguments: [String], executable: URL = ToolRunner.binary, timeout: Duration = .seconds(120),
             standardInput: Data? = nil) async throws -> ToolResult {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ecr-public-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let stdoutURL = work.appendingPathComponent("stdout")
        let stderrURL = work.appendingPathComponent("stderr")
        var input: URL?
        if let standardInput {
            input = work.appendingPathComponent("stdin")
            try standardInput.write(to: work.appendingPathComponent("stdin"))
        }
        let process = try launch(executable, arguments, home: work, stdin: input, stdout: stdoutURL, stderr: stderrURL)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                process.terminate()
                XCTFail("ecr-public \(arguments.joined(separator: " ")) did not finish within \(timeout)")
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus, stdout: Self.text(stdoutURL), stderr: Self.text(stderrURL))
    }

    /// Starts the binary with its output going to files (pipes could fill and block it).
    private func launch(_ executable: URL, _ arguments: [String], home: URL, stdin: URL?, stdout: URL,
                        stderr: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging([
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path,
            "AWS_CONFIG_FILE": home.appendingPathComponent("no-config").path,
            "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("no-credentials").path,
        ]) { own, _ in own }
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return process
    }

    private static func text(_ url: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }
}
