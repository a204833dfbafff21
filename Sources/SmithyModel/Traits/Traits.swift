/// The traits applied to a shape or member, keyed by absolute trait id, in model order.
///
/// Every trait is kept, known or not; typed accessors (in `KnownTraits.swift`) read the ones a client needs.
public struct Traits: Sendable, Equatable {
    /// Trait id → value, in model order.
    public private(set) var values: JSONObject

    /// Traits from an object of trait id → value.
    public init(_ values: JSONObject = JSONObject()) {
        self.values = values
    }

    /// The value of the trait with absolute id `id`; nil removes it.
    public subscript(id: String) -> JSONNode? {
        get { values[id] }
        set { values[id] = newValue }
    }

    /// Whether the trait with absolute id `id` is applied.
    public func has(_ id: String) -> Bool { values[id] != nil }

    /// The ids of every applied trait, in model order.
    public var ids: [String] { values.keys }

    /// Adds `other`'s traits; a trait already present is replaced, as `apply` does.
    public mutating func merge(_ other: Traits) {
        for (key, value) in other.values.entries { values[key] = value }
    }
}

/// Absolute ids of the traits the generator and runtime understand.
public enum TraitID {
    /// The member must be set.
    public static let required = "smithy.api#required"
    /// The value used when a member is not set.
    public static let `default` = "smithy.api#default"
    /// The member stays optional in clients even if required or defaulted.
    public static let clientOptional = "smithy.api#clientOptional"
    /// The default was added after the member existed, so clients must not rely on it.
    public static let addedDefault = "smithy.api#addedDefault"
    /// Minimum and maximum length of a string, blob, list or map.
    public static let length = "smithy.api#length"
    /// Minimum and maximum value of a number.
    public static let range = "smithy.api#range"
    /// A regular expression a string must match somewhere (not implicitly anchored).
    public static let pattern = "smithy.api#pattern"
    /// The wire value of an enum or intEnum member.
    public static let enumValue = "smithy.api#enumValue"
    /// Smithy 1.0's list of values for an enumerated string.
    public static let legacyEnum = "smithy.api#enum"
    /// Marks an error structure as the client's or the server's fault.
    public static let error = "smithy.api#error"
    /// The HTTP status code of an error.
    public static let httpError = "smithy.api#httpError"
    /// The error may be retried (optionally as throttling).
    public static let retryable = "smithy.api#retryable"
    /// The operation returns results in pages.
    public static let paginated = "smithy.api#paginated"
    /// Documentation text, in CommonMark.
    public static let documentation = "smithy.api#documentation"
    /// The shape should no longer be used.
    public static let deprecated = "smithy.api#deprecated"
    /// The value is secret and must not be logged or shown.
    public static let sensitive = "smithy.api#sensitive"
    /// The member is filled with a unique token when the caller leaves it unset.
    public static let idempotencyToken = "smithy.api#idempotencyToken"
    /// The key used for the member in JSON, when it differs from the member name.
    public static let jsonName = "smithy.api#jsonName"
    /// How a timestamp is serialised.
    public static let timestampFormat = "smithy.api#timestampFormat"
    /// The list or map may hold null values.
    public static let sparse = "smithy.api#sparse"
    /// The structure is used only as an operation's input.
    public static let input = "smithy.api#input"
    /// The structure is used only as an operation's output.
    public static let output = "smithy.api#output"
    /// The blob or union is streamed rather than sent whole.
    public static let streaming = "smithy.api#streaming"
    /// The event structure's member is sent as a message header.
    public static let eventHeader = "smithy.api#eventHeader"
    /// The event structure's member is the whole message payload.
    public static let eventPayload = "smithy.api#eventPayload"
    /// A human-readable name for a shape, e.g. a service's full name.
    public static let title = "smithy.api#title"
    /// The list's items must be distinct.
    public static let uniqueItems = "smithy.api#uniqueItems"
    /// AWS service naming: SDK id, ARN namespace, endpoint prefix.
    public static let awsService = "aws.api#service"
    /// The service signs requests with SigV4, under the given signing name.
    public static let sigv4 = "aws.auth#sigv4"
    /// The service speaks the AWS JSON 1.0 protocol.
    public static let awsJson1_0 = "aws.protocols#awsJson1_0"
    /// The service speaks the AWS JSON 1.1 protocol.
    public static let awsJson1_1 = "aws.protocols#awsJson1_1"
    /// The service migrated from awsQuery and may still send legacy error codes.
    public static let awsQueryCompatible = "aws.protocols#awsQueryCompatible"
    /// An error's legacy awsQuery code and HTTP status.
    public static let awsQueryError = "aws.protocols#awsQueryError"
    /// The rules that resolve a service's endpoint.
    public static let endpointRuleSet = "smithy.rules#endpointRuleSet"
    /// Test cases for the endpoint rule set.
    public static let endpointTests = "smithy.rules#endpointTests"
    /// Waiters that poll an operation until a state is reached.
    public static let waitable = "smithy.waiters#waitable"
    /// Protocol tests of the requests an operation sends.
    public static let httpRequestTests = "smithy.test#httpRequestTests"
    /// Protocol tests of the responses an operation parses.
    public static let httpResponseTests = "smithy.test#httpResponseTests"
    /// Event stream protocol tests: events a client must send and read.
    public static let eventStreamTests = "smithy.test#eventStreamTests"
    /// A host prefix, possibly with labels, put before the endpoint's host.
    public static let endpoint = "smithy.api#endpoint"
    /// The operation's request body may be compressed (e.g. gzip).
    public static let requestCompression = "smithy.api#requestCompression"
    /// The auth schemes an operation or service accepts, in order; an empty list means anonymous.
    public static let auth = "smithy.api#auth"
    /// HTTP bearer-token authentication (`Authorization: Bearer …`).
    public static let httpBearerAuth = "smithy.api#httpBearerAuth"
    /// The awsQuery protocol.
    public static let awsQuery = "aws.protocols#awsQuery"
    /// The Smithy RPC v2 CBOR protocol.
    public static let rpcv2Cbor = "smithy.protocols#rpcv2Cbor"
    /// The restXml protocol.
    public static let restXml = "aws.protocols#restXml"
    /// The ec2Query protocol.
    public static let ec2Query = "aws.protocols#ec2Query"
    /// A member's (or list or map member's) XML element name.
    public static let xmlName = "smithy.api#xmlName"
    /// A list or map member written without a wrapping element.
    public static let xmlFlattened = "smithy.api#xmlFlattened"
    /// A member written as an attribute of its structure's element.
    public static let xmlAttribute = "smithy.api#xmlAttribute"
    /// The XML namespace of a shape or member.
    public static let xmlNamespace = "smithy.api#xmlNamespace"
    /// A member's key in ec2Query requests.
    public static let ec2QueryName = "aws.protocols#ec2QueryName"
    /// The restJson1 protocol.
    public static let restJson1 = "aws.protocols#restJson1"
    /// An operation's HTTP method, URI pattern and success code.
    public static let http = "smithy.api#http"
    /// A member bound to a URI label.
    public static let httpLabel = "smithy.api#httpLabel"
    /// A member bound to a query parameter.
    public static let httpQuery = "smithy.api#httpQuery"
    /// A map member bound to the query parameters no other member names.
    public static let httpQueryParams = "smithy.api#httpQueryParams"
    /// A member bound to a header.
    public static let httpHeader = "smithy.api#httpHeader"
    /// A map member bound to every header with a prefix.
    public static let httpPrefixHeaders = "smithy.api#httpPrefixHeaders"
    /// The member that is the whole body.
    public static let httpPayload = "smithy.api#httpPayload"
    /// An output member bound to the HTTP status code.
    public static let httpResponseCode = "smithy.api#httpResponseCode"
    /// The media type of a blob or string.
    public static let mediaType = "smithy.api#mediaType"
    /// The request body's MD5 must be sent (`Content-MD5`).
    public static let httpChecksumRequired = "smithy.api#httpChecksumRequired"
    /// A member bound to a label of the operation's host prefix.
    public static let hostLabel = "smithy.api#hostLabel"
}
