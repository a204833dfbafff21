/// Why a response body could not be read as an XML document.
///
/// No case repeats more than a short piece of the input, so the error is safe to log.
public enum XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No root element: an empty body, only a declaration or comments, or a body too short to hold one
    /// (`XMLParser` on Linux reads nothing of a body under 4 bytes).
    case noRootElement
    /// The document ends inside an element (the body was cut off); `element` is the innermost open one.
    case truncated(element: String)
    /// Not well-formed XML: mismatched tags, an undeclared entity, a forbidden character, content after the root
    /// element. `code` is Foundation's `XMLParser.ErrorCode` raw value.
    case malformed(code: Int, line: Int, column: Int)
    /// A `<!DOCTYPE` or `<!ENTITY` declaration, refused before parsing: AWS responses never carry one, and its
    /// entities could expand without bound or name files to read.
    case documentTypeDeclaration
    /// A processing instruction with no data (`<?name?>`), refused before parsing: Foundation's `XMLParser` on
    /// Linux crashes on one, and AWS responses have none.
    case emptyProcessingInstruction
    /// The body is not UTF-8: another declared encoding, a UTF-16 or UTF-32 byte order mark, a NUL
    /// byte, or bytes that are not valid UTF-8.
    case unsupportedEncoding(String)
    /// Elements nested deeper than the reader's limit.
    case tooDeep(limit: Int)
    /// More elements than the reader's limit.
    case tooManyElements(limit: Int)

    /// A one-line explanation, safe to log: it quotes at most a short piece of the input.
    public var description: String {
        switch self {
        case .noRootElement:
            return "the XML document has no root element"
        case .truncated(let element):
            return "the XML document ends inside <\(element)>"
        case .malformed(let code, let line, let column):
            return "malformed XML at line \(line), column \(column) (XMLParser error \(code))"
        case .documentTypeDeclaration:
            return "the XML document has a <!DOCTYPE> or <!ENTITY> declaration, which is refused"
        case .emptyProcessingInstruction:
            return "the XML document has a processing instruction without data (<?name?>), which is refused"
        case .unsupportedEncoding(let encoding):
            return "the XML document is not UTF-8 (\(encoding))"
        case .tooDeep(let limit):
            return "the XML document nests elements deeper than \(limit)"
        case .tooManyElements(let limit):
            return "the XML document has more than \(limit) elements"
        }
    }

    /// At most `limit` characters of `text` (names, encodings) for a message, with `…` when cut.
    static func excerpt(_ text: String, limit: Int = 64) -> String {
        let start = text.prefix(limit)
        return start.endIndex == text.endIndex ? text : start + "…"
    }
}
