import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import AWSRuntime

/// A minimal `HTTPClient` over URLSession for the loopback tests, kept in the test target so the tests do
/// not depend on the runtime's production transport.
struct TestURLSessionHTTPClient: HTTPClient {
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = urlRequest.timeoutInterval
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError where error.code == .timedOut {
            throw HTTPClientError.timedOut
        } catch {
            throw HTTPClientError.connectionFailed(error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else {
            throw HTTPClientError.connectionFailed("not an HTTP response")
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: "\(name)", value: "\(value)")
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }
}
