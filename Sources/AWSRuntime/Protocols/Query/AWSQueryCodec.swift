import Foundation

/// The AWS query protocols, awsQuery (STS, SNS, SQS, IAM, …) and ec2Query (EC2): every operation is a
/// `POST /` of a form-encoded body (`Action`, `Version`, then the input's members), answered with XML.
///
/// awsQuery wraps an output in `<OperationResponse><OperationResult>` and an error in
/// `<ErrorResponse><Error>`; ec2Query puts an output directly in `<OperationResponse>` and errors in
/// `<Response><Errors><Error>`.
public struct AWSQueryCodec: ProtocolCodec {
    /// Which of the two query protocols.
    public enum Flavor: Sendable {
        case awsQuery, ec2Query
    }

    public var flavor: Flavor
    /// The model's API version, sent as `Version`.
    public var apiVersion: String

    /// A codec for a service of `flavor` at `apiVersion`.
    public init(flavor: Flavor, apiVersion: String) {
        self.flavor = flavor
        self.apiVersion = apiVersion
    }

    public func encode<Input: OperationInput>(_ input: Input, operation: String, context: RequestEncodingContext) throws
        -> EncodedRequest
    {
        var writer = QueryFormWriter(action: operation, version: apiVersion, isEC2: flavor == .ec2Query,
                                     idempotencyTokenGenerator: context.idempotencyTokenGenerator)
        if let encodable = input as? any QueryEncodable {
            encodable.encodeQuery(to: &writer, prefix: "")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: QueryWriter.contentType)
        return EncodedRequest(method: "POST", path: "/", headers: headers, body: writer.body.encodedBody())
    }

    public func decode<Output: Decodable & Sendable>(_ type: Output.Type, from response: HTTPResponse, operation: String)
        throws -> Output
    {
        guard let decodable = Output.self as? any XMLDecodable.Type else {
            // Operations without output (`EmptyOutput`) ignore the body.
            return try JSONBodyDecoder().decode(Output.self, from: Data())
        }
        // An output whose members are all unset may come as an empty body.
        let isBlank = response.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let root = isBlank ? ParsedXMLElement(name: operation + "Response") : try XMLDocumentReader().read(response.body)
        // awsQuery: <OperationResponse><OperationResult>…; ec2Query: <OperationResponse>….
        let members = flavor == .awsQuery
            ? root.child(named: operation + "Result") ?? ParsedXMLElement(name: operation + "Result") : root
        guard let output = try decodable.init(xml: members) as? Output else {
            throw XMLValueError(name: root.name, expected: "\(Output.self)")
        }
        return output
    }

    public func parseError(_ response: HTTPResponse, operation: String) -> ErrorResponse {
        guard !response.body.isEmpty, let root = try? XMLDocumentReader().read(response.body),
              let error = Self.errorElement(in: root), let code = error.child(named: "Code")?.text
        else {
            return .unexpected(code: nil, excerpt: ClientRuntimeError.excerpt(response.body))
        }
        let requestId = (root.child(named: "RequestId") ?? root.child(named: "RequestID"))?.text ?? requestID(of: response)
        let context = ServiceErrorContext(operation: operation, statusCode: response.statusCode, requestId: requestId)
        return .modelled(ServiceErrorPayload(
            code: code.trimmingCharacters(in: .whitespacesAndNewlines), message: error.child(named: "Message")?.text,
            context: context, body: response.body, headers: response.headers, bodyDecoder: XMLErrorBodyDecoder()))
    }

    public func requestID(of response: HTTPResponse) -> String? {
        response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
    }

    /// `<ErrorResponse><Error>` (awsQuery, restXml), `<Response><Errors><Error>` (ec2Query) or a bare `<Error>`.
    static func errorElement(in root: ParsedXMLElement) -> ParsedXMLElement? {
        if root.name == "Error" { return root }
        return root.child(named: "Error") ?? root.child(named: "Errors")?.child(named: "Error")
    }
}

/// Reads an error's members from the `<Error>` element of an XML error body.
struct XMLErrorBodyDecoder: HTTPBodyDecoder {
    func decode<Value: Decodable>(_ type: Value.Type, from body: Data) throws -> Value {
        guard let decodable = Value.self as? any XMLDecodable.Type else {
            return try JSONBodyDecoder().decode(Value.self, from: Data())
        }
        let root = try XMLDocumentReader().read(body)
        let error = AWSQueryCodec.errorElement(in: root) ?? root
        guard let value = try decodable.init(xml: error) as? Value else {
            throw XMLValueError(name: error.name, expected: "\(Value.self)")
        }
        return value
    }
}
