import Foundation

/// The JSON credential documents of the container endpoint, instance metadata and `credential_process`.
/// They share field names; the token is `Token` from metadata services and `SessionToken` from processes.
struct CredentialsJSON: Decodable {
    var Version: Int?
    var Code: String?
    var Message: String?
    var AccessKeyId: String?
    var SecretAccessKey: String?
    var Token: String?
    var SessionToken: String?
    /// `credential_process` output may name the account (version 1 of its format).
    var AccountId: String?
    var Expiration: String?

    /// Decodes and validates `data`. Errors describe the problem without echoing the document, which holds secrets.
    static func credentials(from data: Data, provider: String, source: String) throws -> AWSCredentials {
        let document: CredentialsJSON
        do {
            document = try JSONDecoder().decode(CredentialsJSON.self, from: data)
        } catch {
            throw CredentialProviderError.failed(
                provider: provider, reason: "\(source) did not return a JSON credentials object (\(data.count) bytes)")
        }
        if let code = document.Code, code != "Success" {
            throw CredentialProviderError.failed(
                provider: provider, reason: "\(source) answered Code '\(code)'\(document.Message.map { ": \($0)" } ?? "")")
        }
        guard let accessKeyId = document.AccessKeyId, !accessKeyId.isEmpty else {
            throw CredentialProviderError.failed(provider: provider, reason: "\(source) returned no AccessKeyId")
        }
        guard let secret = document.SecretAccessKey, !secret.isEmpty else {
            throw CredentialProviderError.failed(provider: provider, reason: "\(source) returned no SecretAccessKey")
        }
        var expiration: Date?
        if let text = document.Expiration {
            guard let date = parseTimestamp(text) else {
                throw CredentialProviderError.failed(
                    provider: provider, reason: "\(source) returned an Expiration that is not ISO 8601: '\(text)'")
            }
            expiration = date
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: document.SessionToken ?? document.Token,
            expiration: expiration, accountId: document.AccountId.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// ISO 8601 with or without fractional seconds, e.g. `2026-01-02T03:04:05Z` or `…05.123Z`.
    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
