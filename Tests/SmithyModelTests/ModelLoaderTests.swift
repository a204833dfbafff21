import Foundation
import SmithyModel
import TestSupport
import XCTest

final class ModelLoaderTests: XCTestCase {
    func testLoadsOurECRPublicModel() throws {
        let model = try ModelLoader.load(contentsOf: RepositoryPaths.repository("models/ecr-public.json"))
        XCTAssertEqual(model.smithyVersion, "2.0")
        XCTAssertEqual(model.shapes.count, 173)
        let service = try XCTUnwrap(model.services.first)
        XCTAssertEqual(service.id.description, "com.amazonaws.ecrpublic#SpencerFrontendService")
        XCTAssertEqual(service.version, "2020-10-30")
        XCTAssertEqual(model.operations(of: service).count, 23)
        XCTAssertEqual(service.traits.awsService?.sdkId, "ECR PUBLIC")
        XCTAssertEqual(service.traits.sigv4SigningName, "ecr-public")
        XCTAssertTrue(service.traits.has(TraitID.awsJson1_1))
    }

    func testReadsTheTraitsAClientNeeds() throws {
        let model = try ModelLoader.load(contentsOf: RepositoryPaths.repository("models/ecr-public.json"))
        let describeImages = try XCTUnwrap(model.shape(ShapeID("com.amazonaws.ecrpublic#DescribeImages")!))
        XCTAssertEqual(describeImages.traits.paginated, PaginatedTrait(
            inputToken: "nextToken", outputToken: "nextToken", items: "imageDetails", pageSize: "maxResults"))
        let name = try XCTUnwrap(model.shape(ShapeID("com.amazonaws.ecrpublic#RepositoryName")!))
        XCTAssertEqual(name.traits.length, LengthConstraint(min: 2, max: 205))
        XCTAssertNotNil(name.traits.pattern)
        let maxResults = try XCTUnwrap(model.shape(ShapeID("com.amazonaws.ecrpublic#MaxResults")!))
        XCTAssertEqual(maxResults.traits.range, RangeConstraint(min: "1", max: "1000"))
        let notFound = try XCTUnwrap(model.shape(ShapeID("com.amazonaws.ecrpublic#RepositoryNotFoundException")!))
        XCTAssertEqual(notFound.traits.errorFault, .client)
    }

    func testLoadsEveryOfficialModel() throws {
        for name in ["ecr-public", "ecr", "dynamodb", "secrets-manager"] {
            guard let url = RepositoryPaths.sharedFile("models/\(name).json") else { continue }
            let model = try ModelLoader.load(contentsOf: url)
            XCTAssertEqual(model.services.count, 1, name)
        }
    }

    func testOperationsReachedThroughResourcesCount() throws {
        let model = try ModelLoader.load(contentsOf: RepositoryPaths.repository("Tests/CodeGeneratorTests/Models/kitchen-sink.json"))
        let service = try XCTUnwrap(model.services.first)
        XCTAssertEqual(model.operations(of: service).map(\.id.name),
                       ["GetWidget", "ListThings", "Ping", "PutEverything", "ShakeWidget"])
    }

    func testApplyAddsTraitsToAMember() throws {
        let model = try ModelLoader.load(contentsOf: RepositoryPaths.repository("Tests/CodeGeneratorTests/Models/kitchen-sink.json"))
        let tag = try XCTUnwrap(model.shape(ShapeID("example.kitchensink#Tag")!))
        XCTAssertEqual(tag.member(named: "Value")?.traits.documentation, "Documentation applied from outside the shape.")
    }

    func testPreludeShapesResolve() throws {
        let model = try load(#"{"smithy": "2.0", "shapes": {"a.b#S": {"type": "structure", "members": {"n": {"target": "smithy.api#PrimitiveInteger"}}}}}"#)
        let primitive = try XCTUnwrap(model.shape(ShapeID("smithy.api#PrimitiveInteger")!))
        XCTAssertEqual(primitive.traits.defaultValue, .number("0"))
    }

    func testSmithy1SetBecomesAListOfUniqueItems() throws {
        let model = try load(#"{"smithy": "1.0", "shapes": {"a.b#Names": {"type": "set", "member": {"target": "smithy.api#String"}}}}"#)
        let shape = try XCTUnwrap(model.shape(ShapeID("a.b#Names")!))
        XCTAssertTrue(shape.traits.isUniqueItems)
        XCTAssertTrue(model.isSmithy1)
    }

    func testUnknownTraitsAreKept() throws {
        let model = try load(#"{"smithy": "2.0", "shapes": {"a.b#S": {"type": "string", "traits": {"x.y#custom": {"k": 1}}}}}"#)
        XCTAssertEqual(model.shape(ShapeID("a.b#S")!)?.traits["x.y#custom"]?["k"], .number("1"))
    }

    // MARK: - Diagnostics

    func testInvalidJSONNamesLineAndColumn() {
        assertModelError("{\n \"smithy\": \"2.0\",\n \"shapes\": {,}\n}", [
            "error: invalid JSON at line 3, column 13: expected a string key in object [at $]",
        ])
    }

    func testUnsupportedVersionNamesThePath() {
        assertModelError(#"{"smithy": "3.0", "shapes": {}}"#, [
            "error: unsupported Smithy version \"3.0\" (supported: 1.0, 2.0) [at $.smithy]",
        ])
    }

    func testMissingTargetNamesTheMemberAndPath() {
        assertModelError(#"{"smithy": "2.0", "shapes": {"a.b#S": {"type": "structure", "members": {"m": {"target": "a.b#Missing"}}}}}"#, [
            "error: member targets a.b#Missing, which is not defined in the model or the prelude [shape a.b#S$m at $.shapes[\"a.b#S\"].members.m.target]",
        ])
    }

    func testUnknownShapeTypeAndMissingTypeAreReportedTogether() {
        assertModelError(#"{"smithy": "2.0", "shapes": {"a.b#X": {"type": "widget"}, "a.b#Y": {}}}"#, [
            "error: unknown shape type \"widget\" [shape a.b#X at $.shapes[\"a.b#X\"].type]",
            "error: shape has no \"type\" [shape a.b#Y at $.shapes[\"a.b#Y\"]]",
        ])
    }

    func testApplyToAMissingShapeIsAnError() {
        assertModelError(#"{"smithy": "2.0", "shapes": {"a.b#Gone": {"type": "apply", "traits": {}}}}"#, [
            "error: \"apply\" targets a shape that does not exist [shape a.b#Gone at $.shapes[\"a.b#Gone\"]]",
        ])
    }

    func testBadOperationReferenceIsAnError() {
        assertModelError(#"{"smithy": "2.0", "shapes": {"a.b#Op": {"type": "operation", "input": {"target": "a.b#In"}}}}"#, [
            "error: input references a.b#In, which is not defined [shape a.b#Op at $.shapes[\"a.b#Op\"].input]",
        ])
    }

    private func load(_ text: String) throws -> Model {
        try ModelLoader.load(data: Data(text.utf8))
    }

    private func assertModelError(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(text), file: file, line: line) { error in
            guard let modelError = error as? ModelError else {
                return XCTFail("expected ModelError, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(modelError.diagnostics.map(\.description), expected, file: file, line: line)
        }
    }
}
