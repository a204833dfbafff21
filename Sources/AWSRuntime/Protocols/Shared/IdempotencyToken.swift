import Foundation

/// The value sent for an `idempotencyToken` member the caller left unset.
///
/// The client's ``ClientConfiguration/idempotencyTokenGenerator`` reaches generated `encode(to:)` methods through
/// the encoder's `userInfo`, so tests (and callers that need reproducible requests) can choose the tokens.
public enum IdempotencyToken {
    /// Where ``configure(_:generator:)`` puts the generator in an encoder's `userInfo`.
    static let userInfoKey = CodingUserInfoKey(rawValue: "AWSRuntime.idempotencyTokenGenerator")

    /// The carrier stored in `userInfo`: a closure cannot be cast back from `Any` reliably across platforms.
    struct Generator: Sendable {
        let next: @Sendable () -> String
    }

    /// A fresh token from the generator `encoder` was configured with, else a random UUID.
    public static func generate(for encoder: any Encoder) -> String {
        guard let key = userInfoKey, let generator = encoder.userInfo[key] as? Generator else {
            return UUID().uuidString
        }
        return generator.next()
    }

    /// Makes `encoder` fill unset idempotency tokens from `generator`.
    static func configure(_ encoder: JSONEncoder, generator: @escaping @Sendable () -> String) {
        guard let key = userInfoKey else { return }
        encoder.userInfo[key] = Generator(next: generator)
    }

    /// Makes `encoder` fill unset idempotency tokens from `generator`.
    static func configure(_ encoder: inout JSONStreamEncoder, generator: @escaping @Sendable () -> String) {
        guard let key = userInfoKey else { return }
        encoder.userInfo[key] = Generator(next: generator)
    }
}
