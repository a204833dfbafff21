import Foundation

/// Remembers derived SigV4 signing keys so each date / region / service / secret is derived once.
///
/// Deriving a key costs four HMACs; a client signing many requests a day reuses one. The cache is small
/// and lock-protected, so one instance can be shared by every task of a client.
public final class SigningKeyCache: @unchecked Sendable {
    private struct Key: Hashable {
        var secretAccessKey: String
        var dateStamp: String
        var region: String
        var service: String
    }

    // Guarded by `lock`; @unchecked Sendable relies on that.
    private let lock = NSLock()
    private var entries: [Key: HMAC] = [:]
    private var derivations = 0
    private let capacity: Int

    /// Creates a cache holding up to `capacity` keys (a handful suffices: one per region and service a day).
    public init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
    }

    /// How many keys have been derived (rather than found) so far; tests use it.
    var derivationCount: Int {
        lock.withLock { derivations }
    }

    /// An HMAC keyed with the signing key, ready to sign a string to sign.
    func signingHMAC(secretAccessKey: String, dateStamp: String, region: String, service: String) -> HMAC {
        let key = Key(secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: region, service: service)
        return lock.withLock {
            if let cached = entries[key] { return cached }
            let derived = HMAC(
                key: SigningKeyCache.deriveSigningKey(
                    secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: region, service: service))
            // Keys from yesterday are useless today; when full, start over rather than track recency.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = derived
            derivations += 1
            return derived
        }
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    static func deriveSigningKey(secretAccessKey: String, dateStamp: String, region: String, service: String)
        -> SHA256Digest
    {
        let dateKey = HMAC.authenticationCode(for: Array(dateStamp.utf8), key: Array(("AWS4" + secretAccessKey).utf8))
        var regionHMAC = HMAC(key: dateKey)
        regionHMAC.update(Array(region.utf8))
        var serviceHMAC = HMAC(key: regionHMAC.finalize())
        serviceHMAC.update(Array(service.utf8))
        var signingHMAC = HMAC(key: serviceHMAC.finalize())
        signingHMAC.update(Array("aws4_request".utf8))
        return signingHMAC.finalize()
    }
}

/// The cache's keys hold the secret access key and its values are signing keys: printing shows only how many
/// there are.
extension SigningKeyCache: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SigningKeyCache(\(lock.withLock { entries.count }) keys, not shown)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keys": "<\(lock.withLock { entries.count }), not shown>"]) }
}
