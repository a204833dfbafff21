import AWSRuntime
import Foundation

/// The request/response pairs of a cross-SDK `http-traffic.json` recording, in the order they happened.
struct RecordedTraffic {
    struct Exchange {
        var method: String
        var uri: String
        var headers: [String: [String]]
        var body: String
        var status: Int
        var responseHeaders: [String: [String]]
        var responseBody: String
    }

    var exchanges: [Exchange]

    /// Reads the events of `url`, pairing each connection's request, request data, response and response data.
    init(contentsOf url: URL) throws {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        var byConnection: [Int: Exchange] = [:]
        var order: [Int] = []
        for event in document["events"] as? [[String: Any]] ?? [] {
            let connection = event["connection_id"] as? Int ?? 0
            let action = event["action"] as? [String: Any] ?? [:]
            if let request = (action["Request"] as? [String: Any])?["request"] as? [String: Any] {
                order.append(connection)
                byConnection[connection] = Exchange(
                    method: request["method"] as? String ?? "GET", uri: request["uri"] as? String ?? "",
                    headers: Self.lowercased(request["headers"]), body: "", status: 0, responseHeaders: [:], responseBody: "")
            } else if let response = (action["Response"] as? [String: Any])?["response"] as? [String: Any],
                      let ok = response["Ok"] as? [String: Any] {
                byConnection[connection]?.status = ok["status"] as? Int ?? 0
                byConnection[connection]?.responseHeaders = Self.lowercased(ok["headers"])
            } else if let data = action["Data"] as? [String: Any] {
                let text = (data["data"] as? [String: Any])?["Utf8"] as? String ?? ""
                if data["direction"] as? String == "Request" {
                    byConnection[connection]?.body += text
                } else {
                    byConnection[connection]?.responseBody += text
                }
            }
        }
        exchanges = order.compactMap { byConnection[$0] }
    }

    private static func lowercased(_ headers: Any?) -> [String: [String]] {
        (headers as? [String: [String]] ?? [:]).reduce(into: [:]) { $0[$1.key.lowercased(), default: []] += $1.value }
    }
}

/// Serves a recording's responses in order and checks that each request matches the recorded one.
///
/// Matching: the method; scheme, host, port and path; the query parameters as a set (SDKs order them
/// differently); form bodies parameter by parameter and JSON bodies as values; the headers that carry
/// identity (`x-amz-sso_bearer_token`, the metadata token headers, a container `Authorization` token) when
/// the recording kept headers; and for SigV4 a signature for the recorded signing service. Recorded
/// signatures cannot be reproduced (they sign the recording SDK's own headers, the suites reuse one value
/// everywhere, and keys and regions were edited after recording), so they are not compared. A `RoleSessionName` the configuration does not set is generated (ours is
/// time-based, as the recording's was), so it is checked for our prefix instead of the recorded value.
/// Once the recording is used up, a retry of its last request gets its last response again (a server that
/// keeps failing).
final class ReplayHTTPClient: HTTPClient, @unchecked Sendable {
    private let lock = NSLock()
    private let traffic: RecordedTraffic
    private let sessionNameIsConfigured: Bool
    private var next = 0
    private(set) var mismatches: [String] = []
    private(set) var repeats = 0
    /// Requests whose recording kept no headers, so only method, URL and body were compared.
    private(set) var headerlessRequests = 0

    /// What the case's files say the web identity token and the container authorization token are. The
    /// recordings carry other tokens than their cases' files (and drop the container `Authorization` header),
    /// so ours are compared with the files.
    private let webIdentityToken: String?
    private let containerAuthorization: String?

    /// Set for recordings whose form values were edited after recording (a role ARN of another account than
    /// the case configures): their forms are compared by Action, Version and parameter names only.
    private let formValuesEdited: Bool

    init(_ traffic: RecordedTraffic, sessionNameIsConfigured: Bool, webIdentityToken: String? = nil,
         containerAuthorization: String? = nil, formValuesEdited: Bool = false) {
        self.traffic = traffic
        self.formValuesEdited = formValuesEdited
        self.sessionNameIsConfigured = sessionNameIsConfigured
        self.webIdentityToken = webIdentityToken
        self.containerAuthorization = containerAuthorization
    }

    var unusedExchanges: Int { lock.withLock { traffic.exchanges.count - next } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try lock.withLock {
            let index: Int
            if next < traffic.exchanges.count {
                index = next
                next += 1
            } else if let last = traffic.exchanges.last, problems(request, last).isEmpty {
                repeats += 1
                index = traffic.exchanges.count - 1
            } else {
                mismatches.append("unexpected request \(request.method) \(request.url.absoluteString) after the recording ended")
                throw HTTPClientError.connectionFailed("the recording has no more responses")
            }
            let exchange = traffic.exchanges[index]
            mismatches += problems(request, exchange).map { "request \(index + 1): \($0)" }
            var headers = HTTPHeaders()
            for (name, values) in exchange.responseHeaders.sorted(by: { $0.key < $1.key }) {
                for value in values { headers.add(name: name, value: value) }
            }
            return HTTPResponse(statusCode: exchange.status, headers: headers, body: Data(exchange.responseBody.utf8))
        }
    }

    private func problems(_ request: HTTPRequest, _ recorded: RecordedTraffic.Exchange) -> [String] {
        var problems: [String] = []
        if request.method != recorded.method { problems.append("method \(request.method), recorded \(recorded.method)") }
        let ours = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let theirs = URLComponents(string: recorded.uri)
        func place(_ components: URLComponents?) -> String {
            let path = components?.percentEncodedPath ?? ""
            return "\(components?.scheme ?? "")://\(components?.host ?? "")\(components?.port.map { ":\($0)" } ?? "")\(path.isEmpty ? "/" : path)"
        }
        if place(ours) != place(theirs) { problems.append("URL \(place(ours)), recorded \(place(theirs))") }
        let ourQuery = (ours?.queryItems ?? []).map { "\($0.name)=\($0.value ?? "")" }.sorted()
        let theirQuery = (theirs?.queryItems ?? []).map { "\($0.name)=\($0.value ?? "")" }.sorted()
        if ourQuery != theirQuery { problems.append("query \(ourQuery), recorded \(theirQuery)") }
        problems += bodyProblems(request, recorded)
        // Some recordings kept no request headers at all; there is nothing to compare them with.
        guard !recorded.headers.isEmpty else {
            headerlessRequests += 1
            return problems
        }
        for name in ["x-amz-sso_bearer_token", "x-aws-ec2-metadata-token", "x-aws-ec2-metadata-token-ttl-seconds"] {
            let value = request.headers[name]
            if value != recorded.headers[name]?.first {
                problems.append("header \(name) \(value == nil ? "missing" : "differs") (recorded \(recorded.headers[name]?.first == nil ? "absent" : "present"))")
            }
        }
        let recordedAuthorization = recorded.headers["authorization"]?.first
        let authorization = request.headers["Authorization"]
        switch (recordedAuthorization, authorization) {
        case (nil, nil): break
        case (let theirs?, let ours?) where theirs.hasPrefix("AWS4-HMAC-SHA256"):
            // The recordings' keys and scope regions were edited after recording (one signs with a key its own
            // container response never gave), so the signing service is what can be compared.
            let service = theirs.components(separatedBy: "/").dropLast().last ?? "?"
            if !ours.hasPrefix("AWS4-HMAC-SHA256 Credential=") || !ours.contains("/\(service)/aws4_request") {
                problems.append("not a SigV4 signature for \(service)")
            }
        case (let theirs?, let ours?):
            if theirs != ours { problems.append("Authorization token differs") }
        case (nil, let ours?) where containerAuthorization != nil:
            if ours != containerAuthorization { problems.append("Authorization is not the configured container token") }
        case (nil, _?): problems.append("signed, but the recording is unsigned")
        case (_?, nil): problems.append("unsigned, but the recording is signed")
        }
        return problems
    }

    private func bodyProblems(_ request: HTTPRequest, _ recorded: RecordedTraffic.Exchange) -> [String] {
        let body = String(decoding: request.body, as: UTF8.self)
        if recorded.body.contains("Action=") {
            var ours = Self.form(body)
            var theirs = Self.form(recorded.body)
            if let token = webIdentityToken, theirs["WebIdentityToken"] != nil {
                if ours.removeValue(forKey: "WebIdentityToken") != token { return ["WebIdentityToken is not the token file's content"] }
                theirs.removeValue(forKey: "WebIdentityToken")
            }
            if !sessionNameIsConfigured {
                let name = ours.removeValue(forKey: "RoleSessionName") ?? ""
                theirs.removeValue(forKey: "RoleSessionName")
                if !name.hasPrefix("aws-swift-") { return ["generated RoleSessionName '\(name)' lacks our prefix"] }
            }
            if formValuesEdited {
                let same = ours.keys.sorted() == theirs.keys.sorted() && ours["Action"] == theirs["Action"]
                    && ours["Version"] == theirs["Version"]
                return same ? [] : ["form \(ours.keys.sorted()) differs from the recording's \(theirs.keys.sorted())"]
            }
            let differing = Set(ours.keys).union(theirs.keys).filter { ours[$0] != theirs[$0] }.sorted()
            return differing.isEmpty ? [] : ["form parameters \(differing) differ from the recording"]
        }
        if recorded.body.isEmpty || body.isEmpty { return recorded.body.isEmpty == body.isEmpty ? [] : ["body \(body.count) bytes, recorded \(recorded.body.count)"] }
        let ours = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSDictionary
        let theirs = try? JSONSerialization.jsonObject(with: Data(recorded.body.utf8)) as? NSDictionary
        return ours == theirs ? [] : ["body differs from the recording"]
    }

    /// Form parameters, percent-decoded (`+` is a space).
    static func form(_ text: String) -> [String: String] {
        text.split(separator: "&").reduce(into: [:]) { result, pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
    }
}
