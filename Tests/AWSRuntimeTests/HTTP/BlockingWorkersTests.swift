import Foundation
import XCTest

@testable import AWSRuntime

/// The threads blocking transfers run on: reused while work keeps coming, and as many as are busy at once.
final class BlockingWorkersTests: XCTestCase {
    final class ThreadLog: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [ObjectIdentifier] = []
        func record() { lock.withLock { names.append(ObjectIdentifier(Thread.current)) } }
        var distinct: Int { lock.withLock { Set(names).count } }
        var count: Int { lock.withLock { names.count } }
    }

    func testOneJobAfterAnotherReusesTheSameThread() {
        let workers = BlockingWorkers(name: "test", idleLifetime: 5)
        let log = ThreadLog()
        for _ in 0..<50 {
            let done = DispatchSemaphore(value: 0)
            workers.run {
                log.record()
                done.signal()
            }
            done.wait()
        }
        XCTAssertEqual(log.count, 50)
        // A job signals before its thread is idle again, so a few threads may start (and any idle one may take the
        // next job); never one per job.
        XCTAssertLessThanOrEqual(workers.threadsStarted, 4)
    }

    func testJobsThatBlockTogetherEachGetAThread() {
        let workers = BlockingWorkers(name: "test", idleLifetime: 5)
        let log = ThreadLog()
        let arrived = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<8 {
            workers.run {
                log.record()
                arrived.signal()
                release.wait()
            }
        }
        // All eight are waiting at once: had they shared threads, this would time out.
        for _ in 0..<8 { XCTAssertEqual(arrived.wait(timeout: .now() + 10), .success) }
        for _ in 0..<8 { release.signal() }
        XCTAssertEqual(log.distinct, 8)
    }
}
