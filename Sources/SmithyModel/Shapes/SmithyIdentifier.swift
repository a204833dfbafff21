/// The Smithy identifier grammar, the one place names from a model are checked.
///
/// Shape names, member names, namespaces and renames all end up as Swift identifiers or inside generated
/// source, so nothing else may pass: `identifier = *"_" ALPHA *(ALPHA / DIGIT / "_")` (ASCII only) and
/// `namespace = identifier *("." identifier)`.
public enum SmithyIdentifier {
    /// Whether `text` is a Smithy identifier: optional leading underscores, then an ASCII letter, then ASCII
    /// letters, digits and underscores. (`_`, `9lives`, `café` and `a-b` are not.)
    public static func isValid(_ text: some StringProtocol) -> Bool {
        var sawLetter = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "_"): continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): if !sawLetter { return false }
            default: return false
            }
        }
        return sawLetter
    }

    /// Whether `text` is a Smithy namespace: identifiers joined by dots.
    public static func isValidNamespace(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { isValid($0) }
    }

    /// A short, printable summary of a name that failed the grammar, for diagnostics: control and invisible
    /// characters are shown as `\u{…}` and long names are cut, so a hostile name cannot garble the message.
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        var result = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { result += "…"; break }
            count += 1
            if scalar == "\"" || scalar == "\\" {
                result += "\\" + String(scalar)
            } else if scalar.value < 0x7F, scalar.value >= 0x20 {
                result.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x80, scalar.properties.generalCategory.isVisible {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return result + "\""
    }
}

extension Unicode.GeneralCategory {
    /// Letters, marks, numbers, punctuation and symbols: what prints as itself. Controls, format characters
    /// (bidi overrides, zero-width joiners), separators and unassigned code points do not.
    public var isVisible: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
