/// Renders parsed templates against typed view models.
///
/// Values are read from view-model properties by name (through reflection), so view models stay plain
/// Swift structs. A name that no view model on the stack has is an error, not an empty string: a typo in a
/// template must fail generation, not silently drop code.
public struct TemplateRenderer: Sendable {
    /// Parsed templates by name; partials are looked up here too.
    public let templates: [String: Template]

    /// A renderer over already-parsed templates.
    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Renders the template called `name` with `context` as the root view model.
    public func render(_ name: String, context: Any) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(template: name, line: 0, message: "no template called \(name)")
        }
        var output = ""
        try render(template.nodes, template: template.name, stack: [Frame(context)], into: &output, depth: 0)
        return output
    }

    /// A view model on the stack, with its properties read by reflection once rather than on every lookup
    /// (this keeps generating a large service well under a second).
    private struct Frame {
        let value: Any
        let properties: [String: Any]

        init(_ value: Any) {
            self.value = value
            // Text and numbers (documentation lines, statements) have no properties: skip reflection.
            if value is String || value is Int || value is Bool {
                self.properties = [:]
                return
            }
            var properties: [String: Any] = [:]
            if let unwrapped = TemplateRenderer.unwrap(value) {
                if let fields = unwrapped as? any TemplateFields {
                    properties = fields.templateFields
                } else if let dictionary = unwrapped as? [String: String] {
                    properties = dictionary
                } else {
                    for child in Mirror(reflecting: unwrapped).children {
                        if let label = child.label { properties[label] = child.value }
                    }
                }
            }
            self.properties = properties
        }
    }

    private func render(_ nodes: [TemplateNode], template: String, stack: [Frame], into output: inout String, depth: Int)
        throws(TemplateError)
    {
        guard depth < 64 else {
            throw TemplateError(template: template, line: 0, message: "partials nested more than 64 deep")
        }
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let line):
                let value = try lookup(name, in: stack, template: template, line: line)
                output += try Self.text(of: value, name: name, template: template, line: line)
            case .section(let name, let inverted, let children, let line):
                let value = try lookup(name, in: stack, template: template, line: line)
                let items = Self.sectionItems(value)
                if inverted {
                    if items.isEmpty { try render(children, template: template, stack: stack, into: &output, depth: depth) }
                } else {
                    for item in items {
                        try render(children, template: template, stack: stack + [Frame(item)], into: &output, depth: depth)
                    }
                }
            case .partial(let name, let indentation, let line):
                guard let partial = templates[name] else {
                    throw TemplateError(template: template, line: line, message: "no partial called \(name)")
                }
                var rendered = ""
                try render(partial.nodes, template: partial.name, stack: stack, into: &rendered, depth: depth + 1)
                output += Self.indent(rendered, by: indentation)
            }
        }
    }

    /// Looks `name` (possibly dotted) up from the top of the stack down; `.` is the top itself.
    private func lookup(_ name: String, in stack: [Frame], template: String, line: Int) throws(TemplateError) -> Any {
        if name == "." { return stack.last?.value as Any }
        let parts = name.split(separator: ".").map(String.init)
        for frame in stack.reversed() {
            guard var value = frame.properties[parts[0]] else { continue }
            for part in parts.dropFirst() {
                guard let next = Self.property(part, of: Self.unwrap(value) as Any) else {
                    throw TemplateError(template: template, line: line, message: "\(name): no property \(part)")
                }
                value = next
            }
            return value
        }
        throw TemplateError(template: template, line: line, message: "no view-model property called \(name)")
    }

    private static func property(_ name: String, of value: Any) -> Any? {
        guard let unwrapped = unwrap(value) else { return nil }
        if let dictionary = unwrapped as? [String: String] { return dictionary[name] }
        return Mirror(reflecting: unwrapped).children.first { $0.label == name }?.value
    }

    /// The wrapped value of an Optional, or nil for `.none`; other values pass through.
    fileprivate static func unwrap(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedAny.flatMap { unwrap($0) }
    }

    /// What a section iterates: each element of an array, the value once when it is truthy, else nothing.
    private static func sectionItems(_ value: Any) -> [Any] {
        guard let value = unwrap(value) else { return [] }
        switch value {
        case let flag as Bool: return flag ? [flag] : []
        case let text as String: return text.isEmpty ? [] : [text]
        case let array as [Any]: return array
        default: return [value]
        }
    }

    private static func text(of value: Any, name: String, template: String, line: Int) throws(TemplateError) -> String {
        guard let value = unwrap(value) else { return "" }
        switch value {
        case let text as String: return text
        case let number as Int: return String(number)
        case let flag as Bool: return String(flag)
        case let convertible as CustomStringConvertible: return convertible.description
        default:
            throw TemplateError(template: template, line: line, message: "\(name) is not text")
        }
    }

    private static func indent(_ text: String, by indentation: String) -> String {
        guard !indentation.isEmpty else { return text }
        var result = ""
        var atLineStart = true
        for character in text {
            if atLineStart && character != "\n" { result += indentation }
            result.append(character)
            atLineStart = character == "\n"
        }
        return result
    }
}

/// Lets the renderer see through optionals without reflection.
private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedAny: Any? { self.map { $0 as Any } }
}
