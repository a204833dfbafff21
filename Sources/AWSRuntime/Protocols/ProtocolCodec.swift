import Foundation

/// One wire protocol: how an operation's input becomes an HTTP request, and how a response becomes the
/// output or the error it reports.
///
/// The attempt loop (`OperationCall`: sign, send, retry, timeouts) knows nothing of any protocol; it asks the
/// service's codec. Adding a protocol means adding a folder here with one conforming type, and a case to
/// ``ServiceMetadata/WireProtocol`` that returns it.
public protocol ProtocolCodec: Sendable {
    /// The request for `input` of `operation`: method, path under the endpoint, query, headers and body.
    /// (Endpoint, host prefix, user agent, hooks, `Content-Length` and the signature are the loop's part.)
    func encode<Input: OperationInput>(_ input: Input, operation: String, context: RequestEncodingContext) throws
        -> EncodedRequest

    /// The output a success response carries.
    func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output

    /// What an error response (any status outside 2xx) reports.
    func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse

    /// The request id the service put on a response, for error reports.
    func requestID(of response: HTTPResponse) -> String?

    /// A streamed success response made ready to decode, before ``decode(_:from:operation:)``: awsJson reads an
    /// event stream's initial response here. Other protocols return it as it is.
    func prepareStreamedResponse(_ response: HTTPResponse, operation: String) async throws -> HTTPResponse
}

extension ProtocolCodec {
    public func prepareStreamedResponse(_ response: HTTPResponse, operation: String) async throws -> HTTPResponse {
        response
    }
}

/// What a codec needs from the client to encode a request.
public struct RequestEncodingContext: Sendable {
    /// Fills members with the `idempotencyToken` trait the caller left unset.
    public var idempotencyTokenGenerator: @Sendable () -> String
    /// The operation's `http` trait, for protocols that bind inputs to HTTP (restJson1, restXml).
    public var route: HTTPRoute?

    /// A context for one call.
    public init(idempotencyTokenGenerator: @escaping @Sendable () -> String, route: HTTPRoute? = nil) {
        self.idempotencyTokenGenerator = idempotencyTokenGenerator
        self.route = route
    }
}

/// An operation's request before it is bound to an endpoint and signed.
public struct EncodedRequest: Sendable {
    /// The HTTP method.
    public var method: String
    /// The path under the endpoint's own path, starting with `/`, percent-encoded.
    public var path: String
    /// Query parameters in order, not yet percent-encoded; a nil value is a parameter without `=` (`?tagging`).
    public var query: [(name: String, value: String?)]
    /// The protocol's headers (content type, operation target, bound members).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: Data
    /// A streaming blob payload sent as it is read (from a file or a sequence of chunks), instead of `body`.
    public var bodyStream: ByteStream?
    /// An input event stream, sent as signed messages instead of `body` (restJson1's Transcribe, Bedrock).
    public var eventStream: EventStreamRequestBody?
    /// An endpoint the input names for this call (Machine Learning's `PredictEndpoint`), used instead of the one
    /// the rules resolve.
    public var endpoint: URL?

    /// A request with every part given.
    public init(method: String, path: String, query: [(name: String, value: String?)] = [], headers: HTTPHeaders = HTTPHeaders(),
                body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// What an error response reports, as a codec reads it.
public enum ErrorResponse: Sendable {
    /// An error in the protocol's own format: decodable into the service's error type.
    case modelled(ServiceErrorPayload)
    /// Not the protocol's format (an HTML page from a proxy, garbage), with the code if one could be seen.
    case unexpected(code: String?, excerpt: String)
}
