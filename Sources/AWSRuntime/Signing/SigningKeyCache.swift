import Foundation

/// Remembers derived SigV4 signing keys so each date / region / service / secret is derived once, and the
/// last signing time's date strings so they are formatted once a second.
///
/// Deriving a key costs four HMACs; a client signing many requests a day reuses one. The cache is small
/// and lock-protected, so one instance can be shared by every task of a client.
public final class SigningKeyCache: @unchecked Sendable {
    /// What signing at one second, for one secret, region and service, needs besides the request.
    struct SigningContext: Sendable {
        var timestamp: SigV4Timestamp
        /// `date/region/service/aws4_request`.
        var scope: String
        /// Keyed with the signing key, ready to sign a string to sign.
        var hmac: HMAC
    }

    private struct Entry {
        var secretAccessKey: String
        var dateStamp: String
        var region: String
        var service: String
        var scope: String
        var hmac: HMAC
    }

    // Guarded by `lock`; @unchecked Sendable relies on that.
    private let lock = NSLock()
    /// Searched front to back: a client holds one or a few keys, and comparing a few strings is cheaper than
    /// hashing them.
    private var entries: [Entry] = []
    /// The date strings of the last second signed at.
    private var lastSeconds = 0
    private var lastTimestamp = SigV4Timestamp(unixSeconds: 0)
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

    /// The timestamp strings, credential scope and keyed HMAC for signing at `date`: one lock, no allocation
    /// when the second and the key were seen before.
    func context(secretAccessKey: String, date: Date, region: String, service: String) -> SigningContext {
        let seconds = SigV4Timestamp.unixSeconds(date)
        return lock.withLock {
            if seconds != lastSeconds {
                lastTimestamp = SigV4Timestamp(unixSeconds: seconds)
                lastSeconds = seconds
            }
            let timestamp = lastTimestamp
            let dateStamp = timestamp.dateStamp
            for index in entries.indices
            where entries[index].dateStamp == dateStamp && entries[index].region == region
                && entries[index].service == service && entries[index].secretAccessKey == secretAccessKey
            {
                return SigningContext(timestamp: timestamp, scope: entries[index].scope, hmac: entries[index].hmac)
            }
            let hmac = HMAC(
                key: SigningKeyCache.deriveSigningKey(
                    secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: region, service: service))
            let scope = "\(dateStamp)/\(region)/\(service)/aws4_request"
            // Keys from yesterday are useless today; when full, start over rather than track recency.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries.append(
                Entry(
                    secretAccessKey: secretAccessKey, dateStamp: dateStamp, region: region, service: service,
                    scope: scope, hmac: hmac))
            derivations += 1
            return SigningContext(timestamp: timestamp, scope: scope, hmac: hmac)
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
