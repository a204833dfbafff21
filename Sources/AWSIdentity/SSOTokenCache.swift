import AWSRuntime
import Foundation

/// The IAM Identity Center token cache the AWS CLI writes on `aws sso login`:
/// `~/.aws/sso/cache/<sha1 of the session name, or of the start URL>.json`.
struct SSOTokenCache: Sendable {
    /// One cache file's fields (the AWS CLI's names).
    struct Entry: Codable, Sendable {
        var accessToken: String
        var expiresAt: String
        var refreshToken: String?
        var clientId: String?
        var clientSecret: String?
        var registrationExpiresAt: String?
        var region: String?
        var startUrl: String?
    }

    /// The cache file's path.
    let path: String

    init(settings: ProfileChain.SSOSettings, environment: [String: String]) {
        let home = nonEmpty(environment, "HOME") ?? NSHomeDirectory()
        path = home + "/.aws/sso/cache/" + settings.tokenCacheKey + ".json"
    }

    /// The cached entry. Errors name the file and say how to fix it, never its contents.
    func read(loginHint: String) throws -> Entry {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialProviderError.failed(
                provider: "IAM Identity Center token",
                reason: "failed to read `\(path)`: No such file or directory; \(loginHint)")
        }
        do {
            return try JSONDecoder().decode(Entry.self, from: data)
        } catch {
            throw CredentialProviderError.failed(
                provider: "IAM Identity Center token",
                reason: "`\(path)` is not a token cache file (no accessToken or expiresAt); \(loginHint)")
        }
    }

    /// Replaces the file atomically (a temporary file renamed over it), readable by the owner only, so a
    /// concurrent reader sees the old or the new token, never half of one.
    func write(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(entry)
        let temporary = path + ".tmp-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CredentialProviderError.failed(provider: "IAM Identity Center token", reason: "cannot write \(temporary)")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CredentialProviderError.failed(provider: "IAM Identity Center token", reason: "cannot replace \(path)")
        }
    }

    /// The timestamps the cache holds: ISO 8601 with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    static func text(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
