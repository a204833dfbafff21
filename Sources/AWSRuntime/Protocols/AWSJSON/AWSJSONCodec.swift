import Foundation

/// The AWS JSON protocols, 1.0 and 1.1: every operation is a `POST /` whose `X-Amz-Target` header names it, with
/// the input as a JSON body; outputs are JSON bodies; errors carry their code in `X-Amzn-ErrorType` or `__type`.
public struct AWSJSONCodec: ProtocolCodec {
    /// `1.0` or `1.1`.
    public var version: String
    /// The `X-Amz-Target` prefix: the service shape's name.
    public var targetPrefix: String
    /// The service is `awsQueryCompatible`: it is asked for, and may send, legacy awsQuery error codes.
    public var isQueryCompatible: Bool

    /// A codec for one service.
    public init(version: String, targetPrefix: String, isQueryCompatible: Bool) {
        self.version = version
        self.targetPrefix = targetPrefix
        self.isQueryCompatible = isQueryCompatible
    }

    public func encode<Input: OperationInput>(_ input: Input, operation: String, context: RequestEncodingContext) throws
        -> EncodedRequest
    {
        var encoder = JSONStreamEncoder()
        IdempotencyToken.configure(&encoder, generator: context.idempotencyTokenGenerator)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-amz-json-\(version)")
        headers.add(name: "X-Amz-Target", value: "\(targetPrefix).\(operation)")
        if isQueryCompatible {
            // Asks the service to report errors with their awsQuery codes in `x-amzn-query-error`.
            headers.add(name: "x-amzn-query-mode", value: "true")
        }
        return EncodedRequest(method: "POST", path: "/", headers: headers, body: try encoder.encode(input))
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        let body = response.body.isBlankJSONBody ? Data("{}".utf8) : response.body
        return try JSONTapeDecoder().decode(Output.self, from: body)
    }

    public func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse {
        AWSJSONErrorParser.parse(response, operation: operation, isQueryCompatible: isQueryCompatible)
    }

    public func requestID(of response: HTTPResponse) -> String? {
        AWSJSONErrorParser.requestID(of: response)
    }
}
