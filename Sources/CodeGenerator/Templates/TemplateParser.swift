/// Turns template source into nodes, applying Mustache's standalone-line rule.
struct TemplateParser {
    private let name: String
    private let source: String

    init(name: String, source: String) {
        self.name = name
        self.source = source
    }

    private enum Token {
        case text(String)
        case tag(kind: Character?, name: String, line: Int, standaloneIndent: String?)
    }

    func parse() throws(TemplateError) -> [TemplateNode] {
        let tokens = try tokenize()
        var index = 0
        let nodes = try parseNodes(tokens, &index, closing: nil)
        return nodes
    }

    private func parseNodes(_ tokens: [Token], _ index: inout Int, closing: (name: String, line: Int)?)
        throws(TemplateError) -> [TemplateNode]
    {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let text):
                if !text.isEmpty { nodes.append(.text(text)) }
            case .tag(let kind, let tagName, let line, let indent):
                switch kind {
                case "#", "^":
                    let children = try parseNodes(tokens, &index, closing: (tagName, line))
                    nodes.append(.section(name: tagName, inverted: kind == "^", children: children, line: line))
                case "/":
                    guard let closing else {
                        throw TemplateError(template: name, line: line, message: "{{/\(tagName)}} closes nothing")
                    }
                    guard closing.name == tagName else {
                        throw TemplateError(
                            template: name, line: line,
                            message: "{{/\(tagName)}} closes {{#\(closing.name)}} opened on line \(closing.line)")
                    }
                    return nodes
                case ">":
                    nodes.append(.partial(name: tagName, indentation: indent ?? "", line: line))
                case "!":
                    break
                default:
                    nodes.append(.variable(name: tagName, line: line))
                }
            }
        }
        if let closing {
            throw TemplateError(template: name, line: closing.line, message: "{{#\(closing.name)}} is never closed")
        }
        return nodes
    }

    /// Splits the source into text and tags; a section, partial or comment tag alone on its line swallows
    /// the line's indentation and newline.
    private func tokenize() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var line = 1
        var pending = ""
        // Whether the current line already holds text or a tag: then no tag on it is standalone.
        var lineHasContent = false
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            let before = rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError(template: name, line: line + before.count(of: "\n"), message: "unclosed {{")
            }
            pending += before
            line += before.count(of: "\n")
            if let newline = before.lastIndex(of: "\n") {
                lineHasContent = before[before.index(after: newline)...].contains { $0 != " " && $0 != "\t" }
            } else if before.contains(where: { $0 != " " && $0 != "\t" }) {
                lineHasContent = true
            }
            var body = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            var kind: Character?
            if let first = body.first, "#^/>!".contains(first) {
                kind = first
                body = body.dropFirst().trimmingSpaces()
            }
            rest = rest[close.upperBound...]
            guard kind == "!" || !body.isEmpty else {
                throw TemplateError(template: name, line: line, message: "empty tag")
            }

            let tagLine = line
            var standaloneIndent: String?
            if kind != nil, !lineHasContent, let lineStart = Self.indentationIfStandalone(before: pending, after: rest) {
                standaloneIndent = String(pending[lineStart...])
                pending = String(pending[..<lineStart])
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
                // "\r\n" is a single Character in Swift, so one dropFirst removes either line ending.
                if rest.first == "\n" || rest.first == "\r\n" {
                    rest = rest.dropFirst()
                    line += 1
                }
            } else {
                lineHasContent = true
            }
            tokens.append(.text(pending))
            pending = ""
            tokens.append(.tag(kind: kind, name: String(body), line: tagLine, standaloneIndent: standaloneIndent))
        }
        pending += rest
        tokens.append(.text(pending))
        return tokens
    }

    /// Where the current line starts in `before` when only spaces precede the tag on its line and only
    /// spaces and a newline (or the end) follow it.
    private static func indentationIfStandalone(before: String, after: Substring) -> String.Index? {
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        guard before[lineStart...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        let trailing = after.prefix { $0 == " " || $0 == "\t" }
        let afterSpaces = after[trailing.endIndex...]
        guard afterSpaces.isEmpty || afterSpaces.first == "\n" || afterSpaces.first == "\r\n" else { return nil }
        return lineStart
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }

    func count(of character: Character) -> Int {
        reduce(0) { $1 == character ? $0 + 1 : $0 }
    }
}
