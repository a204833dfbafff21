/// A parsed template: a tree of text, variables, sections and partials.
///
/// The syntax is a small subset of Mustache, enough to keep layout in template files and logic in Swift
/// view models: `{{name}}`, `{{a.b}}`, `{{.}}`, `{{#section}}…{{/section}}`, `{{^inverted}}…{{/inverted}}`,
/// `{{>partial}}` and `{{! comment}}`. Output is never escaped: we emit Swift, not HTML. A tag alone on its
/// line removes the whole line, and an indented standalone partial indents every line it renders, so templates
/// read like the code they produce.
public struct Template: Sendable {
    /// The template's name, for partials and errors.
    public let name: String
    let nodes: [TemplateNode]

    /// Parses `source`; `name` identifies the template in errors.
    public init(name: String, source: String) throws(TemplateError) {
        self.name = name
        self.nodes = try TemplateParser(name: name, source: source).parse()
    }
}

indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(name: String, line: Int)
    case section(name: String, inverted: Bool, children: [TemplateNode], line: Int)
    /// A partial, with the indentation of a standalone partial tag.
    case partial(name: String, indentation: String, line: Int)
}

/// A template that cannot be parsed or rendered, with the template name and line.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name.
    public var template: String
    /// The 1-based line at fault.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// An error in `template` at `line`.
    public init(template: String, line: Int, message: String) {
        self.template = template
        self.line = line
        self.message = message
    }

    public var description: String { "template \(template), line \(line): \(message)" }
}
