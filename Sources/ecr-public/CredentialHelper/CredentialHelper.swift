import AWSRuntime
import ECRPublic
import Foundation

/// `docker-credential-ecr-public`: the tool installed or linked under that name speaks Docker's
/// credential-helper protocol, so `docker pull`/`push` against `public.ecr.aws` log in by themselves.
///
/// One action per run, named by the first argument, with its input on standard input and its answer on
/// standard output: `get` (a server URL in, `{"ServerURL", "Username", "Secret"}` out), `store` (a
/// credential in, ignored: the password always comes from `GetAuthorizationToken`), `erase` (a server URL
/// in, its cached token dropped) and `list` (the registries served). Failures go to standard output with
/// exit status 1, as Docker reads them.
enum CredentialHelper {
    static let programName = "docker-credential-ecr-public"
    /// What Docker treats as "no credentials here" rather than as a failure.
    static let notFoundMessage = "credentials not found in native keychain"

    /// Runs `arguments.first`'s action; `input` reads standard input (only the actions that take input call it,
    /// so `list` on a terminal does not wait for end of file).
    static func run(arguments: [String], environment: [String: String], input: () -> Data) async -> Int32 {
        let console = Console()
        do {
            switch arguments.first {
            case "get": console.print(try await get(serverURL: text(input()), environment: environment))
            case "store": _ = input()
            case "erase": try erase(serverURL: text(input()), environment: environment)
            case "list": console.print(#"{"\#(ImageReference.registryHost)":"AWS"}"#)
            default:
                console.print("usage: \(programName) get|store|erase|list (input on standard input)")
                return ExitStatus.failure
            }
            return ExitStatus.success
        } catch let failure as ToolFailure {
            console.print(failure.message)  // exactly, since Docker compares the not-found message
            return ExitStatus.failure
        } catch {
            console.print(ErrorReporter.runtimeErrorLine(error))
            return ExitStatus.failure
        }
    }

    /// The credential for `serverURL` as Docker's JSON; the password is cached until shortly before it expires.
    private static func get(serverURL: String, environment: [String: String]) async throws -> String {
        guard isECRPublic(serverURL) else { throw ToolFailure(notFoundMessage) }
        let cache = AuthorizationTokenCache(environment: environment)
        let password: String
        if let cached = cache.password() {
            password = cached
        } else {
            let fresh = try await fetchPassword(environment: environment)
            password = fresh.password
            cache.save(password: fresh.password, expiresAt: fresh.expiresAt)
        }
        return try credentialJSON(serverURL: serverURL, password: password)
    }

    private static func erase(serverURL: String, environment: [String: String]) throws {
        guard isECRPublic(serverURL) else { throw ToolFailure(notFoundMessage) }
        AuthorizationTokenCache(environment: environment).remove()
    }

    /// A 12-hour password from GetAuthorizationToken. ECR Public's authorization endpoint is in us-east-1,
    /// so that is the region unless the environment names one.
    private static func fetchPassword(environment: [String: String]) async throws -> (password: String, expiresAt: Date) {
        let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
        let client = ECRPublicClient(configuration: ClientConfiguration(region: region, environment: environment))
        let response = try await client.getAuthorizationToken(GetAuthorizationTokenRequest())
        guard let token = response.authorizationData?.authorizationToken,
              let password = GetLoginPasswordCommand.password(fromToken: token)
        else { throw ToolFailure("GetAuthorizationToken returned no usable authorization token") }
        return (password, response.authorizationData?.expiresAt ?? Date().addingTimeInterval(12 * 3600))
    }

    /// Whether `serverURL` (`public.ecr.aws`, `https://public.ecr.aws/v2/`, …) names ECR Public.
    static func isECRPublic(_ serverURL: String) -> Bool {
        var host = Substring(serverURL)
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        host = host.prefix { $0 != "/" }
        return host.lowercased() == ImageReference.registryHost
    }

    private static func credentialJSON(serverURL: String, password: String) throws -> String {
        let object = ["ServerURL": serverURL, "Username": "AWS", "Secret": password]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private static func text(_ input: Data) -> String {
        String(decoding: input, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
