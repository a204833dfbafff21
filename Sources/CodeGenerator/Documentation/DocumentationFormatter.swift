import Foundation

/// Turns Smithy documentation (often HTML in AWS models) into plain lines for `///` comments.
///
/// Paragraphs, list items and notes become separate lines, `<code>` becomes backticks, links keep their
/// text, entities are decoded and runs of whitespace fold, so doc comments read well in an editor.
public enum DocumentationFormatter {
    /// The documentation as lines; a blank string separates paragraphs. Empty when there is nothing to say.
    public static func lines(_ documentation: String?) -> [String] {
        guard let documentation, !documentation.isEmpty else { return [] }
        var blocks: [String] = []
        var current = ""
        var listDepth = 0
        var insideCodeStart = false
        var index = documentation.startIndex

        func finishBlock() {
            let text = collapseWhitespace(current)
            if !text.isEmpty { blocks.append(text) }
            current = ""
        }

        // The first `>` at or after the last `<` seen: every `<` before it closes there too, so each `>` is
        // searched for once and text full of `<` stays linear. `endIndex` once no `>` is left.
        var knownClose: String.Index?
        func closingBracket(after start: String.Index) -> String.Index? {
            if let known = knownClose, known > start {
                return known == documentation.endIndex ? nil : known
            }
            knownClose = documentation[start...].firstIndex(of: ">") ?? documentation.endIndex
            return knownClose == documentation.endIndex ? nil : knownClose
        }

        while index < documentation.endIndex {
            let character = documentation[index]
            guard character == "<", let close = closingBracket(after: index) else {
                // Code spans hug their text: `<code> x </code>` reads `x`.
                if !(insideCodeStart && character.isWhitespace) { current.append(character) }
                insideCodeStart = insideCodeStart && character.isWhitespace
                index = documentation.index(after: index)
                continue
            }
            let tag = documentation[documentation.index(after: index)..<close]
                .split(separator: " ").first.map { $0.lowercased() } ?? ""
            switch tag {
            case "p" where current.trimmingCharacters(in: .whitespaces) == "-":
                break  // A paragraph opening a list item continues the item's line.
            case "p", "/p", "note", "/note", "important", "/important", "br", "br/", "div", "/div",
                 "dl", "/dl", "dt", "/dt", "dd", "/dd", "h1", "/h1", "h2", "/h2", "h3", "/h3":
                finishBlock()
            case "ul", "ol":
                finishBlock()
                listDepth += 1
            case "/ul", "/ol":
                finishBlock()
                listDepth = max(0, listDepth - 1)
            case "li":
                finishBlock()
                current = String(repeating: "  ", count: max(0, listDepth - 1)) + "- "
            case "/li":
                finishBlock()
            case "code":
                current += "`"
                insideCodeStart = true
            case "/code":
                while current.last?.isWhitespace == true { current.removeLast() }
                current += "`"
            case "b", "/b", "strong", "/strong":
                current += "**"
            case "i", "/i", "em", "/em":
                current += "*"
            default:
                break  // <a>, </a>, <fullname> and unknown tags: keep their text only.
            }
            index = documentation.index(after: close)
        }
        finishBlock()

        var lines: [String] = []
        for block in blocks {
            let isListItem = block.trimmingLeadingSpaces().hasPrefix("- ")
            if !lines.isEmpty && !(isListItem && lines.last?.trimmingLeadingSpaces().hasPrefix("- ") == true) {
                lines.append("")
            }
            lines.append(decodeEntities(block))
        }
        return lines
    }

    /// Folds runs of whitespace into one space, keeping a list item's leading indentation. Works on Unicode
    /// scalars: Character properties are slow, and documentation is most of what the generator reads.
    private static func collapseWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var scalars = Substring(text).unicodeScalars[...]
        var leading = String.UnicodeScalarView()
        while let first = scalars.first, first == " " {
            leading.append(first)
            scalars = scalars.dropFirst()
        }
        for scalar in scalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        // A list item with nothing after its marker is empty.
        if result.count == 1 && result.first == "-" { return "" }
        return String(leading) + String(result)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, replacement) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "),
            ("&amp;", "&"),
        ] {
            result = result.replacingOccurrences(of: entity, with: replacement)
        }
        return result
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> Substring { drop { $0 == " " } }
}
