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
    /// A body sent as it is read instead of `body` (a streaming blob from a file or a sequence of chunks), for
    /// transports whose ``HTTPClient/streamsBodies`` is true; the runtime reads it into `body` for the others.
    public var bodyStream: ByteStream?

    /// A request; headers and body default to empty.
    public init(method: String, url: URL, headers: HTTPHeaders = [:], body: Data = Data(), bodyStream: ByteStream? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.bodyStream = bodyStream
    }
}

/// An HTTP response: its whole body read, or its body streamed.
public struct HTTPResponse: Sendable, Equatable {
    /// The HTTP status, e.g. 200.
    public var statusCode: Int
    /// The header fields as received.
    public var headers: HTTPHeaders
    /// The whole body (empty when the body is streamed in `bodyStream`).
    public var body: Data
    /// The body as it arrives, when the response was asked for with ``HTTPClient/stream(_:timeout:)`` by a
    /// transport that streams; nil when the whole body is in `body`.
    public var bodyStream: ByteStream?

    /// A response; headers and body default to empty.
    public init(statusCode: Int, headers: HTTPHeaders = [:], body: Data = Data(), bodyStream: ByteStream? = nil) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.bodyStream = bodyStream
    }
}
