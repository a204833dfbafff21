import Foundation

/// Whether the caller or the service is at fault for an error.
public enum ErrorFault: String, Sendable, Hashable {
    case client, server
}

/// Facts about the HTTP response an error came in.
public struct ServiceErrorContext: Sendable, Hashable {
    /// The operation that failed, e.g. `DescribeImages`.
    public var operation: String
    /// The HTTP status of the error response.
    public var statusCode: Int
    /// The `x-amzn-RequestId` the service assigned; quote it to AWS support.
    public var requestId: String?
    /// The legacy code of `awsQueryCompatible` services (from `x-amzn-query-error`).
    public var queryErrorCode: String?

    /// Describes the response an error came in.
    public init(operation: String, statusCode: Int, requestId: String?, queryErrorCode: String? = nil) {
        self.operation = operation
        self.statusCode = statusCode
        self.requestId = requestId
        self.queryErrorCode = queryErrorCode
    }
}

/// An error response, parsed enough to pick the service's error type and decode its members.
public struct ServiceErrorPayload: Sendable {
    /// The error code without namespace or suffix, e.g. `RepositoryNotFoundException`.
    public var code: String
    /// The message the service sent, if any.
    public var message: String?
    /// The operation, status and request id of the response.
    public var context: ServiceErrorContext
    /// The body, for decoding the error's own members.
    public var body: Data
    /// The response headers, for error members bound to headers (restJson1, restXml).
    public var headers: HTTPHeaders
    /// Reads the body in the protocol's format.
    let bodyDecoder: any HTTPBodyDecoder

    /// A payload already split into code, message and body (a JSON body unless `bodyDecoder` says otherwise).
    public init(code: String, message: String?, context: ServiceErrorContext, body: Data, headers: HTTPHeaders = [:],
                bodyDecoder: any HTTPBodyDecoder = JSONBodyDecoder()) {
        self.code = code
        self.message = message
        self.context = context
        self.body = body
        self.headers = headers
        self.bodyDecoder = bodyDecoder
    }

    /// Decodes the error's members from the body (and headers); nil when they do not decode (the code still
    /// identifies it). An empty body decodes as a value with no members set. (Generated error types read their
    /// message under either spelling of its key.)
    public func decodeDetails<Details: Decodable>(_ type: Details.Type) -> Details? {
        if let bound = Details.self as? any HTTPBoundOutput.Type {
            let response = HTTPResponse(statusCode: context.statusCode, headers: headers, body: body)
            return (try? bound.init(httpResponse: HTTPResponseBindings(response: response, bodyDecoder: bodyDecoder))) as? Details
        }
        return try? bodyDecoder.decode(Details.self, from: body)
    }
}

/// The error type a generated client throws for error responses of its service.
public protocol ServiceError: Error, Sendable, CustomStringConvertible {
    init(payload: ServiceErrorPayload)
    /// The error code, e.g. `RepositoryNotFoundException`.
    var errorCode: String { get }
    var message: String? { get }
    var context: ServiceErrorContext { get }
    var fault: ErrorFault { get }
    /// Whether the model marks the error retryable.
    var isRetryable: Bool { get }
    /// Whether the model marks the error as throttling.
    var isThrottling: Bool { get }
    /// Whether the model lists the error's code: its `retryable` trait then decides retries, not the SDKs' lists
    /// of throttling and transient codes (a modelled, non-retryable `LimitExceededException` is a quota, final).
    var isModelled: Bool { get }
}

extension ServiceError {
    /// Error types written by hand list no codes.
    public var isModelled: Bool { false }
}
