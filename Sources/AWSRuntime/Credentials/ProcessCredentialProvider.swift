import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a profile's `credential_process` command and reads the credentials it prints.
///
/// The command runs through `/bin/sh -c`, so quoting works as in the AWS CLI. Its output must be JSON:
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": …}`
/// (the last two optional). A non-zero exit, a timeout or malformed output is an error naming the command's
/// program, never its arguments, its output or its standard error, any of which may hold a secret.
public struct ProcessCredentialProvider: CredentialProvider {
    private let command: String
    private let environment: [String: String]
    private let timeout: Duration
    private let name: String

    /// - Parameters:
    ///   - command: the shell command line.
    ///   - environment: the child's environment; defaults to this process's.
    ///   - timeout: how long the command may run before it is terminated.
    ///   - profileName: labels errors, e.g. `credential_process of profile 'dev'`.
    public init(
        command: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Duration = .seconds(60), profileName: String? = nil
    ) {
        self.command = command
        self.environment = environment
        self.timeout = timeout
        self.name = profileName.map { "credential_process of profile '\($0)'" } ?? "credential_process"
    }

    /// Runs the command and parses its JSON output; fails on a timeout, a non-zero exit or bad output.
    public func credentials() async throws -> AWSCredentials {
        let output = try await ChildProcess.run(command: command, environment: environment, timeout: timeout, label: name)
        let source = "command `\(ChildProcess.programName(of: command))`"
        if output.termination == .timedOut {
            throw CredentialProviderError.failed(provider: name, reason: "\(source) did not finish within \(timeout)")
        }
        if output.termination == .outputTooLarge {
            throw CredentialProviderError.failed(
                provider: name,
                reason: "\(source) printed more than \(ChildProcess.maximumOutputSize) bytes; it was stopped")
        }
        guard output.status == 0 else {
            let printed = output.standardError.count
            throw CredentialProviderError.failed(
                provider: name,
                reason: "\(source) exited with status \(output.status)"
                    + (printed == 0 ? "" : " (\(printed >= ChildProcess.maximumErrorSize ? "at least " : "")\(printed) bytes on standard error, not shown)"))
        }
        if let version = try? JSONDecoder().decode(VersionOnly.self, from: output.standardOutput).Version,
            version != 1
        {
            throw CredentialProviderError.failed(
                provider: name, reason: "\(source) printed Version \(version); only Version 1 is supported")
        }
        return try CredentialsJSON.credentials(from: output.standardOutput, provider: name, source: source)
    }

    private struct VersionOnly: Decodable {
        var Version: Int?
    }
}

/// A finished child process: its exit status and what it printed, up to the limits.
struct ChildProcess: Sendable {
    /// Why the runtime ended the command itself.
    enum Termination: Sendable, Equatable {
        case timedOut
        case outputTooLarge
    }

    /// The most standard output read (credentials JSON is well under 4 KiB); more stops the command.
    static let maximumOutputSize = 1 << 20
    /// The most standard error kept; the rest is read and dropped, so the command never blocks writing it.
    static let maximumErrorSize = 64 << 10

    var status: Int32
    var standardOutput: Data
    var standardError: Data
    var termination: Termination?

    /// Runs `/bin/sh -c command`, reading its output on background threads (a blocked pipe read must not
    /// hold a cooperative-pool thread) and terminating it after `timeout`.
    static func run(command: String, environment: [String: String], timeout: Duration, label: String) async throws
        -> ChildProcess
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        process.standardInput = FileHandle.nullDevice
        do {
            try runWithNoSignalsBlocked(process)
        } catch {
            throw CredentialProviderError.failed(
                provider: label,
                reason: "could not start command `\(programName(of: command))`: \(error.localizedDescription)")
        }
        let running = RunningProcess(process)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            running.terminateIfRunning(.timedOut)
        }
        async let output = read(standardOutput.fileHandleForReading, keepingAtMost: maximumOutputSize) {
            running.terminateIfRunning(.outputTooLarge)
        }
        async let errors = read(standardError.fileHandleForReading, keepingAtMost: maximumErrorSize) {}
        let ((outputData, outputOverflowed), (errorData, _)) = await (output, errors)
        let status = await running.waitForExit()
        watchdog.cancel()
        // The command may have printed its last bytes and exited before the overflow was seen: too much is too
        // much, whether or not it still had to be stopped.
        return ChildProcess(
            status: status, standardOutput: outputData, standardError: errorData,
            termination: outputOverflowed ? .outputTooLarge : running.termination)
    }

    /// The program a command line runs, for messages: its first word after any `NAME=value` assignments, then
    /// `…` when arguments follow (they are not shown: `--token abc`).
    static func programName(of command: String) -> String {
        var words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })[...]
        while let first = words.first, let equals = first.firstIndex(of: "="),
              first[..<equals].allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            words = words.dropFirst()
        }
        guard let program = words.first else { return "" }
        let unquoted = program.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        return words.count > 1 ? unquoted + " …" : unquoted
    }

    /// Starts `process` from this thread with no signals blocked, then restores the thread's mask.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and Swift concurrency's threads block
    /// nearly every signal: the command would ignore SIGTERM and SIGINT, so `timeout`, `trap` and anything
    /// it starts in turn would not work as in a shell.
    private static func runWithNoSignalsBlocked(_ process: Process) throws {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
    }

    /// Reads `handle` to its end, keeping the first `limit` bytes; `overflow` runs once when more arrive, and
    /// what follows is read and dropped. Also tells whether that happened.
    private static func read(
        _ handle: FileHandle, keepingAtMost limit: Int, overflow: @escaping @Sendable () -> Void
    ) async -> (Data, overflowed: Bool) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var kept = Data()
                var overflowed = false
                while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
                    guard !overflowed else { continue }
                    if chunk.count > limit - kept.count {
                        overflowed = true
                        kept.append(chunk.prefix(limit - kept.count))
                        overflow()
                    } else {
                        kept.append(chunk)
                    }
                }
                continuation.resume(returning: (kept, overflowed))
            }
        }
    }
}

/// Shares one `Process` between the reader and the watchdog; `Process` itself is not `Sendable`.
private final class RunningProcess: @unchecked Sendable {
    // `process` methods are thread-safe for these calls; `ended` is guarded by `lock`.
    private let process: Process
    private let lock = NSLock()
    private var ended: ChildProcess.Termination?

    init(_ process: Process) {
        self.process = process
    }

    /// Why the command was ended by the runtime, if it was.
    var termination: ChildProcess.Termination? { lock.withLock { ended } }

    func terminateIfRunning(_ reason: ChildProcess.Termination) {
        lock.withLock {
            guard process.isRunning, ended == nil else { return }
            ended = reason
            // SIGKILL, not terminate()'s SIGTERM: the command may have blocked or trapped SIGTERM itself. The
            // child leads its own process group, so this also ends what it started (`a | b`, `cmd &`), which
            // would otherwise keep the output pipe open and the read waiting for ever.
            let pid = process.processIdentifier
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }

    func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.process.waitUntilExit()
                continuation.resume(returning: self.process.terminationStatus)
            }
        }
    }
}

/// Prints without the environment it passes on and without its command line (it may carry a secret argument).
extension ProcessCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["program": ChildProcess.programName(of: command), "environment": EnvironmentSummary(environment),
                       "timeout": timeout],
            displayStyle: .struct)
    }
}
