import Foundation

/// Calls per second and latency percentiles of one load run.
struct LoadFigures: Sendable {
    var callsPerSecond: Double
    var p50Microseconds: Double
    var p99Microseconds: Double
}

/// Runs `calls` calls of `operation`, `concurrency` at a time, and measures throughput and per-call latency.
func runLoad(calls: Int, concurrency: Int, _ operation: @escaping @Sendable () async throws -> Void) async throws
    -> LoadFigures
{
    let next = Counter()
    let clock = ContinuousClock()
    let start = clock.now
    let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var mine: [Duration] = []
                while next.take() < calls {
                    let began = clock.now
                    try await operation()
                    mine.append(clock.now - began)
                }
                return mine
            }
        }
        var all: [Duration] = []
        for try await part in group { all += part }
        return all
    }
    let wall = clock.now - start
    let sorted = latencies.map(\.microseconds).sorted()
    return LoadFigures(
        callsPerSecond: Double(calls) / wall.seconds,
        p50Microseconds: sorted[sorted.count / 2], p99Microseconds: sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
}

/// The best of `windows` runs (highest throughput), as the other benchmarks keep the best of short windows on a
/// shared machine.
func bestLoad(windows: Int, calls: Int, concurrency: Int, _ operation: @escaping @Sendable () async throws -> Void)
    async throws -> LoadFigures
{
    // One warm-up window: connections opened, caches filled.
    _ = try await runLoad(calls: min(calls, 200), concurrency: concurrency, operation)
    var best: LoadFigures?
    for _ in 0..<windows {
        let figures = try await runLoad(calls: calls, concurrency: concurrency, operation)
        if best == nil || figures.callsPerSecond > best!.callsPerSecond { best = figures }
    }
    return best!
}

/// Runs async benchmark code from the synchronous benchmark table.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let semaphore = DispatchSemaphore(value: 0)
    let result = ResultBox<T>()
    Task {
        result.value = await body()
        semaphore.signal()
    }
    semaphore.wait()
    return result.value!
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Hands out call numbers to the workers.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var microseconds: Double { seconds * 1e6 }
}
