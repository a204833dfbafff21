import Foundation

/// Failures of a call that are not error responses modelled by the service.
public enum ClientRuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An error response whose body is not the protocol's JSON (an XML 403 from a proxy, an HTML 502 from a
    /// load balancer): the status, a code when one could be found, and the start of the body.
    case unexpectedResponse(operation: String, statusCode: Int, code: String?, requestId: String?, bodyExcerpt: String)
    /// A success response whose body does not decode as the operation's output.
    case invalidResponse(operation: String, reason: String, requestId: String?, bodyExcerpt: String)
    /// The whole operation, retries included, took longer than the configured limit.
    case operationTimedOut(operation: String, limit: Duration)
    /// The endpoint could not be determined.
    case endpointUnavailable(String)
    /// The request body could not be encoded.
    case invalidRequest(operation: String, reason: String)

    public var description: String {
        switch self {
        case let .unexpectedResponse(operation, status, code, requestId, excerpt):
            var text = "\(operation) failed with HTTP \(status)"
            if let code { text += " (\(code))" }
            if let requestId { text += ", request id \(requestId)" }
            return excerpt.isEmpty ? text : text + ": \(excerpt)"
        case let .invalidResponse(operation, reason, requestId, excerpt):
            var text = "\(operation) returned a response that does not decode: \(reason)"
            if let requestId { text += " (request id \(requestId))" }
            return excerpt.isEmpty ? text : text + "; body starts: \(excerpt)"
        case let .operationTimedOut(operation, limit):
            return "\(operation) did not complete within \(limit)"
        case let .endpointUnavailable(reason):
            return "no endpoint: \(reason)"
        case let .invalidRequest(operation, reason):
            return "\(operation) input cannot be encoded: \(reason)"
        }
    }

    /// At most `limit` bytes of a body as text, for error messages.
    static func excerpt(_ body: Data, limit: Int = 512) -> String {
        let prefix = body.prefix(limit)
        var text = String(decoding: prefix, as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if body.count > limit { text += "…" }
        return text
    }
}
