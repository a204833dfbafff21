import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A test service from `Tests/TestServices` (a Python script) running on 127.0.0.1, stopped by its PID.
///
/// Two kinds of script are supported:
/// - a server that stays in the foreground and writes its port to `--port-file` (`ecr_public_server.py`);
/// - a launcher that starts a server in the background, writes one JSON line with `"port"` and `"pid"` (plus
///   whatever else it wants to hand over) to `--port-file`, and exits (`moto_bootstrap.py`).
///
/// Tests start one in `setUp`, register ``stop()`` right away (`addTeardownBlock`) so it runs on failure too,
/// and skip when ``pythonUnavailability(requiring:)`` names a reason. The scripts bound their own lifetime,
/// so a crashed test run cannot leave a server behind for long.
///
/// This file is also compiled into the `Tests/EndToEnd` package (its `run.sh` copies it there): keep it
/// self-contained, Foundation only.
public final class TestServiceProcess: @unchecked Sendable {
    /// How the script announces that it is ready.
    public enum Readiness: Sendable {
        /// It keeps running and writes `<port>\n` to the port file once it accepts connections.
        case portFile
        /// It writes a JSON object with `port` and `pid` to the port file and exits, leaving the server (whose
        /// command line contains `processMarker`) running; that server is the one ``stop()`` signals.
        case launcherJSON(processMarker: String)
    }

    /// Why a service could not be started or did not come up.
    public struct StartFailure: Error, CustomStringConvertible {
        public let reason: String
        /// The end of the script's output, for the test log.
        public let logTail: String

        public init(reason: String, logTail: String) {
            self.reason = reason
            self.logTail = logTail
        }

        public var description: String { logTail.isEmpty ? reason : "\(reason)\n--- output ---\n\(logTail)" }
    }

    /// The server's process id (the launched script's, or for ``Readiness/launcherJSON(processMarker:)`` the
    /// one it reported).
    public let pid: Int32
    /// The port the server listens on at 127.0.0.1.
    public let port: Int
    /// The port file's contents (for a launcher: its JSON, with credentials and the like).
    public let announcement: String
    /// `http://127.0.0.1:<port>`.
    public var endpointURL: String { "http://127.0.0.1:\(port)" }

    private let child: Process?
    private let processMarker: String?
    private let workDirectory: URL
    private let lock = NSLock()
    private var stopped = false

    private init(pid: Int32, port: Int, announcement: String, child: Process?, processMarker: String?, workDirectory: URL) {
        self.pid = pid
        self.port = port
        self.announcement = announcement
        self.child = child
        self.processMarker = processMarker
        self.workDirectory = workDirectory
    }

    deinit { stop() }

    /// The announcement's JSON object (for ``Readiness/launcherJSON(processMarker:)``).
    public func announcementJSON() -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(announcement.utf8))) as? [String: Any] ?? [:]
    }

    // MARK: Availability

    /// Why `python3` with these modules cannot be used here, or nil when it can: the message for `XCTSkip`.
    ///
    /// Asks `/usr/bin/env python3` (about 0.2 s) whether it can find each module, without importing them.
    public static func pythonUnavailability(requiring modules: [String]) -> String? {
        probePython(modules: modules)
    }

    private static func probePython(modules: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/env") else { return "/usr/bin/env is missing" }
        let program = "import importlib.util, sys\n"
            + "print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program] + modules
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot run python3: \(error)" }
        // The probe prints one short line, so reading to the end cannot block on a full pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return "python3 is not installed (not on PATH)" }
        guard process.terminationStatus == 0 else { return "python3 failed (exit \(process.terminationStatus))" }
        let missing = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return missing.isEmpty ? nil : "python3 lacks the module(s) \(missing) (pip install them)"
    }

    // MARK: Starting

    /// Runs `python3 script --port-file <file> arguments…` and waits until the service announces its port.
    ///
    /// Throws ``StartFailure`` (with the script's output) when the script exits early, writes a bad port file
    /// or is not ready within `timeout`; whatever was started is stopped first.
    public static func start(
        script: URL, arguments: [String] = [], readiness: Readiness = .portFile, timeout: Duration = .seconds(60)
    ) async throws -> TestServiceProcess {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("test-service-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let portFile = work.appendingPathComponent("port")
        let logFile = work.appendingPathComponent("output.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port-file", portFile.path] + arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try runWithSignalsUnblocked(process)
        } catch {
            try? FileManager.default.removeItem(at: work)
            throw StartFailure(reason: "cannot start \(script.lastPathComponent): \(error)", logTail: "")
        }

        func fail(_ reason: String) -> StartFailure {
            if process.isRunning { terminate(process, grace: .seconds(2)) }
            let tail = tailOfFile(logFile)
            try? FileManager.default.removeItem(at: work)
            return StartFailure(reason: "\(script.lastPathComponent): \(reason)", logTail: tail)
        }

        let deadline = ContinuousClock.now + timeout
        while true {
            let contents = (try? String(contentsOf: portFile, encoding: .utf8)) ?? ""
            switch readiness {
            case .portFile:
                if let port = Int(contents.trimmingCharacters(in: .whitespacesAndNewlines)), port > 0 {
                    return TestServiceProcess(pid: process.processIdentifier, port: port, announcement: contents,
                                              child: process, processMarker: nil, workDirectory: work)
                }
                if !process.isRunning {
                    throw fail("exited with status \(process.terminationStatus) before announcing a port")
                }
            case .launcherJSON(let marker):
                if !process.isRunning {
                    guard process.terminationStatus == 0 else {
                        throw fail("exited with status \(process.terminationStatus)")
                    }
                    let object = (try? JSONSerialization.jsonObject(with: Data(contents.utf8))) as? [String: Any]
                    guard let port = object?["port"] as? Int, let pid = object?["pid"] as? Int, port > 0, pid > 0 else {
                        throw fail("wrote no JSON with port and pid: \(contents)")
                    }
                    return TestServiceProcess(pid: Int32(pid), port: port, announcement: contents, child: nil,
                                              processMarker: marker, workDirectory: work)
                }
            }
            if ContinuousClock.now >= deadline { throw fail("not ready within \(timeout)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Starts `process` with an empty signal mask.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and Swift concurrency's threads block
    /// nearly every signal: a server started from an async test would ignore SIGTERM (and so would the
    /// processes it starts itself), leaving only SIGKILL after the grace period, without a clean shutdown.
    private static func runWithSignalsUnblocked(_ process: Process) throws {
        var all = sigset_t()
        var previous = sigset_t()
        sigemptyset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
    }

    // MARK: Stopping

    /// Stops the server: SIGTERM, then SIGKILL after `grace`. Safe to call more than once.
    public func stop(grace: Duration = .seconds(5)) {
        lock.lock()
        let alreadyStopped = stopped
        stopped = true
        lock.unlock()
        guard !alreadyStopped else { return }
        if let child {
            Self.terminate(child, grace: grace)
        } else if let processMarker {
            Self.terminate(pid: pid, marker: processMarker, grace: grace)
        }
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// How a server this launched ended.
    public enum Ending: Sendable, Equatable {
        /// It exited by itself (after SIGTERM, a clean shutdown) with this status.
        case exited(Int32)
        /// A signal it did not handle ended it (SIGKILL after the grace period).
        case killedBySignal(Int32)
    }

    /// How the server ended: nil while it runs, and for a server a launcher started (not our child).
    public var ending: Ending? {
        guard let child, !child.isRunning else { return nil }
        return child.terminationReason == .exit
            ? .exited(child.terminationStatus) : .killedBySignal(child.terminationStatus)
    }

    /// Whether the server process is still alive (not exited, not a zombie).
    public var isRunning: Bool {
        if let child { return child.isRunning }
        return Self.isLive(pid: pid, marker: processMarker ?? "")
    }

    private static func terminate(_ process: Process, grace: Duration) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        if waitUntil(grace, { !process.isRunning }) { return }
        kill(process.processIdentifier, SIGKILL)
        _ = waitUntil(.seconds(5)) { !process.isRunning }
    }

    /// Signals a process that is not our child, and only while its command line still names `marker` (so a
    /// reused PID is never hit).
    private static func terminate(pid: Int32, marker: String, grace: Duration) {
        guard isLive(pid: pid, marker: marker) else { return }
        kill(pid, SIGTERM)
        if waitUntil(grace, { !isLive(pid: pid, marker: marker) }) { return }
        if isLive(pid: pid, marker: marker) { kill(pid, SIGKILL) }
        _ = waitUntil(.seconds(5)) { !isLive(pid: pid, marker: marker) }
    }

    /// Alive, not a zombie, and running a command line that contains `marker` (Linux `/proc`; elsewhere by
    /// `kill(pid, 0)` alone).
    private static func isLive(pid: Int32, marker: String) -> Bool {
        #if os(Linux)
            guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let state = stat.split(separator: ")").last?.split(separator: " ").first
            else { return false }
            return state != "Z" && (marker.isEmpty || commandLine.range(of: Data(marker.utf8)) != nil)
        #else
            return kill(pid, 0) == 0
        #endif
    }

    private static func waitUntil(_ limit: Duration, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    private static func tailOfFile(_ url: URL, limit: Int = 4000) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "" }
        return String(decoding: data.suffix(limit), as: UTF8.self)
    }
}
