import Foundation

/// A model `pattern`, compiled once and reused for every check.
///
/// Smithy patterns are ECMA-262 regular expressions and are not implicitly anchored: `\w+` matches "!hello!".
/// The generator checks that each pattern compiles, so a failure here would mean a runtime/Foundation mismatch;
/// it is then reported as a violation, never a crash.
public struct ValidationPattern: Sendable {
    /// The pattern as the model writes it, for messages.
    public let pattern: String
    private let regex: NSRegularExpression?

    /// Compiles `pattern`; one that does not compile matches nothing.
    public init(_ pattern: String) {
        self.init(pattern, compiled: pattern)
    }

    /// A model's `pattern` (ECMA-262, shown in messages) checked with `compiled`, the ICU expression the
    /// generator translated it to (ICU reads `$`, `\d`, `.` and classes differently from ECMA-262).
    public init(_ pattern: String, compiled: String) {
        self.pattern = pattern
        self.regex = try? NSRegularExpression(pattern: compiled, options: [])
    }

    /// Whether `value` contains a match.
    public func matches(_ value: String) -> Bool {
        guard let regex else { return false }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return regex.firstMatch(in: value, options: [], range: range) != nil
    }
}
