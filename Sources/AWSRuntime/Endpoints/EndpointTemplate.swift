import Foundation

/// A rule-set string with `{name}` or `{name#path}` placeholders, such as
/// `https://{Region}.{PartitionResult#dnsSuffix}`; `{{` and `}}` stand for literal braces.
struct EndpointTemplate: Sendable {
    /// A piece of the template.
    enum Part: Sendable {
        case text(String)
        case placeholder(EndpointVariable, EndpointAttributePath?)
    }

    let parts: [Part]

    /// A placeholder as written, before its name is bound to a variable.
    struct Placeholder {
        let name: String
        let path: EndpointAttributePath?
    }

    /// Why a template failed to parse.
    enum SyntaxError: Error {
        case unclosedPlaceholder
        case emptyPlaceholder
        case invalidPath(String)
    }

    /// Splits `text` into literal text and placeholders, binding each placeholder's name with `bind`.
    ///
    static func parse(
        _ text: String,
        bind: (Placeholder) throws -> EndpointVariable
    ) throws -> EndpointTemplate {
        guard text.contains("{") || text.contains("}") else { return EndpointTemplate(parts: [.text(text)]) }
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let nextCharacter = next < text.endIndex ? text[next] : nil
            if character == "{" && nextCharacter == "{" || character == "}" && nextCharacter == "}" {
                literal.append(character)
                index = text.index(after: next)
            } else if character == "{" {
                guard let close = text[next...].firstIndex(of: "}") else { throw SyntaxError.unclosedPlaceholder }
                let placeholder = try parsePlaceholder(String(text[next..<close]))
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
                parts.append(.placeholder(try bind(placeholder), placeholder.path))
                index = text.index(after: close)
            } else {
                // A lone `}` is kept as text: nothing could be meant by it.
                literal.append(character)
                index = next
            }
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(.text(literal)) }
        return EndpointTemplate(parts: parts)
    }

    /// The text of a template without placeholders (after unescaping), which can be stored as a literal.
    var constantText: String? {
        guard parts.count == 1, case .text(let text) = parts[0] else { return nil }
        return text
    }

    private static func parsePlaceholder(_ body: String) throws -> Placeholder {
        guard !body.isEmpty else { throw SyntaxError.emptyPlaceholder }
        guard let hash = body.firstIndex(of: "#") else { return Placeholder(name: body, path: nil) }
        let name = String(body[..<hash])
        let pathText = String(body[body.index(after: hash)...])
        guard !name.isEmpty, let path = EndpointAttributePath(pathText) else {
            throw SyntaxError.invalidPath(body)
        }
        return Placeholder(name: name, path: path)
    }
}
