import Foundation

/// The AWS restXml protocol (S3, CloudFront, Route 53): HTTP bindings as in restJson1, with XML bodies: the
/// input's body members inside a root element named after the input shape (or its `xmlName`), a payload
/// structure as the root element itself. Errors are `<ErrorResponse><Error>` or a bare `<Error>` (S3).
public struct RestXMLCodec: ProtocolCodec {
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
        switch bound.payload {
        case .bytes(let data, let type)?:
            bound.setBody(data, contentType: type)
        case .stream(let stream, let type)?:
            bound.setBodyStream(stream, contentType: type)
        case .events?:
            // No restXml service takes an input event stream (S3's SelectObjectContent only returns one).
            throw ClientRuntimeError.invalidRequest(
                operation: operation, reason: "restXml input event streams are not supported")
        case .shape(let value, let rootName)?:
            if let encodable = value as? any XMLEncodable {
                bound.setBody(Self.document(encodable, rootName: rootName), contentType: "application/xml")
            }
        case .emptyStructure?:
            break
        case nil where bound.hasBodyMembers:
            if let encodable = input as? any XMLEncodable {
                bound.setBody(Self.document(encodable, rootName: nil), contentType: "application/xml")
            }
        case nil:
            break
        }
        customization?.adjust(&bound.request, operation: operation)
        return bound.request
    }

    private static func document(_ value: some XMLEncodable, rootName: String?) -> Data {
        var writer = XMLBodyWriter()
        writer.root(value, name: rootName)
        return writer.writer.data
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        let bodyDecoder = XMLBodyDecoder(customization: customization, operation: operation)
        if let bound = Output.self as? any HTTPBoundOutput.Type {
            let value = try bound.init(httpResponse: HTTPResponseBindings(
                response: response, bodyDecoder: bodyDecoder, operation: operation, requestID: requestID(of: response)))
            guard let output = value as? Output else { throw XMLValueError(name: "response", expected: "\(Output.self)") }
            return output
        }
        return try bodyDecoder.decode(Output.self, from: response.body)
    }

    public func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse {
        let requestId = requestID(of: response)
        let context = ServiceErrorContext(operation: operation, statusCode: response.statusCode, requestId: requestId)
        if response.body.isEmpty {
            // HEAD requests (S3's HeadObject, HeadBucket) carry no body: the status is all there is.
            guard let code = Self.codeForBodilessStatus[response.statusCode] else {
                return .unexpected(code: nil, excerpt: "(an empty body with HTTP \(response.statusCode))")
            }
            return .modelled(ServiceErrorPayload(code: code, message: nil, context: context, body: Data(),
                                                 headers: response.headers, bodyDecoder: XMLErrorBodyDecoder()))
        }
        guard let root = try? XMLDocumentReader().read(response.body), let error = AWSQueryCodec.errorElement(in: root),
              let code = error.child(named: "Code")?.text
        else {
            return .unexpected(code: nil, excerpt: ClientRuntimeError.excerpt(response.body))
        }
        let bodyRequestId = (error.child(named: "RequestId") ?? root.child(named: "RequestId"))?.text
        return .modelled(ServiceErrorPayload(
            code: code.trimmingCharacters(in: .whitespacesAndNewlines), message: error.child(named: "Message")?.text,
            context: ServiceErrorContext(operation: operation, statusCode: response.statusCode, requestId: bodyRequestId ?? requestId),
            body: response.body, headers: response.headers, bodyDecoder: XMLErrorBodyDecoder()))
    }

    /// The codes the AWS SDKs give a bodiless error response.
    private static let codeForBodilessStatus = [301: "PermanentRedirect", 304: "NotModified", 400: "BadRequest",
                                                403: "Forbidden", 404: "NotFound", 412: "PreconditionFailed"]

    public func requestID(of response: HTTPResponse) -> String? {
        response.headers["x-amz-request-id"] ?? response.headers["x-amzn-RequestId"]
    }
}

/// Reads an XML body's root element into an `XMLDecodable` value; an empty body as an element with no members.
struct XMLBodyDecoder: HTTPBodyDecoder {
    var customization: ServiceCustomization?
    var operation = ""

    func decode<Value: Decodable>(_ type: Value.Type, from body: Data) throws -> Value {
        guard let decodable = Value.self as? any XMLDecodable.Type else {
            return try JSONBodyDecoder().decode(Value.self, from: Data())
        }
        let isBlank = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        var root = isBlank ? ParsedXMLElement(name: "") : try XMLDocumentReader().read(body)
        if let customization { root = customization.adjust(responseRoot: root, operation: operation) }
        guard let value = try decodable.init(xml: root) as? Value else {
            throw XMLValueError(name: root.name, expected: "\(Value.self)")
        }
        return value
    }
}
