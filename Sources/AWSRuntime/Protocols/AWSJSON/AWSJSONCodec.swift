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
    /// What the service needs beyond the protocol, if anything.
    public var customization: ServiceCustomization?

    /// A codec for one service.
    public init(version: String, targetPrefix: String, isQueryCompatible: Bool, customization: ServiceCustomization? = nil) {
        self.version = version
        self.targetPrefix = targetPrefix
        self.isQueryCompatible = isQueryCompatible
        self.customization = customization
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
        var request = EncodedRequest(method: "POST", path: "/", headers: headers, body: try encoder.encode(input))
        if case .machineLearning = customization, operation == "Predict" {
            request.endpoint = try Self.predictEndpoint(in: request.body, operation: operation)
        }
        return request
    }

    /// The `PredictEndpoint` member of an encoded Predict input, checked to be an HTTP(S) URL with a host.
    private static func predictEndpoint(in body: Data, operation: String) throws -> URL? {
        struct PredictInput: Decodable {
            let PredictEndpoint: String?
        }
        guard let text = try JSONTapeDecoder().decode(PredictInput.self, from: body).PredictEndpoint else { return nil }
        guard let url = URL(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host, !host.isEmpty else {
            throw ClientRuntimeError.invalidRequest(operation: operation, reason: "PredictEndpoint is not an HTTP(S) URL with a host")
        }
        return url
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        let body = response.body.isBlankJSONBody ? Data("{}".utf8) : response.body
        let output = try JSONTapeDecoder().decode(Output.self, from: body)
        guard var streaming = output as? any EventStreamOutput else { return output }
        // The members decoded from the initial response; the event stream member reads the messages after it.
        streaming.readEvents(from: HTTPResponseBindings(
            response: response, bodyDecoder: JSONBodyDecoder(), operation: operation, requestID: requestID(of: response)))
        // `streaming` was made from an `Output`, so it always is one.
        return streaming as? Output ?? output
    }

    public func prepareStreamedResponse(_ response: HTTPResponse, operation: String) async throws -> HTTPResponse {
        try await InitialResponseSplitter.split(response, operation: operation, requestID: requestID(of: response))
    }

    public func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse {
        AWSJSONErrorParser.parse(response, operation: operation, isQueryCompatible: isQueryCompatible)
    }

    public func requestID(of response: HTTPResponse) -> String? {
        AWSJSONErrorParser.requestID(of: response)
    }
}
