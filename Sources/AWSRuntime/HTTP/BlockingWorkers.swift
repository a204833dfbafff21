import Foundation

/// Threads for work that blocks (a libcurl transfer waits in poll(2)), kept out of Swift's cooperative pool.
///
/// Threads are started as jobs need them and kept while work keeps coming: starting an OS thread for every
/// request cost about a quarter of a loopback call. A thread idle for `idleLifetime` ends, so a client that
/// goes quiet holds none.
final class BlockingWorkers: @unchecked Sendable {
    /// The workers every ``CurlHTTPClient`` shares.
    static let shared = BlockingWorkers(name: "AWSRuntime.CurlHTTPClient")

    private let name: String
    private let idleLifetime: TimeInterval
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var idleThreads = 0
    /// Threads started so far (for tests: reuse means this stays small).
    private var startedThreads = 0

    init(name: String, idleLifetime: TimeInterval = 30) {
        self.name = name
        self.idleLifetime = idleLifetime
    }

    /// Threads started so far, read under the lock.
    var threadsStarted: Int {
        condition.lock()
        defer { condition.unlock() }
        return startedThreads
    }

    /// Runs `job` on an idle worker, or on a new one when all are busy.
    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        let startsThread = idleThreads < jobs.count
        if startsThread { startedThreads += 1 } else { condition.signal() }
        condition.unlock()
        if startsThread {
            let thread = Thread { [self] in work() }
            thread.name = name
            thread.start()
        }
    }

    private func work() {
        condition.lock()
        while true {
            while jobs.isEmpty {
                idleThreads += 1
                let woken = condition.wait(until: Date(timeIntervalSinceNow: idleLifetime))
                idleThreads -= 1
                if !woken && jobs.isEmpty {
                    condition.unlock()
                    return
                }
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
