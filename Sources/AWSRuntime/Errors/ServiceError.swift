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
    /// The JSON body, for decoding the error's own members.
    public var body: Data

    /// A payload already split into code, message and body.
    public init(code: String, message: String?, context: ServiceErrorContext, body: Data) {
        self.code = code
        self.message = message
        self.context = context
        self.body = body
    }

    /// Decodes the error's members from the body; nil when they do not decode (the code still identifies it).
    ///
    /// The message is found under `message` or `Message`, whichever the model names it: services and
    /// emulators spell the key either way (Secrets Manager models `Message`, moto sends `message`), and AWS
    /// SDKs accept both.
    public func decodeDetails<Details: Decodable>(_ type: Details.Type) -> Details? {
        try? AWSJSONCoding.makeDecoder().decode(Details.self, from: Self.bodyWithBothMessageKeys(body))
    }

    /// `body` with the message also under the other spelling of its key, when only one is present; every
    /// other byte is left as it came. An empty body is `{}`.
    static func bodyWithBothMessageKeys(_ body: Data) -> Data {
        let isBlank = body.isBlankJSONBody
        if isBlank { return Data("{}".utf8) }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return body }
        let missingKey: String
        let message: Any
        switch (object["message"], object["Message"]) {
        case (let lower?, nil): (missingKey, message) = ("Message", lower)
        case (nil, let upper?): (missingKey, message) = ("message", upper)
        default: return body
        }
        guard let value = try? JSONSerialization.data(withJSONObject: message, options: .fragmentsAllowed),
              let brace = body.firstIndex(of: UInt8(ascii: "{"))
        else { return body }
        // The object holds at least the message, so the added member is followed by a comma.
        var result = Data(body[...brace])
        result.append(contentsOf: Array("\"\(missingKey)\":".utf8))
        result.append(value)
        result.append(UInt8(ascii: ","))
        result.append(body[body.index(after: brace)...])
        return result
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
}
