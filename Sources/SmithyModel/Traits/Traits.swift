/// The traits applied to a shape or member, keyed by absolute trait id, in model order.
///
/// Every trait is kept, known or not; typed accessors (in `KnownTraits.swift`) read the ones a client needs.
public struct Traits: Sendable, Equatable {
    public private(set) var values: JSONObject

    public init(_ values: JSONObject = JSONObject()) {
        self.values = values
    }

    public subscript(id: String) -> JSONNode? {
        get { values[id] }
        set { values[id] = newValue }
    }

    public func has(_ id: String) -> Bool { values[id] != nil }

    public var ids: [String] { values.keys }

    /// Adds `other`'s traits; a trait already present is replaced, as `apply` does.
    public mutating func merge(_ other: Traits) {
        for (key, value) in other.values.entries { values[key] = value }
    }
}

/// Absolute ids of the traits the generator and runtime understand.
public enum TraitID {
    public static let required = "smithy.api#required"
    public static let `default` = "smithy.api#default"
    public static let clientOptional = "smithy.api#clientOptional"
    public static let addedDefault = "smithy.api#addedDefault"
    public static let length = "smithy.api#length"
    public static let range = "smithy.api#range"
    public static let pattern = "smithy.api#pattern"
    public static let enumValue = "smithy.api#enumValue"
    public static let legacyEnum = "smithy.api#enum"
    public static let error = "smithy.api#error"
    public static let httpError = "smithy.api#httpError"
    public static let retryable = "smithy.api#retryable"
    public static let paginated = "smithy.api#paginated"
    public static let documentation = "smithy.api#documentation"
    public static let deprecated = "smithy.api#deprecated"
    public static let sensitive = "smithy.api#sensitive"
    public static let idempotencyToken = "smithy.api#idempotencyToken"
    public static let jsonName = "smithy.api#jsonName"
    public static let timestampFormat = "smithy.api#timestampFormat"
    public static let sparse = "smithy.api#sparse"
    public static let input = "smithy.api#input"
    public static let output = "smithy.api#output"
    public static let streaming = "smithy.api#streaming"
    public static let title = "smithy.api#title"
    public static let uniqueItems = "smithy.api#uniqueItems"
    public static let awsService = "aws.api#service"
    public static let sigv4 = "aws.auth#sigv4"
    public static let awsJson1_0 = "aws.protocols#awsJson1_0"
    public static let awsJson1_1 = "aws.protocols#awsJson1_1"
    public static let awsQueryCompatible = "aws.protocols#awsQueryCompatible"
    public static let awsQueryError = "aws.protocols#awsQueryError"
    public static let endpointRuleSet = "smithy.rules#endpointRuleSet"
    public static let endpointTests = "smithy.rules#endpointTests"
    public static let waitable = "smithy.waiters#waitable"
    public static let httpRequestTests = "smithy.test#httpRequestTests"
    public static let httpResponseTests = "smithy.test#httpResponseTests"
    public static let endpoint = "smithy.api#endpoint"
    public static let requestCompression = "smithy.api#requestCompression"
}
