import XCTest

@testable import AWSRuntime

final class CachingCredentialProviderTests: XCTestCase {
    /// Counts fetches and hands out credentials that expire `lifetime` after the fake clock's current time.
    private final class CountingProvider: CredentialProvider, @unchecked Sendable {
        // Guarded by `lock`.
        private let lock = NSLock()
        private var fetches = 0
        private let clock: FakeClock
        private let lifetime: TimeInterval
        private let delay: Duration

        init(clock: FakeClock, lifetime: TimeInterval, delay: Duration = .zero) {
            self.clock = clock
            self.lifetime = lifetime
            self.delay = delay
        }

        var fetchCount: Int { lock.withLock { fetches } }

        func credentials() async throws -> AWSCredentials {
            let number = lock.withLock {
                fetches += 1
                return fetches
            }
            if delay > .zero { try await Task.sleep(for: delay) }
            return AWSCredentials(
                accessKeyId: "KEY\(number)", secretAccessKey: "S", sessionToken: "T",
                expiration: clock.now.addingTimeInterval(lifetime))
        }
    }

    private final class FakeClock: @unchecked Sendable {
        // Guarded by `lock`.
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_700_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    func testManySimultaneousCallersShareOneFetch() async throws {
        let clock = FakeClock()
        let base = CountingProvider(clock: clock, lifetime: 3600, delay: .milliseconds(100))
        let cache = CachingCredentialProvider(base, now: { clock.now })
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        XCTAssertEqual(base.fetchCount, 1)
        XCTAssertEqual(Set(keys), ["KEY1"])
        XCTAssertEqual(keys.count, 64)
    }

    func testCachedUntilShortlyBeforeExpiryThenRefreshedOnce() async throws {
        let clock = FakeClock()
        let base = CountingProvider(clock: clock, lifetime: 3600)
        let cache = CachingCredentialProvider(base, refreshMargin: 300, now: { clock.now })
        let first = try await cache.credentials().accessKeyId
        XCTAssertEqual(first, "KEY1")
        clock.advance(3000)  // 600 s left: still fresh
        let stillCached = try await cache.credentials().accessKeyId
        XCTAssertEqual(stillCached, "KEY1")
        clock.advance(400)  // 200 s left: inside the margin
        let refreshed = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        XCTAssertEqual(refreshed, ["KEY2"])
        XCTAssertEqual(base.fetchCount, 2)
    }

    func testFailedFetchIsNotCachedAndIsRetriedNextTime() async throws {
        final class FailingOnce: CredentialProvider, @unchecked Sendable {
            private let lock = NSLock()
            private var calls = 0
            func credentials() async throws -> AWSCredentials {
                let call = lock.withLock {
                    calls += 1
                    return calls
                }
                if call == 1 { throw CredentialProviderError.failed(provider: "test", reason: "first call fails") }
                return AWSCredentials(accessKeyId: "OK", secretAccessKey: "S")
            }
        }
        let cache = CachingCredentialProvider(FailingOnce())
        await assertThrows(cache) { XCTAssertEqual($0, .failed(provider: "test", reason: "first call fails")) }
        let credentials = try await cache.credentials()
        XCTAssertEqual(credentials.accessKeyId, "OK")
    }

    func testAFailedEarlyRefreshKeepsCredentialsThatHaveNotExpired() async throws {
        final class FailsAfterFirst: CredentialProvider, @unchecked Sendable {
            private let lock = NSLock()
            private var calls = 0
            let expiry: Date
            init(expiry: Date) { self.expiry = expiry }
            func credentials() async throws -> AWSCredentials {
                let call = lock.withLock {
                    calls += 1
                    return calls
                }
                if call > 1 { throw CredentialProviderError.failed(provider: "test", reason: "source is down") }
                return AWSCredentials(accessKeyId: "FIRST", secretAccessKey: "S", expiration: expiry)
            }
        }
        let clock = FakeClock()
        let cache = CachingCredentialProvider(
            FailsAfterFirst(expiry: clock.now.addingTimeInterval(600)), refreshMargin: 300, now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(400)  // inside the refresh margin, not yet expired: the failed refresh keeps the old keys
        let stillValid = try await cache.credentials()
        XCTAssertEqual(stillValid.accessKeyId, "FIRST")
        clock.advance(300)  // now expired: the failure is the caller's
        await assertThrows(cache) { XCTAssertEqual($0, .failed(provider: "test", reason: "source is down")) }
    }
}
