import Foundation

/// A bearer token (`Authorization: Bearer …`) for services whose model uses `smithy.api#httpBearerAuth`, such as
/// an IAM Identity Center access token. The token never appears in `description` or `dump` output.
public struct BearerToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The token. Never logged.
    public var token: String
    /// When it stops working; nil when unknown.
    public var expiration: Date?

    /// A token from its parts.
    public init(token: String, expiration: Date? = nil) {
        self.token = token
        self.expiration = expiration
    }

    public var description: String {
        "BearerToken(token: <redacted>" + (expiration.map { ", expiration: \($0)" } ?? "") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["token": "<redacted>", "expiration": expiration as Any])
    }
}

/// A source of bearer tokens.
public protocol TokenProvider: Sendable {
    /// Returns a current token, refreshing it as needed. Throws ``CredentialProviderError`` like credential
    /// providers do (`notConfigured` lets a chain move on).
    func token() async throws -> BearerToken
}
