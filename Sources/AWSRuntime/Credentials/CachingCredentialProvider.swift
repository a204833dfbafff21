import Foundation

/// Caches another provider's credentials and refreshes them shortly before they expire.
///
/// When many tasks ask at once while a refresh is due, one fetch runs and they all await it.
public actor CachingCredentialProvider: CredentialProvider {
    private let base: any CredentialProvider
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?

    /// - Parameters:
    ///   - base: the provider to fetch from.
    ///   - refreshMargin: refresh this long before expiry, so a request signed now is not rejected in transit.
    ///   - now: the clock; tests inject one.
    public init(
        _ base: any CredentialProvider, refreshMargin: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.base = base
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// The cached credentials while they are fresh; otherwise one shared fetch from the base provider.
    public func credentials() async throws -> AWSCredentials {
        if let cached, !cached.expires(within: refreshMargin, of: now()) { return cached }
        if let inFlight { return try await resultOrStillValid(inFlight) }
        let base = self.base
        let task = Task { try await base.credentials() }
        inFlight = task
        defer { inFlight = nil }
        let fresh = try await resultOrStillValid(task)
        cached = fresh
        return fresh
    }

    /// The refresh's result; when it fails, the cached credentials if they have not actually expired yet (the
    /// refresh starts early, so a failing source need not fail calls that can still be signed).
    private func resultOrStillValid(_ task: Task<AWSCredentials, any Error>) async throws -> AWSCredentials {
        do {
            return try await task.value
        } catch {
            if let cached, !cached.expires(within: 0, of: now()) { return cached }
            throw error
        }
    }

    /// Drops the cached credentials so the next call fetches (e.g. after the service rejected them).
    public func invalidate() {
        cached = nil
    }
}
