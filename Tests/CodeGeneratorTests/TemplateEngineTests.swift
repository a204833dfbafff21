import CodeGenerator
import XCTest

final class TemplateEngineTests: XCTestCase {
    private struct Item {
        let name: String
        let isLast: Bool
    }

    private struct Root {
        let title: String
        let items: [Item]
        let flag: Bool
        let missing: String?
    }

    private func render(_ templates: [String: String], _ context: Any, name: String = "main") throws -> String {
        try TemplateSet(sources: templates).parsed().render(name, context: context)
    }

    func testRendersVariablesSectionsAndInvertedSections() throws {
        let root = Root(title: "T", items: [Item(name: "a", isLast: false), Item(name: "b", isLast: true)], flag: false, missing: nil)
        let output = try render(["main": "{{title}}:{{#items}}{{name}}{{^isLast}},{{/isLast}}{{/items}}{{^flag}}!{{/flag}}{{#missing}}x{{/missing}}"], root)
        XCTAssertEqual(output, "T:a,b!")
    }

    func testStandaloneTagsRemoveTheirLine() throws {
        let root = Root(title: "T", items: [Item(name: "a", isLast: true)], flag: true, missing: nil)
        let output = try render(["main": "start\n    {{#items}}\n    - {{name}}\n    {{/items}}\nend\n"], root)
        XCTAssertEqual(output, "start\n    - a\nend\n")
    }

    func testTagsAfterTextOnALineAreNotStandalone() throws {
        let root = Root(title: "T", items: [], flag: true, missing: nil)
        let output = try render(["main": "a {{#flag}}b{{/flag}}\nc\n"], root)
        XCTAssertEqual(output, "a b\nc\n")
    }

    func testIndentedPartialIndentsEveryLine() throws {
        let root = Root(title: "T", items: [], flag: true, missing: nil)
        let output = try render(["main": "{\n    {{>inner}}\n}\n", "inner": "x\ny {{title}}\n"], root)
        XCTAssertEqual(output, "{\n    x\n    y T\n}\n")
    }

    func testDottedNamesAndOuterScopes() throws {
        struct Outer { let root: Root; let prefix: String }
        let outer = Outer(root: Root(title: "T", items: [Item(name: "a", isLast: true)], flag: true, missing: nil), prefix: "p")
        let output = try render(["main": "{{root.title}}{{#root.items}}{{prefix}}{{name}}{{/root.items}}"], outer)
        XCTAssertEqual(output, "Tpa")
    }

    func testUnknownNameIsAnErrorWithTemplateAndLine() {
        let root = Root(title: "T", items: [], flag: true, missing: nil)
        XCTAssertThrowsError(try render(["main": "ok\n{{titel}}"], root)) { error in
            XCTAssertEqual(error as? TemplateError, TemplateError(template: "main", line: 2, message: "no view-model property called titel"))
        }
    }

    func testUnclosedAndMismatchedSectionsAreErrors() {
        XCTAssertThrowsError(try TemplateSet(sources: ["main": "{{#a}}x"]).parsed()) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "{{#a}} is never closed")
        }
        XCTAssertThrowsError(try TemplateSet(sources: ["main": "{{#a}}x{{/b}}"]).parsed()) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "{{/b}} closes {{#a}} opened on line 1")
        }
    }
}
