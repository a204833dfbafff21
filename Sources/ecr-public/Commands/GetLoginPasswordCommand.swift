import ECRPublic
import Foundation

/// `get-login-password`: the password of a 12-hour registry credential, for
/// `docker login --username AWS --password-stdin public.ecr.aws`.
struct GetLoginPasswordCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "get-login-password",
        summary: "Print a password for `docker login --username AWS --password-stdin public.ecr.aws`.",
        options: [],
        examples: ["get-login-password --region us-east-1 | docker login --username AWS --password-stdin public.ecr.aws"])

    init(arguments: ParsedArguments) {}

    func run(in context: CommandContext) async throws {
        let response = try await context.client.getAuthorizationToken(GetAuthorizationTokenRequest())
        guard let token = response.authorizationData?.authorizationToken,
              let password = Self.password(fromToken: token)
        else {
            throw ToolFailure("GetAuthorizationToken returned no usable authorization token")
        }
        context.console.print(password)
    }

    /// The password in a token: base64 of `AWS:<password>`.
    static func password(fromToken token: String) -> String? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":")
        else { return nil }
        return String(text[text.index(after: colon)...])
    }
}
