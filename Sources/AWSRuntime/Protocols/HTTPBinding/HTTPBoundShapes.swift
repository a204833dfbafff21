import Foundation

/// An operation input whose members are bound to the URI, query string, headers or payload (restJson1,
/// restXml). Generated for every input with such members; the rest of its members form the body.
public protocol HTTPBoundInput: OperationInput {
    /// Whether the input has members that go in the body (a structure body, sent even when they are all unset).
    static var hasBodyMembers: Bool { get }

    /// Writes the bound members into `request`: URI labels, query parameters, headers and the payload.
    func bind(to request: inout HTTPRequestBindings) throws
}

/// An operation output (or error) with members bound to the response's headers, status code or payload.
public protocol HTTPBoundOutput: Decodable, Sendable {
    /// Reads the bound members from `response`, and the body members through its body decoder.
    init(httpResponse response: HTTPResponseBindings) throws
}

/// An output whose payload is a streaming blob: the call returns once the response headers are in, and the
/// payload member streams the body (``ByteStream``).
public protocol HTTPStreamingOutput: HTTPBoundOutput {}

extension EmptyInput: HTTPBoundInput {
    /// An operation without input sends no body.
    public static var hasBodyMembers: Bool { false }
    public func bind(to request: inout HTTPRequestBindings) throws {}
}
