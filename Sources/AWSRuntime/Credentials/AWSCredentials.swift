import Foundation

/// An AWS access key pair, optionally with a session token and an expiry.
///
/// The secret key and session token never appear in `description`, `debugDescription` or `dump` output,
/// so logging a credentials value (or an error that carries one) cannot leak them.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The access key id (`AKIA…` / `ASIA…`); not secret, safe to log.
    public var accessKeyId: String
    /// The secret access key. Never logged.
    public var secretAccessKey: String
    /// The session token of temporary credentials. Never logged.
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// The account the credentials belong to, when their source says (`AWS_ACCOUNT_ID`, a profile's
    /// `aws_account_id`): services with account-based endpoints (DynamoDB) route by it. Not secret.
    public var accountId: String?

    /// Credentials from their parts; long-term keys have no session token or expiration.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil,
                accountId: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.accountId = accountId
    }

    /// Whether these credentials expire within `margin` of `now` (never, for credentials without an expiry).
    public func expires(within margin: TimeInterval, of now: Date = Date()) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= margin
    }

    public var description: String {
        var text = "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>"
        text += sessionToken == nil ? ", sessionToken: nil" : ", sessionToken: <redacted>"
        if let expiration { text += ", expiration: \(expiration)" }
        if let accountId { text += ", accountId: \(accountId)" }
        return text + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId,
                "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
                "expiration": expiration as Any,
                "accountId": accountId as Any,
            ])
    }
}
