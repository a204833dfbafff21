/// One element of a parsed XML document: its name, attributes, child elements and text, as an immutable value.
///
/// Names are local names: `<s3:Key>` is named `Key` (its ``qualifiedName`` keeps the prefix). Namespaces are not
/// resolved; AWS responses are read by local name, as the AWS SDKs read them.
///
/// Named `ParsedXMLElement` rather than `XMLElement` so it never collides with Foundation's `XMLElement`
/// class (macOS Foundation, FoundationXML) in files that import both.
public struct ParsedXMLElement: Sendable, Equatable {
    /// The local name: the qualified name without its prefix.
    public let name: String
    /// The name as written, with any prefix: `s3:Key`.
    public let qualifiedName: String
    /// Attribute values by qualified name (`xsi:type`, `xmlns:xsi`), and also by local name (`type`) for a
    /// prefixed attribute whose local name is not taken by another attribute. Namespace declarations are kept
    /// only under their qualified names (`xmlns`, `xmlns:xsi`).
    public let attributes: [String: String]
    /// The child elements, in document order.
    public let children: [ParsedXMLElement]
    /// The character data directly inside this element (CDATA included, entities and references resolved),
    /// concatenated in document order, exactly as written: not trimmed, since whitespace in a string value
    /// matters. An element that only holds other elements has the indentation between them here.
    public let text: String

    /// An element with every part given; `qualifiedName` defaults to `name`.
    public init(
        name: String, qualifiedName: String? = nil, attributes: [String: String] = [:],
        children: [ParsedXMLElement] = [], text: String = ""
    ) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element with the local name `name`.
    public func child(named name: String) -> ParsedXMLElement? {
        children.first { $0.name == name }
    }

    /// Every child element with the local name `name`, in document order.
    public func children(named name: String) -> [ParsedXMLElement] {
        children.filter { $0.name == name }
    }

    /// The local part of a qualified name: `s3:Key` → `Key`.
    static func localName(of qualifiedName: String) -> String {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return qualifiedName }
        return String(qualifiedName[qualifiedName.index(after: colon)...])
    }
}
