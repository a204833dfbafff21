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
        guard let route = context.route else {
            throw HTTPBindingError.invalidLabel(operation: operation, label: "-", reason: "has no `http` route")
        }
        var bindings = HTTPRequestBindings(operation: operation, idempotencyTokenGenerator: context.idempotencyTokenGenerator)
        var hasBodyMembers = true
        if let bound = input as? any HTTPBoundInput {
            try bound.bind(to: &bindings)
            hasBodyMembers = type(of: bound).hasBodyMembers
        }
        var labels = bindings.labels
        customization?.adjust(labels: &labels)
        let (path, literalQuery) = try URITemplate.expand(route.uri, labels: labels, operation: operation)
        var request = EncodedRequest(method: route.method, path: path, query: literalQuery, headers: bindings.headers)
        for field in bindings.prefixHeaders where !bindings.headers.contains(field.name) {
            request.headers.add(name: field.name, value: field.value)
        }
        request.query += bindings.query.map { ($0.name, $0.value) }
        // A parameter named by its own member wins over the same name in an `httpQueryParams` map.
        let named = Set(request.query.map(\.name))
        request.query += bindings.queryParams.filter { !named.contains($0.name) }.map { ($0.name, $0.value) }

        let encoder = AWSJSONCoding.makeEncoder()
        IdempotencyToken.configure(encoder, generator: context.idempotencyTokenGenerator)
        let contentType: String?
        switch bindings.payload {
        case .bytes(let data, let type)?:
            request.body = data
            contentType = type
        case .shape(let value)?:
            request.body = try encoder.encode(value)
            contentType = "application/json"
        case .emptyStructure?:
            request.body = Data("{}".utf8)
            contentType = "application/json"
        case nil where hasBodyMembers:
            request.body = try encoder.encode(input)
            contentType = "application/json"
        case nil:
            contentType = nil
        }
        // A member bound to `Content-Type` states it; otherwise the body's own type.
        if let contentType, !request.headers.contains("Content-Type") {
            request.headers.add(name: "Content-Type", value: contentType)
        }
        customization?.adjust(&request, operation: operation)
        return request
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        if let bound = Output.self as? any HTTPBoundOutput.Type {
            let value = try bound.init(httpResponse: HTTPResponseBindings(response: response, bodyDecoder: JSONBodyDecoder()))
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
        try AWSJSONCoding.makeDecoder().decode(Value.self, from: body.isBlankJSONBody ? Data("{}".utf8) : body)
    }
}
