import Foundation

/// Writes an XML document element by element into a byte buffer, escaping text and attribute values.
///
/// ```swift
/// var writer = XMLWriter()
/// writer.startElement("PutBucketTagging", namespace: (prefix: nil, uri: "http://s3.amazonaws.com/doc/2006-03-01/"))
/// writer.element("Key", text: "a<b")
/// writer.endElement()
/// writer.data  // <PutBucketTagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Key>a&lt;b</Key></PutBucketTagging>
/// ```
///
/// Element and attribute names are written as given: they come from the model and must be XML names
/// (optionally `prefix:name`). Text and attribute values may hold any string; what XML would change or refuse
/// is written as a reference, so a parser reads back exactly the string written:
/// - `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`;
/// - CR, LF and tab become `&#xD;` `&#xA;` `&#x9;` (a parser turns a literal CR into LF, and any of them into a
///   space inside an attribute), and NEL and LINE SEPARATOR become `&#x85;` `&#x2028;`, as the AWS SDKs write them;
/// - other C0 controls and U+FFFE, U+FFFF become character references (`&#x1;`). XML 1.0 allows no form of
///   them at all, so a strict server may refuse the document; no character is dropped or replaced silently.
///
/// The document has no XML declaration unless one is asked for.
public struct XMLWriter: Sendable {
    /// The document written so far, UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// Names of the elements started and not yet ended, outermost first.
    private var openElements: [String] = []

    /// An empty document; with `declaration`, it starts with `<?xml version="1.0" encoding="UTF-8"?>`.
    public init(declaration: Bool = false) {
        bytes.reserveCapacity(256)
        if declaration {
            append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        }
    }

    /// The document written so far.
    public var data: Data { Data(bytes) }

    /// Whether every started element has been ended.
    public var isComplete: Bool { openElements.isEmpty }

    /// Writes a start tag: `<name xmlns:prefix="uri" a="1">`.
    ///
    /// - Parameters:
    ///   - name: the element name as written, e.g. `Key` or `xsi:type`.
    ///   - attributes: name and value pairs, written in order after the namespace declaration.
    ///   - namespace: a namespace declaration to write on this element: `xmlns="uri"` without a prefix,
    ///     `xmlns:prefix="uri"` with one. The element name is not prefixed by it (Smithy's `@xmlNamespace`).
    public mutating func startElement(
        _ name: String, attributes: [(name: String, value: String)] = [], namespace: (prefix: String?, uri: String)? = nil
    ) {
        writeStartTag(name, attributes: attributes, namespace: namespace)
        append(">")
        openElements.append(name)
    }

    /// Writes character data inside the current element, escaped.
    public mutating func text(_ text: String) {
        assert(!openElements.isEmpty, "XMLWriter: text outside any element")
        appendEscaped(text)
    }

    /// Writes the end tag of the innermost open element.
    public mutating func endElement() {
        guard let name = openElements.popLast() else {
            assertionFailure("XMLWriter: endElement() with no open element")
            return
        }
        append("</")
        append(name)
        append(">")
    }

    /// Writes an element with no content: `<name a="1"/>`.
    public mutating func emptyElement(
        _ name: String, attributes: [(name: String, value: String)] = [], namespace: (prefix: String?, uri: String)? = nil
    ) {
        writeStartTag(name, attributes: attributes, namespace: namespace)
        append("/>")
    }

    /// Writes an element holding only text: `<name>text</name>` (an empty string gives `<name></name>`).
    public mutating func element(
        _ name: String, text: String, attributes: [(name: String, value: String)] = [],
        namespace: (prefix: String?, uri: String)? = nil
    ) {
        startElement(name, attributes: attributes, namespace: namespace)
        appendEscaped(text)
        endElement()
    }

    // MARK: - Writing

    private mutating func writeStartTag(
        _ name: String, attributes: [(name: String, value: String)], namespace: (prefix: String?, uri: String)?
    ) {
        append("<")
        append(name)
        if let namespace {
            if let prefix = namespace.prefix, !prefix.isEmpty {
                writeAttribute(name: "xmlns:" + prefix, value: namespace.uri)
            } else {
                writeAttribute(name: "xmlns", value: namespace.uri)
            }
        }
        for attribute in attributes {
            writeAttribute(name: attribute.name, value: attribute.value)
        }
    }

    private mutating func writeAttribute(name: String, value: String) {
        append(" ")
        append(name)
        append("=\"")
        appendEscaped(value)
        append("\"")
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `text` with ``XMLEscaping`` applied; runs of plain bytes are copied at once.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { XMLEscaping.append($0, to: &bytes) }
    }
}

/// The escaping ``XMLWriter`` applies to text and attribute values alike.
enum XMLEscaping {
    /// Appends the escaped form of the UTF-8 `input` to `output`.
    static func append(_ input: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < input.count {
            let (replacement, width) = escape(input, at: index)
            guard let replacement else {
                index += width
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
            output.append(contentsOf: replacement.utf8)
            index += width
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
    }

    /// The reference replacing the character at `index`, if it needs one, and how many bytes it spans.
    @inline(__always)
    private static func escape(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (String?, Int) {
        let byte = input[index]
        switch byte {
        case UInt8(ascii: "&"): return ("&amp;", 1)
        case UInt8(ascii: "<"): return ("&lt;", 1)
        case UInt8(ascii: ">"): return ("&gt;", 1)
        case UInt8(ascii: "\""): return ("&quot;", 1)
        case UInt8(ascii: "'"): return ("&apos;", 1)
        case 0x0D: return ("&#xD;", 1)
        case 0x0A: return ("&#xA;", 1)
        case 0x09: return ("&#x9;", 1)
        case 0x00..<0x20: return (characterReference(UInt32(byte)), 1)
        case 0xC2 where next(input, index, 1) == 0x85:
            return ("&#x85;", 2)  // U+0085 NEXT LINE
        case 0xE2 where next(input, index, 1) == 0x80 && next(input, index, 2) == 0xA8:
            return ("&#x2028;", 3)  // U+2028 LINE SEPARATOR
        case 0xEF where next(input, index, 1) == 0xBF && next(input, index, 2) == 0xBE:
            return ("&#xFFFE;", 3)
        case 0xEF where next(input, index, 1) == 0xBF && next(input, index, 2) == 0xBF:
            return ("&#xFFFF;", 3)
        default:
            return (nil, 1)
        }
    }

    /// The byte `distance` after `index`, or nil past the end.
    @inline(__always)
    private static func next(_ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ distance: Int) -> UInt8? {
        index + distance < input.count ? input[index + distance] : nil
    }

    /// `&#x1F;`: uppercase hex, no leading zeros.
    private static func characterReference(_ scalar: UInt32) -> String {
        "&#x" + String(scalar, radix: 16, uppercase: true) + ";"
    }
}
