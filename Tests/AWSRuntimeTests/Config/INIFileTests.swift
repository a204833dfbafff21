import XCTest

@testable import AWSRuntime

final class INIFileTests: XCTestCase {
    func testCommentsWhitespaceAndInlineComments() throws {
        let text = """
            # leading comment
            ; another comment style

              [default]   # comment after header
            region=us-west-2
            output   =   json   ; inline comment
            url = https://example.com/#fragment
            empty =

            """
        let file = try INIFile(parsing: text, path: "config")
        XCTAssertEqual(file.sections.map(\.header), ["default"])
        XCTAssertEqual(
            file.sections[0].properties,
            ["region": "us-west-2", "output": "json", "url": "https://example.com/#fragment", "empty": ""])
    }

    func testWindowsLineEndings() throws {
        let file = try INIFile(parsing: "[default]\r\nregion = eu-west-1\r\n", path: "config")
        XCTAssertEqual(file.sections[0].properties["region"], "eu-west-1")
    }

    func testIndentedLinesUnderEmptyValueAreSubProperties() throws {
        let text = """
            [profile dev]
            s3 =
              max_concurrent_requests = 10
              addressing_style = path
            region = us-east-2
            """
        let properties = try INIFile(parsing: text, path: "config").sections[0].properties
        XCTAssertEqual(properties["s3"], "\nmax_concurrent_requests = 10\naddressing_style = path")
        XCTAssertEqual(INIFile.subProperties(of: properties["s3"] ?? ""),
                       ["max_concurrent_requests": "10", "addressing_style": "path"])
        XCTAssertEqual(properties["region"], "us-east-2")
    }

    func testSectionHeaderWithInnerWhitespaceIsTrimmed() throws {
        let file = try INIFile(parsing: "[  profile   dev  ]\nregion = x\n", path: "config")
        XCTAssertEqual(file.sections[0].header, "profile   dev")
        XCTAssertEqual(file.sections[0].line, 1)
    }

    func testLineWithoutEqualsNamesFileAndLineWithoutEchoingIt() {
        let text = "[default]\nregion = us-east-1\nwJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"
        XCTAssertThrowsError(try INIFile(parsing: text, path: "/home/me/.aws/credentials")) { error in
            XCTAssertEqual(
                error as? ConfigError,
                .malformedLine(
                    file: "/home/me/.aws/credentials", line: 3, reason: "Expected an '=' sign defining a property"))
            XCTAssertFalse("\(error)".contains("wJalrXUtnFEMI"))
        }
    }

    func testPropertyBeforeAnySectionIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "region = us-east-1\n", path: "config")) { error in
            guard case .malformedLine(_, let line, let reason) = error as? ConfigError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(line, 1)
            XCTAssertTrue(reason.contains("Expected a profile definition"))
        }
    }

    func testUnclosedSectionHeaderIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default]\na = b\n[profile dev\n", path: "config")) { error in
            XCTAssertEqual(
                error as? ConfigError,
                .malformedLine(file: "config", line: 3, reason: "Profile definition must end with ']'"))
        }
    }

    func testTextAfterSectionHeaderIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default] region = x\n", path: "config")) { error in
            XCTAssertEqual("\(error)", "config:1: unexpected text after ']' of a profile definition")
        }
    }

    func testEmptyPropertyNameIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default]\n= value\n", path: "config")) { error in
            XCTAssertEqual("\(error)", "config:2: Property did not have a name before '='")
        }
    }

    func testIndentedLineContinuesTheValueAbove() throws {
        let file = try INIFile(parsing: "[default]\nName = first\n   second # kept\n", path: "config")
        XCTAssertEqual(file.sections[0].properties, ["name": "first\nsecond # kept"])
    }

    func testIndentedLineWithoutPropertyAboveIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default]\n  stray\n", path: "config")) { error in
            XCTAssertEqual("\(error)", "config:2: Expected a property definition, found continuation (an indented line)")
        }
    }

    func testValueMayContainEquals() throws {
        let file = try INIFile(parsing: "[default]\ncredential_process = tool --opt=a=b\n", path: "config")
        XCTAssertEqual(file.sections[0].properties["credential_process"], "tool --opt=a=b")
    }
}
