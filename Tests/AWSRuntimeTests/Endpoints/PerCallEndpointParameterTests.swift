import AWSRuntime
import Foundation
import XCTest

/// One client, many calls: the parameters each call binds (a table, the caller's account) pick its endpoint,
/// and a resolution kept for one call is never served to a call with other parameters.
final class PerCallEndpointParameterTests: XCTestCase {
    private static let ruleSet = #"""
        {"version": "1.0",
         "parameters": {
           "Region": {"type": "String", "builtIn": "AWS::Region", "required": true},
           "AccountId": {"type": "String", "builtIn": "AWS::Auth::AccountId", "required": false},
           "Table": {"type": "String", "required": false}},
         "rules": [
           {"conditions": [{"fn": "isSet", "argv": [{"ref": "Table"}]}, {"fn": "isSet", "argv": [{"ref": "AccountId"}]}],
            "endpoint": {"url": "https://{AccountId}.{Table}.{Region}.example.com"}, "type": "endpoint"},
           {"conditions": [{"fn": "isSet", "argv": [{"ref": "Table"}]}],
            "endpoint": {"url": "https://{Table}.{Region}.example.com"}, "type": "endpoint"},
           {"conditions": [], "endpoint": {"url": "https://{Region}.example.com"}, "type": "endpoint"}]}
        """#

    /// Records the host of every request and answers each with a non-retried error.
    final class HostRecorder: HTTPClient, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [String] = []
        var hosts: [String] { lock.withLock { recorded } }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            lock.withLock { recorded.append(request.url.host ?? "") }
            return HTTPResponse(statusCode: 400, headers: [:], body: Data(#"{"__type": "Stop"}"#.utf8))
        }
    }

    private func call(_ runtime: ServiceRuntime, table: String?) async {
        _ = try? await runtime.invoke(
            operation: "Ping", input: TestService.PingInput(name: "hi"), output: TestService.PingOutput.self,
            error: TestService.Failure.self, endpointParameters: ["Table": table.map(JSONValue.string)])
    }

    private func runtime(accountID: String?, transport: HostRecorder) -> ServiceRuntime {
        var metadata = TestService.metadata
        metadata.endpointRuleSet = Self.ruleSet
        return ServiceRuntime(metadata: metadata, configuration: ClientConfiguration(
            region: "us-west-2",
            credentialProvider: StaticCredentialProvider(AWSCredentials(
                accessKeyId: "AKID", secretAccessKey: "secret", accountId: accountID)),
            maxAttempts: 1, httpClient: transport, environment: [:]))
    }

    func testEachCallsParametersPickItsEndpoint() async {
        let transport = HostRecorder()
        let runtime = runtime(accountID: nil, transport: transport)
        for table in ["orders", "users", nil, "orders", "users", nil] { await call(runtime, table: table) }
        XCTAssertEqual(transport.hosts, [
            "orders.us-west-2.example.com", "users.us-west-2.example.com", "us-west-2.example.com",
            "orders.us-west-2.example.com", "users.us-west-2.example.com", "us-west-2.example.com",
        ])
    }

    func testTheCallersAccountFromTheCredentialsPicksTheAccountEndpoint() async {
        let transport = HostRecorder()
        await call(runtime(accountID: "111122223333", transport: transport), table: "orders")
        await call(runtime(accountID: nil, transport: transport), table: "orders")
        XCTAssertEqual(transport.hosts, ["111122223333.orders.us-west-2.example.com", "orders.us-west-2.example.com"])
    }

    func testManyDistinctParametersStayCorrectPastTheCacheBound() async {
        let transport = HostRecorder()
        let runtime = runtime(accountID: nil, transport: transport)
        let tables = (0..<300).map { "t\($0)" }
        for table in tables + tables.prefix(3) { await call(runtime, table: table) }
        XCTAssertEqual(transport.hosts, (tables + tables.prefix(3)).map { "\($0).us-west-2.example.com" })
    }
}
