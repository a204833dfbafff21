import CodeGenerator
import XCTest

final class DocumentationFormatterTests: XCTestCase {
    func testParagraphsCodeAndListsBecomeReadableLines() {
        let html = "<p>Returns <code> images </code> in a\n   repository.</p><note><p>Sizes differ.</p></note><ul><li><p>ARM</p></li><li><p>x86 &amp; x64</p></li></ul>"
        XCTAssertEqual(DocumentationFormatter.lines(html), [
            "Returns `images` in a repository.", "", "Sizes differ.", "", "- ARM", "- x86 & x64",
        ])
    }

    func testLinksKeepTheirTextAndEntitiesDecode() {
        XCTAssertEqual(DocumentationFormatter.lines("See <a href=\"https://x\">the guide</a> &lt;now&gt;."),
                       ["See the guide <now>."])
    }

    func testPlainTextPassesThrough() {
        XCTAssertEqual(DocumentationFormatter.lines("Lists the images."), ["Lists the images."])
        XCTAssertEqual(DocumentationFormatter.lines(nil), [])
    }
}
