import Foundation

/// Where an operation of an HTTP-binding protocol (restJson1, restXml) goes: the method and URI pattern of its
/// `http` trait, e.g. `GET /{Bucket}/{Key+}?x-id=GetObject`.
public struct HTTPRoute: Sendable, Hashable {
    /// The HTTP method, e.g. `PUT`.
    public var method: String
    /// The URI pattern: a path with `{Label}` and greedy `{Label+}` segments, and optionally a literal query.
    public var uri: String
    /// The status code of a successful response (the trait's `code`, 200 when not given).
    public var successCode: Int

    /// A route as the `http` trait states it.
    public init(method: String, uri: String, successCode: Int = 200) {
        self.method = method
        self.uri = uri
        self.successCode = successCode
    }
}
