import CodeGenerator
import Foundation
import SmithyModel
import XCTest

/// `smithy.waiters#waitable` → `waitUntil…` methods whose matchers are Swift over the typed output.
final class WaiterGenerationTests: XCTestCase {
    private func generate(waiters: String) throws -> (code: String, warnings: [String]) {
        let model = try GeneratorFixture.model("""
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#Describe"}],
                "traits": {"aws.protocols#awsJson1_1": {}}},
              "t.s#Describe": {"type": "operation", "input": {"target": "t.s#DescribeInput"}, "output": {"target": "t.s#DescribeOutput"},
                "errors": [{"target": "t.s#NotFound"}], "traits": {"smithy.waiters#waitable": {\(waiters)}}},
              "t.s#DescribeInput": {"type": "structure", "members": {"name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}}},
              "t.s#DescribeOutput": {"type": "structure", "members": {"table": {"target": "t.s#Table"}, "ready": {"target": "smithy.api#Boolean"}}},
              "t.s#Table": {"type": "structure", "members": {"status": {"target": "t.s#Status"}, "name": {"target": "smithy.api#String"},
                "items": {"target": "t.s#Names"}, "groups": {"target": "t.s#Groups"}}},
              "t.s#Names": {"type": "list", "member": {"target": "smithy.api#String"}},
              "t.s#Groups": {"type": "list", "member": {"target": "t.s#Group"}},
              "t.s#Group": {"type": "structure", "members": {"names": {"target": "t.s#Names"}}},
              "t.s#Status": {"type": "enum", "members": {"ACTIVE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "ACTIVE"}},
                "FAILED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "FAILED"}}}},
              "t.s#NotFound": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}}
            }}
            """)
        let diagnostics = DiagnosticCollector()
        let files = try GeneratorFixture.generator().generate(model: model, diagnostics: diagnostics)
        let code = try XCTUnwrap(files.first { $0.path == "Client+Waiters.swift" }).contents
        return (code, diagnostics.warnings.map(\.description))
    }

    func testMatchersBecomeSwiftOverTheTypedOutput() throws {
        let (code, warnings) = try generate(waiters: #"""
            "TableActive": {"documentation": "Waits for the table.", "minDelay": 5, "maxDelay": 60, "acceptors": [
              {"state": "success", "matcher": {"output": {"path": "table.status", "comparator": "stringEquals", "expected": "ACTIVE"}}},
              {"state": "failure", "matcher": {"output": {"path": "table.status", "comparator": "stringEquals", "expected": "FAILED"}}},
              {"state": "success", "matcher": {"output": {"path": "ready", "comparator": "booleanEquals", "expected": "true"}}},
              {"state": "success", "matcher": {"inputOutput": {"path": "output.table.name", "comparator": "stringEquals", "expected": "t"}}},
              {"state": "retry", "matcher": {"errorType": "NotFound"}},
              {"state": "success", "matcher": {"success": true}}]}
            """#)
        XCTAssertEqual(warnings, [])
        XCTAssertTrue(code.contains("public func waitUntilTableActive(_ input: DescribeInput, maxWaitTime: Duration = .seconds(300)) async throws -> WaiterResult<DescribeOutput>"), code)
        XCTAssertTrue(code.contains("/// Waits for the table."), code)
        XCTAssertTrue(code.contains("minDelay: .seconds(5), maxDelay: .seconds(60)"), code)
        XCTAssertTrue(code.contains("return output.table?.status?.rawValue == \"ACTIVE\""), code)
        XCTAssertTrue(code.contains("return output.table?.status?.rawValue == \"FAILED\""), code)
        XCTAssertTrue(code.contains("return (output.ready) == true"), code)
        XCTAssertTrue(code.contains("return output.table?.name == \"t\""), code)
        XCTAssertTrue(code.contains("isError(result, code: \"NotFound\")"), code)
        XCTAssertTrue(code.contains("(try? result.get()) != nil"), code)
        XCTAssertTrue(code.contains("try await self.describe(input)"), code)
    }

    func testAWaiterWhosePathIsNotCompiledYetIsLeftOutWithAWarning() throws {
        let (code, warnings) = try generate(waiters: #"""
            "Counted": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "max(table.items) == 'x'", "comparator": "booleanEquals", "expected": "true"}}}]},
            "Active": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "table.status", "comparator": "stringEquals", "expected": "ACTIVE"}}}]},
            "Broken": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "table.nope", "comparator": "stringEquals", "expected": "x"}}}]},
            "bad name": {"acceptors": [{"state": "success", "matcher": {"success": true}}]}
            """#)
        XCTAssertTrue(code.contains("waitUntilActive"), code)
        XCTAssertFalse(code.contains("waitUntilCounted"), code)
        XCTAssertFalse(code.contains("waitUntilBroken"), code)
        XCTAssertFalse(code.contains("bad name"), code)
        XCTAssertEqual(warnings.count, 3, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("\"Counted\" is left out") && $0.contains("calls max()") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("\"Broken\" is left out") && $0.contains("not a member") }, "\(warnings)")
    }

    func testListProjectionsFeedTheAllAndAnyComparators() throws {
        let (code, warnings) = try generate(waiters: #"""
            "AllNamed": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "table.items[]", "comparator": "allStringEquals", "expected": "x"}}},
              {"state": "failure", "matcher": {"output": {"path": "table.items[*]", "comparator": "anyStringEquals", "expected": "bad"}}}]}
            """#)
        XCTAssertEqual(warnings, [])
        XCTAssertTrue(code.contains("return WaiterMatching.all((output.table?.items ?? []), equal: \"x\")"), code)
        XCTAssertTrue(code.contains("return WaiterMatching.any((output.table?.items ?? []), equal: \"bad\")"), code)
    }

    func testFiltersIndexesContainsAndComparisonsCompile() throws {
        let (code, warnings) = try generate(waiters: #"""
            "Filtered": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "length(table.items[?@ == 'x']) > `1`", "comparator": "booleanEquals", "expected": "true"}}},
              {"state": "failure", "matcher": {"output": {"path": "contains(table.items, 'bad')", "comparator": "booleanEquals", "expected": "true"}}},
              {"state": "retry", "matcher": {"output": {"path": "table.items[-1]", "comparator": "stringEquals", "expected": "last"}}},
              {"state": "success", "matcher": {"output": {"path": "table.status != 'FAILED' && ready == `true`", "comparator": "booleanEquals", "expected": "true"}}},
              {"state": "success", "matcher": {"inputOutput": {"path": "input.name == output.table.name", "comparator": "booleanEquals", "expected": "true"}}},
              {"state": "success", "matcher": {"output": {"path": "table.name == `null`", "comparator": "booleanEquals", "expected": "true"}}}]}
            """#)
        XCTAssertEqual(warnings, [])
        XCTAssertTrue(code.contains("return try (WaiterMatching.length(output.table?.items?.filter { element1 in element1 == \"x\" }) > 1) == true"), code)
        XCTAssertTrue(code.contains("return try (WaiterMatching.contains(output.table?.items) { element1 in element1 == \"bad\" }) == true"), code)
        XCTAssertTrue(code.contains("return WaiterMatching.element(output.table?.items, at: -1) == \"last\""), code)
        XCTAssertTrue(code.contains("return ((output.table?.status?.rawValue != \"FAILED\") && ((output.ready) == (true))) == true"), code)
        XCTAssertTrue(code.contains("return (input.name == output.table?.name) == true"), code)
        XCTAssertTrue(code.contains("return (output.table?.name == nil) == true"), code)
    }

    /// `a[*].b[*]` is a list of lists in JMESPath: a string comparator on it never matches, so it is refused
    /// with a hint to flatten, not compiled into a flattened comparison that would match where AWS's would not.
    func testNestedProjectionsAreNotFlattenedBehindTheModelsBack() throws {
        let (code, warnings) = try generate(waiters: #"""
            "Nested": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "table.groups[*].names[*]", "comparator": "anyStringEquals", "expected": "x"}}}]},
            "Flattened": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "table.groups[*].names[*][]", "comparator": "anyStringEquals", "expected": "x"}}}]}
            """#)
        XCTAssertFalse(code.contains("waitUntilNested"), code)
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("\"Nested\" is left out") && $0.contains("flatten it with []") }, "\(warnings)")
        XCTAssertTrue(code.contains("WaiterMatching.any((output.table?.groups?.compactMap { element1 in element1.names }.flatMap { $0 } ?? []), equal: \"x\")"), code)
    }

    /// The test model CI compiles (`.ci/check-generated-models.sh`): every waiter in it is generated, none left out.
    func testTheWaitersTestModelGeneratesEveryWaiter() throws {
        let diagnostics = DiagnosticCollector()
        let files = try GeneratorFixture.generator().generate(
            model: try GeneratorFixture.model(at: "Tests/CodeGeneratorTests/Models/waiters.json"), diagnostics: diagnostics)
        let code = try XCTUnwrap(files.first { $0.path == "Client+Waiters.swift" }).contents
        XCTAssertEqual(diagnostics.warnings.map(\.description), [])
        for name in ["FleetActive", "InstancesRunning", "NamesReady", "MatrixDone", "Healthy", "Echoed", "Gone", "HasGroups",
                     "BigAndFew", "MatrixFilled", "BigGroup", "SomeRunning", "NameListed", "Labelled", "LastInstanceRunning",
                     "Sized", "Unset", "LabelEchoed", "AnyGroupFilled", "Piped"] {
            XCTAssertTrue(code.contains("func waitUntil\(name)("), name)
        }
        XCTAssertTrue(code.contains("(output.fleet?.names?.compactMap { $0 } ?? [])"), "a sparse list drops its nulls")
        XCTAssertTrue(code.contains("(output.fleet?.matrix?.flatMap { $0 } ?? [])"), "flattening a list of lists")
        XCTAssertTrue(code.contains("WaiterMatching.length(output.fleet?.names) < 10"), "length counts a sparse list's nulls")
        XCTAssertTrue(code.contains("guard case .success(_) = result"), "an input-only condition binds no output")
        XCTAssertTrue(code.contains("return try (WaiterMatching.length(output.fleet?.groups) > 0) == true"), "length and a comparison")
    }

    func testAWaiterNameDefinedTwiceIsGeneratedOnce() throws {
        let model = try GeneratorFixture.model(#"""
            {"smithy": "2.0", "shapes": {
              "t.s#Svc": {"type": "service", "version": "1", "operations": [{"target": "t.s#A"}, {"target": "t.s#B"}],
                "traits": {"aws.protocols#awsJson1_1": {}}},
              "t.s#A": {"type": "operation", "traits": {"smithy.waiters#waitable": {"Ready": {"acceptors": [{"state": "success", "matcher": {"success": true}}]}}}},
              "t.s#B": {"type": "operation", "traits": {"smithy.waiters#waitable": {"Ready": {"acceptors": [{"state": "success", "matcher": {"success": true}}]}}}}
            }}
            """#)
        let diagnostics = DiagnosticCollector()
        let files = try GeneratorFixture.generator().generate(model: model, diagnostics: diagnostics)
        let code = try XCTUnwrap(files.first { $0.path == "Client+Waiters.swift" }).contents
        XCTAssertEqual(code.components(separatedBy: "func waitUntilReady(").count, 2, code)
        XCTAssertTrue(diagnostics.warnings.contains { $0.description.contains("defined twice") })
    }

    func testAServiceWithoutWaitersGetsAnEmptyExtensionFile() throws {
        let (code, _) = try generate(waiters: "")
        XCTAssertFalse(code.contains("extension"), code)
    }
}
