import Foundation

/// An HTTP request as the runtime builds, signs and sends it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data

    public init(method: String, url: URL, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response with its whole body read.
public struct HTTPResponse: Sendable, Equatable {
    public var statusCode: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(statusCode: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}
