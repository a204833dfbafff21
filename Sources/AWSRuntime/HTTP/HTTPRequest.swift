import Foundation

/// An HTTP request as the runtime builds, signs and sends it.
public struct HTTPRequest: Sendable, Equatable {
    /// The HTTP method, e.g. `POST`.
    public var method: String
    /// The full URL, query included.
    public var url: URL
    /// The header fields, in the order they are sent.
    public var headers: HTTPHeaders
    /// The body bytes; empty for none.
    public var body: Data

    /// A request; headers and body default to empty.
    public init(method: String, url: URL, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response with its whole body read.
public struct HTTPResponse: Sendable, Equatable {
    /// The HTTP status, e.g. 200.
    public var statusCode: Int
    /// The header fields as received.
    public var headers: HTTPHeaders
    /// The whole body.
    public var body: Data

    /// A response; headers and body default to empty.
    public init(statusCode: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
