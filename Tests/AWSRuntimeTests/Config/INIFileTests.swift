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
        XCTAssertEqual(properties["s3.max_concurrent_requests"], "10")
        XCTAssertEqual(properties["s3.addressing_style"], "path")
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
                    file: "/home/me/.aws/credentials", line: 3, reason: "expected 'key = value' but found no '='"))
            XCTAssertFalse("\(error)".contains("wJalrXUtnFEMI"))
        }
    }

    func testPropertyBeforeAnySectionIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "region = us-east-1\n", path: "config")) { error in
            guard case .malformedLine(_, let line, let reason) = error as? ConfigError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(line, 1)
            XCTAssertTrue(reason.contains("outside any [section]"))
        }
    }

    func testUnclosedSectionHeaderIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default]\na = b\n[profile dev\n", path: "config")) { error in
            XCTAssertEqual(
                error as? ConfigError,
                .malformedLine(file: "config", line: 3, reason: "section header '[profile dev' has no ']'"))
        }
    }

    func testTextAfterSectionHeaderIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default] region = x\n", path: "config")) { error in
            XCTAssertEqual("\(error)", "config:1: unexpected text after ']': 'region = x'")
        }
    }

    func testEmptyPropertyNameIsAnError() {
        XCTAssertThrowsError(try INIFile(parsing: "[default]\n = value\n", path: "config")) { error in
            XCTAssertEqual("\(error)", "config:2: property with an empty name before '='")
        }
    }

    func testValueMayContainEquals() throws {
        let file = try INIFile(parsing: "[default]\ncredential_process = tool --opt=a=b\n", path: "config")
        XCTAssertEqual(file.sections[0].properties["credential_process"], "tool --opt=a=b")
    }
}
