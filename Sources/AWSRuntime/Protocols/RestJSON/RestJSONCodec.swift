import Foundation

/// The AWS restJson1 protocol: each operation has its own method and URI (`http` trait); members bound to
/// labels, query parameters and headers go there, a payload member is the whole body, and the other members
/// form a JSON object body. Errors carry their code in `X-Amzn-ErrorType`, `code` or `__type`.
public struct RestJSONCodec: ProtocolCodec {
    /// What the service needs beyond the protocol, if anything.
    public var customization: ServiceCustomization?

    /// A codec for a service with `customization`.
    public init(customization: ServiceCustomization? = nil) {
        self.customization = customization
    }

    public func encode<Input: OperationInput>(_ input: Input, operation: String, context: RequestEncodingContext) throws
        -> EncodedRequest
    {
        var bound = try HTTPBoundRequest(input: input, operation: operation, context: context, customization: customization)
        var encoder = JSONStreamEncoder()
        IdempotencyToken.configure(&encoder, generator: context.idempotencyTokenGenerator)
        switch bound.payload {
        case .bytes(let data, let type)?:
            bound.setBody(data, contentType: type)
        case .stream(let stream, let type)?:
            if case .glacier = customization {
                // Glacier's tree hash is over the whole archive, computed as the request is encoded.
                throw ClientRuntimeError.invalidRequest(
                    operation: operation, reason: "Glacier hashes the whole archive before sending it: pass it as ByteStream(data)")
            }
            bound.setBodyStream(stream, contentType: type)
        case .events(let makeBody)?:
            let documentEncoder = encoder
            bound.setEventStream(makeBody { try documentEncoder.encode($0) })
        case .shape(let value, _)?:
            bound.setBody(try encoder.encode(value), contentType: "application/json")
        case .emptyStructure?:
            bound.setBody(Data("{}".utf8), contentType: "application/json")
        case nil where bound.hasBodyMembers:
            bound.setBody(try encoder.encode(input), contentType: "application/json")
        case nil:
            break
        }
        customization?.adjust(&bound.request, operation: operation)
        return bound.request
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        if let bound = Output.self as? any HTTPBoundOutput.Type {
            let value = try bound.init(httpResponse: HTTPResponseBindings(
                response: response, bodyDecoder: JSONBodyDecoder(), operation: operation, requestID: requestID(of: response)))
            // `bound` is `Output.self`, so the value always is an `Output`.
            guard let output = value as? Output else { throw DecodingError.typeMismatch(Output.self, .init(codingPath: [], debugDescription: "")) }
            return output
        }
        return try JSONBodyDecoder().decode(Output.self, from: response.body)
    }

    public func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse {
        AWSJSONErrorParser.parse(response, operation: operation, isQueryCompatible: false)
    }

    public func requestID(of response: HTTPResponse) -> String? {
        AWSJSONErrorParser.requestID(of: response)
    }
}

/// JSON bodies of the JSON protocols: an empty body reads as `{}`.
public struct JSONBodyDecoder: HTTPBodyDecoder {
    /// The decoder of every JSON protocol.
    public init() {}

    public func decode<Value: Decodable>(_ type: Value.Type, from body: Data) throws -> Value {
        try JSONTapeDecoder().decode(Value.self, from: body.isBlankJSONBody ? Data("{}".utf8) : body)
    }
}
