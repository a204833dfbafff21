import Foundation

/// The transport the runtime sends requests through.
///
/// The default is ``DefaultHTTPClient``; plug in another to use a different HTTP stack or to script
/// responses in tests. Implementations must honour Task cancellation and the given timeout, must not follow
/// redirects (the signed headers and the body would go wherever `Location` points), and should bound the body
/// they read into memory, as ``URLSessionHTTPClient`` and ``CurlHTTPClient`` do.
public protocol HTTPClient: Sendable {
    /// Sends one request and returns the whole response. Throws ``HTTPClientError`` on transport failure.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse

    /// Whether this transport sends a request's ``HTTPRequest/bodyStream`` as it reads it and can return a
    /// response whose body streams. False by default: the runtime then reads a streamed request body into memory
    /// first, and a streamed response is the whole body read by ``send(_:timeout:)``.
    var streamsBodies: Bool { get }

    /// Sends one request and returns as soon as the response headers are in, with the body to come in
    /// ``HTTPResponse/bodyStream``. `timeout` bounds the wait for the headers, then each wait for more of the
    /// body. By default: ``send(_:timeout:)``, the whole body in memory.
    func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

extension HTTPClient {
    public var streamsBodies: Bool { false }

    public func stream(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        try await send(request, timeout: timeout)
    }
}

#if os(Linux)
/// The transport a client uses when none is configured: ``CurlHTTPClient`` on Linux, where FoundationNetworking
/// can stop the process on a connection closed mid-headers; ``URLSessionHTTPClient`` elsewhere.
public typealias DefaultHTTPClient = CurlHTTPClient
#else
/// The transport a client uses when none is configured: ``URLSessionHTTPClient`` here, ``CurlHTTPClient`` on
/// Linux.
public typealias DefaultHTTPClient = URLSessionHTTPClient
#endif

/// Why a request got no HTTP response.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connection failed or was reset before a full response arrived.
    case connectionFailed(String)
    /// No response within the attempt's timeout.
    case timedOut
    /// The task was cancelled.
    case cancelled
    /// The server answered with a redirect, which is never followed: it would carry the signature, the
    /// session token and the body to another host. `location` is the target's scheme, host and port.
    case redirectNotFollowed(statusCode: Int, location: String?)
    /// The response body (after content decoding) was larger than the transport's limit; the transfer was
    /// stopped there.
    case responseTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .connectionFailed(let reason): return "connection failed: \(reason)"
        case .timedOut: return "the request timed out"
        case .cancelled: return "the request was cancelled"
        case .redirectNotFollowed(let statusCode, let location):
            return "the server answered HTTP \(statusCode), a redirect"
                + (location.map { " to \($0)" } ?? "") + ", which is not followed for signed or credential requests"
        case .responseTooLarge(let limit): return "the response body is larger than the limit of \(limit) bytes"
        }
    }
}
