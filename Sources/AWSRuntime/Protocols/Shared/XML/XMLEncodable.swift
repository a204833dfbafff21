import Foundation

/// An XML namespace declaration (`xmlNamespace`): `xmlns="uri"` or `xmlns:prefix="uri"` on an element.
public struct XMLNamespace: Sendable, Hashable {
    /// The prefix, or nil for the default namespace.
    public var prefix: String?
    /// The namespace URI.
    public var uri: String

    /// A declaration of `uri`, under `prefix` when given.
    public init(prefix: String? = nil, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// A structure or union a restXml request carries: writes its attributes and member elements. Generated for
/// every shape of a restXml service that an input reaches.
public protocol XMLEncodable: Sendable {
    /// The element name when the value is a whole body: the shape's `xmlName`, else its name.
    static var xmlRootName: String { get }
    /// The namespace the shape declares (`xmlNamespace`), if any.
    static var xmlRootNamespace: XMLNamespace? { get }
    /// The members with `xmlAttribute`, as name and text, in member order.
    var xmlAttributes: [(name: String, value: String)] { get }
    /// Writes the other members as child elements.
    func encodeXMLMembers(to writer: inout XMLBodyWriter)
}

/// Writes typed members as XML elements, as restXml lays them out: lists wrapped in their member's element
/// name (or flattened), maps as `entry` elements of `key` and `value` (or flattened).
public struct XMLBodyWriter: Sendable {
    /// The document written so far.
    public private(set) var writer = XMLWriter()

    /// An empty document.
    public init() {}

    /// Writes `value` as the document's root element named `name`.
    public mutating func root(_ value: some XMLEncodable, name: String? = nil, namespace: XMLNamespace? = nil) {
        element(name ?? type(of: value).xmlRootName, value, namespace: namespace ?? type(of: value).xmlRootNamespace)
    }

    // MARK: - Scalars

    /// A string, number, boolean or enum element; nothing when unset.
    public mutating func value(_ name: String, _ value: (some HTTPBindingValue)?, namespace: XMLNamespace? = nil) {
        guard let value else { return }
        text(name, value.httpBindingText, namespace: namespace)
    }

    /// A timestamp element (RFC 3339 unless the member says otherwise).
    public mutating func value(_ name: String, _ value: Date?, format: TimestampFormat = .dateTime, namespace: XMLNamespace? = nil) {
        guard let value else { return }
        text(name, format.string(from: value), namespace: namespace)
    }

    /// A blob element, base64-encoded.
    public mutating func value(_ name: String, _ value: Data?, namespace: XMLNamespace? = nil) {
        guard let value else { return }
        text(name, value.base64EncodedString(), namespace: namespace)
    }

    /// A structure or union element: its attributes and members.
    public mutating func value(_ name: String, _ value: (some XMLEncodable)?, namespace: XMLNamespace? = nil) {
        guard let value else { return }
        element(name, value, namespace: namespace)
    }

    /// A document has no XML form; it is left out.
    public mutating func value(_ name: String, _ value: JSONValue?, namespace: XMLNamespace? = nil) {}

    // MARK: - Collections

    /// A list: `<name><member>…</member></name>`, or (flattened) one `<name>` per element.
    public mutating func list<Element>(
        _ name: String, _ values: [Element]?, member: String = "member", flattened: Bool = false,
        namespace: XMLNamespace? = nil, element: (inout XMLBodyWriter, String, Element) -> Void
    ) {
        guard let values else { return }
        if flattened {
            for value in values { element(&self, name, value) }
            return
        }
        writer.startElement(name, namespace: namespace.map { ($0.prefix, $0.uri) })
        for value in values { element(&self, member, value) }
        writer.endElement()
    }

    /// A map, entries in key order: `<name><entry><key>…</key><value>…</value></entry></name>`, or (flattened)
    /// one `<name>` per entry holding its key and value.
    public mutating func map<Value>(
        _ name: String, _ values: [String: Value]?, keyName: String = "key", valueName: String = "value",
        flattened: Bool = false, namespace: XMLNamespace? = nil, keyNamespace: XMLNamespace? = nil,
        value: (inout XMLBodyWriter, String, Value) -> Void
    ) {
        guard let values else { return }
        if !flattened { writer.startElement(name, namespace: namespace.map { ($0.prefix, $0.uri) }) }
        for entry in values.sorted(by: { $0.key < $1.key }) {
            // A flattened entry is the member's own element, and carries its namespace.
            writer.startElement(flattened ? name : "entry", namespace: flattened ? namespace.map { ($0.prefix, $0.uri) } : nil)
            text(keyName, entry.key, namespace: keyNamespace)
            value(&self, valueName, entry.value)
            writer.endElement()
        }
        if !flattened { writer.endElement() }
    }

    // MARK: - Elements

    private mutating func text(_ name: String, _ text: String, namespace: XMLNamespace?) {
        writer.startElement(name, namespace: namespace.map { ($0.prefix, $0.uri) })
        writer.text(text)
        writer.endElement()
    }

    private mutating func element(_ name: String, _ value: some XMLEncodable, namespace: XMLNamespace?) {
        writer.startElement(name, attributes: value.xmlAttributes, namespace: namespace.map { ($0.prefix, $0.uri) })
        value.encodeXMLMembers(to: &self)
        writer.endElement()
    }
}
