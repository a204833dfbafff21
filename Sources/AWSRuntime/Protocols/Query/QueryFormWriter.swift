import Foundation

/// Writes typed members into a query body the way awsQuery (or ec2Query) names them: structures as
/// `Parent.Member`, lists as `List.member.1` (`List.1` flattened, always flattened in ec2Query), maps as
/// `Map.entry.1.key` / `Map.entry.1.value`.
public struct QueryFormWriter: Sendable {
    /// The pairs written so far.
    public private(set) var body: QueryWriter
    /// ec2Query: lists are always flattened and empty lists are left out.
    public let isEC2: Bool
    private let idempotencyTokenGenerator: @Sendable () -> String

    /// A writer for `Action=action&Version=version&…`.
    public init(action: String, version: String, isEC2: Bool, idempotencyTokenGenerator: @escaping @Sendable () -> String) {
        body = QueryWriter(action: action, version: version)
        self.isEC2 = isEC2
        self.idempotencyTokenGenerator = idempotencyTokenGenerator
    }

    /// A fresh idempotency token for an unset `idempotencyToken` member.
    public func idempotencyToken() -> String { idempotencyTokenGenerator() }

    // MARK: - Scalars

    /// A string, number, boolean or enum; nothing when unset.
    public mutating func value(_ key: String, _ value: (some HTTPBindingValue)?) {
        guard let value else { return }
        body.add(key, value.httpBindingText)
    }

    /// A timestamp (RFC 3339 unless the member says otherwise).
    public mutating func value(_ key: String, _ value: Date?, format: TimestampFormat = .dateTime) {
        guard let value else { return }
        body.add(key, format.string(from: value))
    }

    /// A blob, base64-encoded.
    public mutating func value(_ key: String, _ value: Data?) {
        guard let value else { return }
        body.add(key, value.base64EncodedString())
    }

    /// A structure or union: its members under `key.`.
    public mutating func value(_ key: String, _ value: (some QueryEncodable)?) {
        guard let value else { return }
        value.encodeQuery(to: &self, prefix: key + ".")
    }

    /// A document has no query form; it is left out.
    public mutating func value(_ key: String, _ value: JSONValue?) {}

    // MARK: - Collections

    /// A list: `key.member.1`… (`key.1`… when flattened, and always in ec2Query); an empty list is sent as
    /// `key=` in awsQuery, and not at all in ec2Query.
    public mutating func list<Element>(
        _ key: String, _ values: [Element]?, member: String = "member", flattened: Bool = false,
        element: (inout QueryFormWriter, String, Element) -> Void
    ) {
        guard let values else { return }
        if values.isEmpty {
            if !isEC2 { body.add(key, "") }
            return
        }
        let base = flattened || isEC2 ? key + "." : key + "." + member + "."
        for (index, value) in values.enumerated() {
            element(&self, base + String(index + 1), value)
        }
    }

    /// A map, entries in key order: `key.entry.1.key` and `key.entry.1.value` (`key.1.key` when flattened).
    public mutating func map<Value>(
        _ key: String, _ values: [String: Value]?, keyName: String = "key", valueName: String = "value",
        flattened: Bool = false, value: (inout QueryFormWriter, String, Value) -> Void
    ) {
        guard let values, !values.isEmpty else { return }
        let base = flattened ? key + "." : key + ".entry."
        for (index, entry) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            let prefix = base + String(index + 1) + "."
            body.add(prefix + keyName, entry.key)
            value(&self, prefix + valueName, entry.value)
        }
    }
}
