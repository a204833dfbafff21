import Foundation

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    static let name = "environment"
    private let environment: [String: String]

    /// - Parameter environment: the variables to read; defaults to the process environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Reads the variables; not configured when neither key is set, failed when only one is.
    public func credentials() async throws -> AWSCredentials {
        // A variable set to blanks (`AWS_ACCESS_KEY_ID=" "`) counts as unset, as in the other SDKs.
        func variable(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let accessKeyId = variable("AWS_ACCESS_KEY_ID")
        let secret = variable("AWS_SECRET_ACCESS_KEY")
        switch (accessKeyId, secret) {
        case (let accessKeyId?, let secret?):
            return AWSCredentials(
                accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: variable("AWS_SESSION_TOKEN"),
                accountId: variable("AWS_ACCOUNT_ID"))
        case (nil, nil):
            throw CredentialProviderError.notConfigured(
                provider: Self.name, reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
        case (nil, _?):
            throw CredentialProviderError.failed(
                provider: Self.name, reason: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (_?, nil):
            throw CredentialProviderError.failed(
                provider: Self.name, reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        }
    }
}

/// Prints without the environment it reads (it may hold `AWS_SECRET_ACCESS_KEY`).
extension EnvironmentCredentialProvider: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": EnvironmentSummary(environment)], displayStyle: .struct)
    }
}
