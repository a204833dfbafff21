import Foundation

/// Reads an awsJson error response: the code, the message and the request id.
enum AWSJSONErrorParser {

    /// `isQueryCompatible`: the service is `awsQueryCompatible`, so its `x-amzn-query-error` header
    /// (`Code;Fault`) carries the error's legacy code.
    static func parse(_ response: HTTPResponse, operation: String, isQueryCompatible: Bool) -> ErrorResponse {
        let requestId = requestID(of: response)
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        let headerCode = response.headers["X-Amzn-ErrorType"]
        let bodyCode = (object?["__type"] as? String) ?? (object?["code"] as? String) ?? (object?["Code"] as? String)
        let emptyBody = response.body.isBlankJSONBody
        guard let rawCode = headerCode ?? bodyCode, object != nil || emptyBody else {
            return .unexpected(code: headerCode.map(sanitize) ?? xmlCode(in: response.body),
                               excerpt: ClientRuntimeError.excerpt(response.body))
        }
        let message = (object?["message"] as? String) ?? (object?["Message"] as? String)
            ?? (object?["errorMessage"] as? String)
        let queryCode = isQueryCompatible
            ? response.headers["x-amzn-query-error"].flatMap { $0.split(separator: ";").first.map(String.init) } : nil
        let context = ServiceErrorContext(
            operation: operation, statusCode: response.statusCode, requestId: requestId, queryErrorCode: queryCode)
        return .modelled(ServiceErrorPayload(
            code: sanitize(rawCode), message: message, context: context, body: response.body, headers: response.headers))
    }

    /// `aws.protocoltests.restjson#FooError:http://internal.amazon.com/` → `FooError`.
    static func sanitize(_ code: String) -> String {
        var result = Substring(code)
        if let colon = result.firstIndex(of: ":") { result = result[..<colon] }
        if let hash = result.lastIndex(of: "#") { result = result[result.index(after: hash)...] }
        return result.trimmingCharacters(in: .whitespaces)
    }

    static func requestID(of response: HTTPResponse) -> String? {
        response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
    }

    /// `<Code>SignatureDoesNotMatch</Code>` in an XML error page.
    private static func xmlCode(in body: Data) -> String? {
        let text = String(decoding: body.prefix(4096), as: UTF8.self)
        guard let start = text.range(of: "<Code>"), let end = text.range(of: "</Code>", range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}
