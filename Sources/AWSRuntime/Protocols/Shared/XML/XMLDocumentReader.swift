import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a response body into a tree of ``ParsedXMLElement`` values, with Foundation's `XMLParser`.
///
/// ```swift
/// let root = try XMLDocumentReader().read(response.body)
/// let keys = root.children(named: "Contents").compactMap { $0.child(named: "Key")?.text }
/// ```
///
/// Hostile bodies fail with an ``XMLReadError`` and never stop the process:
/// - a body with `<!DOCTYPE` or `<!ENTITY` anywhere is refused before parsing, so no entity is ever defined (no
///   billion-laughs expansion, no external files); AWS responses never carry a document type declaration;
/// - only valid UTF-8 is read (a declared encoding other than UTF-8, a UTF-16/32 byte order mark, a NUL byte or
///   an invalid sequence is refused), so the scan above cannot be slipped past in another encoding;
/// - a processing instruction without data (`<?name?>`), which crashes `XMLParser` on Linux, is refused;
/// - nesting deeper than ``Limits/maxDepth`` or more than ``Limits/maxElements`` elements stop the parse;
/// - a body cut off inside an element, with content after the root element, or otherwise not well-formed fails.
public struct XMLDocumentReader: Sendable {
    /// Bounds on what one document may hold.
    public struct Limits: Sendable, Equatable {
        /// The deepest nesting allowed; the root element is at depth 1.
        public var maxDepth: Int
        /// The most elements allowed in the document.
        public var maxElements: Int

        /// Limits with every bound given; the defaults fit any AWS response.
        public init(maxDepth: Int = 64, maxElements: Int = 1_000_000) {
            self.maxDepth = maxDepth
            self.maxElements = maxElements
        }
    }

    /// The bounds every document read is held to.
    public var limits: Limits

    /// A reader with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses `data` and returns its root element.
    public func read(_ data: Data) throws(XMLReadError) -> ParsedXMLElement {
        try XMLInputScreen.check(data)
        let builder = XMLTreeBuilder(limits: limits)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let finished = parser.parse()
        return try builder.result(parserFinished: finished, parserError: parser.parserError)
    }
}

/// Builds the element tree from `XMLParser`'s callbacks, enforcing the limits as it goes.
///
/// `XMLParser` can report success after an error it recovered from, and on Linux reports nothing at all for a body
/// under 4 bytes, so the outcome is decided here from the errors seen and the elements left open.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    /// An element whose end tag has not been seen yet.
    private struct OpenElement {
        var qualifiedName: String
        var attributes: [String: String]
        var children: [ParsedXMLElement] = []
        var text = ""
    }

    private let limits: XMLDocumentReader.Limits
    private var stack: [OpenElement] = []
    private var root: ParsedXMLElement?
    private var elementCount = 0
    /// The first problem seen; once set, every later callback is ignored.
    private var failure: XMLReadError?

    init(limits: XMLDocumentReader.Limits) {
        self.limits = limits
    }

    /// The root element, or why there is none: the first error seen, an error `XMLParser` kept to itself
    /// (namespace errors aside), an element left open, or no element at all.
    func result(parserFinished: Bool, parserError: Error?) throws(XMLReadError) -> ParsedXMLElement {
        if let failure { throw failure }
        if let code = parserError.map({ ($0 as NSError).code }) {
            guard Self.namespaceErrors.contains(code) else { throw .malformed(code: code, line: 0, column: 0) }
        } else if !parserFinished {
            throw .malformed(code: 0, line: 0, column: 0)
        }
        if let open = stack.last { throw .truncated(element: XMLReadError.excerpt(open.qualifiedName)) }
        guard let root else { throw .noRootElement }
        return root
    }

    private func fail(_ error: XMLReadError, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard failure == nil else { return }
        guard root == nil else {
            return fail(.malformed(code: Self.documentEndError, line: parser.lineNumber, column: parser.columnNumber),
                        parser)
        }
        guard stack.count < limits.maxDepth else { return fail(.tooDeep(limit: limits.maxDepth), parser) }
        elementCount += 1
        guard elementCount <= limits.maxElements else { return fail(.tooManyElements(limit: limits.maxElements), parser) }
        stack.append(OpenElement(qualifiedName: elementName, attributes: Self.withLocalNames(attributes)))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil, let open = stack.popLast() else { return }
        let element = ParsedXMLElement(
            name: ParsedXMLElement.localName(of: open.qualifiedName), qualifiedName: open.qualifiedName,
            attributes: open.attributes, children: open.children, text: open.text)
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Text outside the root element can only be whitespace in a well-formed document.
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        self.parser(parser, foundCharacters: whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    /// libxml2 reports a body that ends too early, like one with content after the root element, as "document
    /// end"; which of the two it is shows in the elements seen. Namespace errors (an undeclared prefix) are not
    /// errors here: names are read by local name and namespaces are never resolved.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        guard !Self.namespaceErrors.contains(code) else { return }
        if code == Self.documentEndError {
            if let open = stack.last { return fail(.truncated(element: XMLReadError.excerpt(open.qualifiedName)), parser) }
            if root == nil { return fail(.noRootElement, parser) }
        }
        fail(.malformed(code: code, line: parser.lineNumber, column: parser.columnNumber), parser)
    }

    /// libxml2's `XML_ERR_DOCUMENT_END`, which `XMLParser` passes on as its error code (Darwin names it
    /// `prematureDocumentEndError`; swift-corelibs-foundation's `XMLParser.ErrorCode` numbers its cases
    /// differently, so the number is spelled out).
    private static let documentEndError = 5

    /// libxml2's `XML_NS_ERR_*` codes: undeclared prefix, bad qualified name, and the like.
    private static let namespaceErrors = 200...299

    /// The parser never resolves an entity: the screen refuses every document that could define one.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    /// Adds each prefixed attribute under its local name too, unless that name is taken; namespace declarations
    /// keep only their qualified names. Keys are visited sorted, so a clash resolves the same way every time.
    private static func withLocalNames(_ attributes: [String: String]) -> [String: String] {
        guard attributes.keys.contains(where: { $0.contains(":") }) else { return attributes }
        var result = attributes
        for key in attributes.keys.sorted() where key.contains(":") && !key.hasPrefix("xmlns:") {
            let local = ParsedXMLElement.localName(of: key)
            if result[local] == nil { result[local] = attributes[key] }
        }
        return result
    }
}
