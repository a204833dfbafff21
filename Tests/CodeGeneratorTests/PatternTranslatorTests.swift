@testable import CodeGenerator
import Foundation
import XCTest

/// Smithy patterns are ECMA-262; the runtime checks them with ICU (`NSRegularExpression`). These cases are
/// where the two read the same text differently, checked by running the translated expression.
final class PatternTranslatorTests: XCTestCase {
    private func matches(_ pattern: String, _ value: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        do {
            let regex = try NSRegularExpression(pattern: PatternTranslator.icuPattern(for: pattern))
            return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        } catch {
            XCTFail("\(pattern): \(error)", file: file, line: line)
            return false
        }
    }

    private let lineTerminators = ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}"]

    func testDollarMatchesOnlyAtTheVeryEnd() {
        XCTAssertTrue(matches("^[0-9]{12}$", "123456789012"))
        for terminator in lineTerminators {
            XCTAssertFalse(matches("^[0-9]{12}$", "123456789012" + terminator), "\(terminator.unicodeScalars.map(\.value))")
        }
        // Untranslated, ICU lets `$` match before a final line break: the reason this translator exists.
        let raw = try? NSRegularExpression(pattern: "^[0-9]{12}$")
        XCTAssertNotNil(raw?.firstMatch(in: "123456789012\n", range: NSRange(location: 0, length: 13)))
    }

    func testCaretMatchesOnlyAtTheStart() {
        for terminator in lineTerminators {
            XCTAssertFalse(matches("^b", "a" + terminator + "b"))
        }
    }

    func testDigitsAndWordCharactersAreASCII() {
        XCTAssertTrue(matches(#"^\d+$"#, "0123456789"))
        XCTAssertFalse(matches(#"^\d+$"#, "١٢٣"), "Arabic-Indic digits are not ECMA \\d")
        XCTAssertTrue(matches(#"^\w+$"#, "a_Z9"))
        XCTAssertFalse(matches(#"^\w+$"#, "café"))
        XCTAssertTrue(matches(#"^\D$"#, "é"))
        XCTAssertTrue(matches(#"^\W$"#, "é"))
        XCTAssertTrue(matches(#"^[\d\w-]+$"#, "a-1"))
        XCTAssertFalse(matches(#"^[\d]+$"#, "٣"))
    }

    func testWordBoundaryUsesASCIIWordCharacters() {
        XCTAssertTrue(matches(#"\bcat\b"#, "a cat!"))
        XCTAssertFalse(matches(#"\bcat\b"#, "concat"))
        XCTAssertTrue(matches(#"\bcat\b"#, "écat"), "é is not a word character in ECMA-262, so there is a boundary")
        XCTAssertTrue(matches(#"a\Bb"#, "ab"))
    }

    func testDotMatchesAnythingButLineTerminators() {
        XCTAssertTrue(matches("^a.b$", "a\u{85}b"), "U+0085 is not an ECMA-262 line terminator")
        for terminator in ["\n", "\r", "\u{2028}", "\u{2029}"] {
            XCTAssertFalse(matches("^a.b$", "a" + terminator + "b"))
        }
    }

    func testClassesKeepECMAMeaning() {
        XCTAssertTrue(matches("^[a&&b]$", "&"), "&& is literal in ECMA-262, an intersection in ICU")
        XCTAssertTrue(matches("^[[]$", "["), "[ inside a class is literal")
        XCTAssertTrue(matches("^[0-9-_]$", "-"))
        XCTAssertFalse(matches("^[0-9-_]$", "A"), "9-_ is not a range")
        XCTAssertFalse(matches("^[]$", "a"), "[] matches nothing")
        XCTAssertTrue(matches("^[^]$", "\n"), "[^] matches anything")
        XCTAssertTrue(matches(#"^[\b]$"#, "\u{8}"), "\\b in a class is a backspace")
        XCTAssertTrue(matches(#"^\v$"#, "\u{0B}"))
        XCTAssertFalse(matches(#"^\v$"#, "\n"), "ICU's \\v is a class of vertical space")
        XCTAssertTrue(matches(#"^\a$"#, "a"), "an unknown letter escape is the letter")
        XCTAssertTrue(matches(#"^\u00e9\x41$"#, "éA"))
        XCTAssertTrue(matches("^a{2}}]{$", "aa}]{"), "braces that are no quantifier, and a lone ], are literal")
        XCTAssertTrue(matches("^a{2,}b{1,3}$", "aaabb"))
    }

    func testJavaClassesMeanWhatTheyMeanInJava() {
        XCTAssertTrue(matches(#"^\p{Punct}+$"#, ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##))
        XCTAssertFalse(matches(#"^\p{Punct}$"#, "¡"), "Java's Punct is ASCII only")
        XCTAssertTrue(matches(#"^\p{Alpha}+$"#, "abcXYZ"))
        XCTAssertFalse(matches(#"^\p{Alpha}$"#, "é"))
        XCTAssertTrue(matches(#"^[\p{LD}_]+$"#, "aé9_"))
        XCTAssertTrue(matches(#"^\P{Digit}$"#, "x"))
        XCTAssertTrue(matches(#"^\p{L}+$"#, "éß"))
    }

    func testWhatCannotBeTranslatedIsReported() {
        for pattern in [#"\p{Klingon}"#, "[abc", "(?i)x", "\\", #"\x4"#, #"\u12"#] {
            XCTAssertThrowsError(try PatternTranslator.icuPattern(for: pattern), pattern)
        }
    }
}
