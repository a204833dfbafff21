import Foundation

/// A scalar that can be bound to a URI label, query parameter or header, written and read as text.
public protocol HTTPBindingValue: Sendable {
    /// The value as a label, query or header writes it: numbers in decimal, `NaN` and `Infinity` by name,
    /// booleans as `true`/`false`, enums by their wire value.
    var httpBindingText: String { get }
    /// The value a header holds; nil when the text is not one.
    init?(httpBindingText: String)
}

extension String: HTTPBindingValue {
    public var httpBindingText: String { self }
    public init?(httpBindingText: String) { self = httpBindingText }
}

extension Bool: HTTPBindingValue {
    public var httpBindingText: String { self ? "true" : "false" }
    public init?(httpBindingText: String) {
        switch httpBindingText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension Int: HTTPBindingValue {
    public var httpBindingText: String { String(self) }
    public init?(httpBindingText: String) { self.init(httpBindingText.trimmingCharacters(in: .whitespaces)) }
}

extension Int8: HTTPBindingValue {
    public var httpBindingText: String { String(self) }
    public init?(httpBindingText: String) { self.init(httpBindingText.trimmingCharacters(in: .whitespaces)) }
}

extension Int16: HTTPBindingValue {
    public var httpBindingText: String { String(self) }
    public init?(httpBindingText: String) { self.init(httpBindingText.trimmingCharacters(in: .whitespaces)) }
}

extension Int32: HTTPBindingValue {
    public var httpBindingText: String { String(self) }
    public init?(httpBindingText: String) { self.init(httpBindingText.trimmingCharacters(in: .whitespaces)) }
}

extension Int64: HTTPBindingValue {
    public var httpBindingText: String { String(self) }
    public init?(httpBindingText: String) { self.init(httpBindingText.trimmingCharacters(in: .whitespaces)) }
}

extension Double: HTTPBindingValue {
    public var httpBindingText: String { FloatText.text(self) }
    public init?(httpBindingText: String) {
        guard let value = FloatText.value(httpBindingText) else { return nil }
        self = value
    }
}

extension Float: HTTPBindingValue {
    public var httpBindingText: String { FloatText.text(self) }
    public init?(httpBindingText: String) {
        guard let value = FloatText.value(httpBindingText) else { return nil }
        self = Float(value)
    }
}

extension Decimal: HTTPBindingValue {
    public var httpBindingText: String { description }
    public init?(httpBindingText: String) { self.init(string: httpBindingText.trimmingCharacters(in: .whitespaces)) }
}

extension HTTPBindingValue where Self: RawRepresentable, RawValue: HTTPBindingValue {
    /// Enums bind their wire value.
    public var httpBindingText: String { rawValue.httpBindingText }
    public init?(httpBindingText: String) {
        guard let raw = RawValue(httpBindingText: httpBindingText) else { return nil }
        self.init(rawValue: raw)
    }
}

/// Floating-point numbers as Smithy's HTTP bindings write them.
enum FloatText {
    /// Swift's shortest text that reads back as the same value (`1.1`, `1e+20`), or the name of a special value.
    static func text<Value: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Value) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    static func value(_ text: String) -> Double? {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case let other: return Double(other)
        }
    }
}

/// Header lists: `a, "b,c", d` (RFC 9110 lists with quoted strings).
public enum HTTPHeaderList {
    /// `value`, quoted (with `"` and `\` escaped) when it holds a comma or a double quote.
    public static func quoted(_ value: String) -> String {
        guard value.contains(",") || value.contains("\"") else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The elements of a list header, unquoted and trimmed.
    public static func split(_ header: String) -> [String] {
        var elements: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var wasQuoted = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes {
                if character == "\\" { escaped = true } else if character == "\"" { inQuotes = false } else { current.append(character) }
            } else if character == "\"" && current.allSatisfy(\.isWhitespace) {
                current = ""
                inQuotes = true
                wasQuoted = true
            } else if character == "," {
                elements.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
                current = ""
                wasQuoted = false
            } else if !(wasQuoted && character == " ") {
                current.append(character)
            }
        }
        elements.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        return elements
    }

    /// The elements of a header listing HTTP-dates, which hold a comma each (`Mon, 16 Dec 2019 23:48:18 GMT`):
    /// every second comma separates two dates.
    public static func splitHTTPDates(_ header: String) -> [String] {
        let parts = header.split(separator: ",", omittingEmptySubsequences: false)
        return stride(from: 0, to: parts.count, by: 2).map { index in
            let pair = parts[index..<min(index + 2, parts.count)].joined(separator: ",")
            return pair.trimmingCharacters(in: .whitespaces)
        }
    }
}
