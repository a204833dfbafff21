import Foundation

/// The Smithy RPC v2 CBOR protocol: every operation is a `POST /service/{Service}/operation/{Operation}` with a
/// CBOR body and the `smithy-protocol: rpc-v2-cbor` header; outputs are CBOR; errors name their shape in
/// `__type`.
public struct RPCv2CBORCodec: ProtocolCodec {
    /// The service shape's name.
    public var serviceName: String

    /// A codec for the service named `serviceName`.
    public init(serviceName: String) {
        self.serviceName = serviceName
    }

    public func encode<Input: OperationInput>(_ input: Input, operation: String, context: RequestEncodingContext) throws
        -> EncodedRequest
    {
        var headers = HTTPHeaders()
        headers.add(name: "smithy-protocol", value: "rpc-v2-cbor")
        headers.add(name: "Accept", value: "application/cbor")
        var request = EncodedRequest(method: "POST", path: "/service/\(serviceName)/operation/\(operation)", headers: headers)
        // An operation without input sends no body at all.
        guard !(input is EmptyInput) else { return request }
        var encoder = CBOREncoder()
        if let key = IdempotencyToken.userInfoKey {
            encoder.userInfo[key] = IdempotencyToken.Generator(next: context.idempotencyTokenGenerator)
        }
        request.body = try encoder.encode(input)
        request.headers.add(name: "Content-Type", value: "application/cbor")
        return request
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        try CBORDecoder().decode(Output.self, from: response.body)
    }

    public func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse {
        let context = ServiceErrorContext(operation: operation, statusCode: response.statusCode, requestId: requestID(of: response))
        guard let body = try? CBORReader().read(response.body), let type = body["__type"]?.textValue else {
            return .unexpected(code: nil, excerpt: "(\(response.body.count) bytes that are not a CBOR error)")
        }
        let message = body["message"]?.textValue ?? body["Message"]?.textValue
        return .modelled(ServiceErrorPayload(
            code: AWSJSONErrorParser.sanitize(type), message: message, context: context, body: response.body,
            headers: response.headers, bodyDecoder: CBORBodyDecoder()))
    }

    public func requestID(of response: HTTPResponse) -> String? {
        response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
    }
}

/// CBOR bodies, for error members.
struct CBORBodyDecoder: HTTPBodyDecoder {
    func decode<Value: Decodable>(_ type: Value.Type, from body: Data) throws -> Value {
        try CBORDecoder().decode(type, from: body)
    }
}
