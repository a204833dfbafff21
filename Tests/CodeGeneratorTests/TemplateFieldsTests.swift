@testable import CodeGenerator
import SmithyModel
import XCTest

/// The hand-listed template fields of the hot view models must match their stored properties exactly.
final class TemplateFieldsTests: XCTestCase {
    private func assertFieldsMatchProperties(_ value: some TemplateFields, file: StaticString = #filePath, line: UInt = #line) {
        let properties = Set(Mirror(reflecting: value).children.compactMap(\.label))
        XCTAssertEqual(Set(value.templateFields.keys), properties, "\(type(of: value))", file: file, line: line)
    }

    func testEveryHotViewModelListsAllItsProperties() throws {
        let model = try GeneratorFixture.model(at: "Tests/CodeGeneratorTests/Models/kitchen-sink.json")
        let context = try ServiceContext(model: model, options: GeneratorOptions(), diagnostics: DiagnosticCollector())
        let recursion = RecursionAnalysis(model: model)
        let validation = ValidationBuilder(context: context)
        let structures = context.reachableShapes.filter { $0.type == .structure }.map {
            StructureViewModel(shape: $0, context: context, recursion: recursion, validation: validation, isOperationInput: true)
        }
        let structure = try XCTUnwrap(structures.first { !$0.members.isEmpty })
        assertFieldsMatchProperties(structure)
        assertFieldsMatchProperties(try XCTUnwrap(structure.members.first))
        let enumShape = try XCTUnwrap(context.reachableShapes.first { $0.type == .enum })
        let enumView = EnumViewModel(shape: enumShape, context: context)
        assertFieldsMatchProperties(try XCTUnwrap(enumView.cases.first))
    }
}
