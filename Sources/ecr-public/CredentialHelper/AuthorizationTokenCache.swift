import Foundation

/// The credential helper's password, kept between runs so Docker's many `get` calls (one per pull or push)
/// cost one GetAuthorizationToken per 12 hours, not one each.
///
/// One JSON file, readable by its owner only (mode 0600, as the password grants push access):
/// `$XDG_CACHE_HOME/ecr-public/docker-credentials.json`, else `~/.cache/ecr-public/…`. Entries are keyed by
/// what picks the identity and the service (profile, access key id, endpoint), never by a secret.
struct AuthorizationTokenCache {
    /// A password is used until this long before it expires, so Docker never receives one that dies mid-push.
    static let refreshMargin: TimeInterval = 15 * 60

    struct Entry: Codable {
        var password: String
        var expiresAt: Date
    }

    let file: URL
    let key: String

    init(environment: [String: String]) {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        let cacheRoot = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? home.appendingPathComponent(".cache")
        file = cacheRoot.appendingPathComponent("ecr-public/docker-credentials.json")
        key = [environment["AWS_PROFILE"] ?? "default", environment["AWS_ACCESS_KEY_ID"] ?? "-",
               environment["AWS_ENDPOINT_URL_ECR_PUBLIC"] ?? environment["AWS_ENDPOINT_URL"] ?? "-"].joined(separator: " ")
    }

    /// The cached password, unless it is missing or expires within ``refreshMargin``.
    func password(now: Date = Date()) -> String? {
        guard let entry = entries()[key], entry.expiresAt.timeIntervalSince(now) > Self.refreshMargin else { return nil }
        return entry.password
    }

    func save(password: String, expiresAt: Date) {
        var all = entries()
        all[key] = Entry(password: password, expiresAt: expiresAt)
        write(all)
    }

    func remove() {
        var all = entries()
        guard all.removeValue(forKey: key) != nil else { return }
        write(all)
    }

    private func entries() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return (try? decoder.decode([String: Entry].self, from: data)) ?? [:]
    }

    /// Replaces the file in one rename, created 0600 before any byte of a password is written. A cache that
    /// cannot be written only costs the next run a call, so failures are ignored.
    private func write(_ entries: [String: Entry]) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entries) else { return }
        let directory = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporary.path)
        else { return }
        try? handle.write(contentsOf: data)
        try? handle.close()
        if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}
