import Foundation
import XCTest

/// Checks that `models/ecr-public.json` (our copy, with documentation written by us) carries exactly the
/// same shapes, members, types, targets and traits as the official Amazon ECR Public model kept in
/// `../shared/models/ecr-public.json`. Only the values of `smithy.api#documentation` may differ, and the
/// trait must sit on the same shapes and members in both files.
final class ModelFileEquivalenceTests: XCTestCase {

    // MARK: - Tests

    func testOurModelMatchesOfficialModelIgnoringDocumentationText() throws {
        let ours = try loadOurModel()
        let official = try loadOfficialModel()

        let report = ModelComparator.compare(ours: ours, official: official)

        for difference in report.differences {
            XCTFail(difference)
        }
        XCTAssertGreaterThan(report.shapesCompared, 0, "no shapes were compared")
        XCTAssertGreaterThan(report.traitsCompared, 0, "no traits were compared")
        print(
            "ModelFileEquivalenceTests: compared \(report.shapesCompared) shapes, "
                + "\(report.membersCompared) members and \(report.traitsCompared) traits "
                + "(\(report.documentationTraitsSeen) documentation traits checked for presence only); "
                + "\(report.differences.count) differences")
    }

    func testComparatorReportsAChangedLengthConstraint() throws {
        let ours = try loadOurModel()
        guard case .object(let shapes)? = ours["shapes"] else {
            return XCTFail("models/ecr-public.json has no shapes object")
        }
        // Pick the first shape (in sorted order) whose length trait has a `min`, and bump it.
        let candidate = shapes.keys.sorted().first { id in
            if case .number? = shapes[id]?["traits"]?["smithy.api#length"]?["min"] { return true }
            return false
        }
        let shapeId = try XCTUnwrap(candidate, "no shape with a smithy.api#length min in our model")
        guard case .number(let min)? = shapes[shapeId]?["traits"]?["smithy.api#length"]?["min"] else {
            return XCTFail("unreachable")
        }
        let mutated = ours.replacing(
            at: ["shapes", shapeId, "traits", "smithy.api#length", "min"], with: .number(min + 1))

        XCTAssertEqual(ModelComparator.compare(ours: ours, official: ours).differences, [])

        let report = ModelComparator.compare(ours: mutated, official: ours)
        XCTAssertEqual(report.differences.count, 1, "\(report.differences)")
        let message = try XCTUnwrap(report.differences.first)
        XCTAssertTrue(message.contains(shapeId), message)
        XCTAssertTrue(message.contains("smithy.api#length"), message)
        XCTAssertTrue(message.contains(".min"), message)
    }

    func testComparatorReportsStructuralAndTraitChanges() throws {
        let ours = try loadOurModel()
        let shapeId = "com.amazonaws.ecrpublic#DescribeImagesRequest"
        XCTAssertNotNil(ours["shapes"]?[shapeId], "expected \(shapeId) in our model")

        func differences(_ mutated: JSONValue) -> [String] {
            ModelComparator.compare(ours: mutated, official: ours).differences
        }
        func assertReported(
            _ mutated: JSONValue, mentioning needles: [String], file: StaticString = #filePath, line: UInt = #line
        ) {
            let found = differences(mutated)
            XCTAssertFalse(found.isEmpty, "mutation went unnoticed", file: file, line: line)
            for needle in needles {
                XCTAssertTrue(
                    found.contains { $0.contains(needle) }, "no difference mentions \(needle): \(found)",
                    file: file, line: line)
            }
        }

        // A member's target changes.
        assertReported(
            ours.replacing(
                at: ["shapes", shapeId, "members", "repositoryName", "target"],
                with: .string("com.amazonaws.ecrpublic#RegistryId")),
            mentioning: [shapeId, "repositoryName", "target"])
        // A required trait disappears from a member.
        assertReported(
            ours.replacing(
                at: ["shapes", shapeId, "members", "repositoryName", "traits", "smithy.api#required"], with: nil),
            mentioning: [shapeId, "repositoryName", "smithy.api#required"])
        // A member disappears.
        assertReported(
            ours.replacing(at: ["shapes", shapeId, "members", "maxResults"], with: nil),
            mentioning: [shapeId, "maxResults"])
        // A shape disappears.
        assertReported(ours.replacing(at: ["shapes", shapeId], with: nil), mentioning: [shapeId])
        // A shape's type changes.
        assertReported(
            ours.replacing(at: ["shapes", shapeId, "type"], with: .string("union")),
            mentioning: [shapeId, "type"])
        // A trait value changes kind (an empty object becomes a boolean).
        assertReported(
            ours.replacing(
                at: ["shapes", shapeId, "members", "repositoryName", "traits", "smithy.api#required"],
                with: .bool(true)),
            mentioning: [shapeId, "smithy.api#required"])
        // A boolean inside the endpoint rule set becomes the number 0: kinds must not be conflated.
        let serviceId = "com.amazonaws.ecrpublic#SpencerFrontendService"
        let useFIPSDefault = ["shapes", serviceId, "traits", "smithy.rules#endpointRuleSet", "parameters", "UseFIPS", "default"]
        XCTAssertEqual(ours["shapes"]?[serviceId]?["traits"]?["smithy.rules#endpointRuleSet"]?["parameters"]?["UseFIPS"]?["default"], .bool(false))
        assertReported(
            ours.replacing(at: useFIPSDefault, with: .number(0)),
            mentioning: [serviceId, "smithy.rules#endpointRuleSet", "UseFIPS.default"])
        // A documentation string inside the endpoint rule set is a fact, not ours to rewrite.
        assertReported(
            ours.replacing(
                at: ["shapes", serviceId, "traits", "smithy.rules#endpointRuleSet", "parameters", "Region", "documentation"],
                with: .string("Changed.")),
            mentioning: [serviceId, "smithy.rules#endpointRuleSet", "Region.documentation"])
        // A documentation trait disappears: presence matters even though the text is ignored.
        assertReported(
            ours.replacing(
                at: ["shapes", shapeId, "members", "registryId", "traits", "smithy.api#documentation"], with: nil),
            mentioning: [shapeId, "registryId", "smithy.api#documentation"])
        // Documentation text changes are ignored.
        XCTAssertEqual(
            differences(
                ours.replacing(
                    at: ["shapes", shapeId, "members", "registryId", "traits", "smithy.api#documentation"],
                    with: .string("Anything at all."))),
            [])
    }

    func testOurDocumentationHasNoHTMLTags() throws {
        let ours = try loadOurModel()
        let docs = documentation(in: ours)
        XCTAssertFalse(docs.isEmpty, "our model has no documentation at all")
        for (location, text) in docs.sorted(by: { $0.key < $1.key }) {
            XCTAssertFalse(
                text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(location): empty documentation")
            if let range = text.range(of: "</?[A-Za-z][A-Za-z0-9-]*(\\s[^>]*)?/?>", options: .regularExpression) {
                XCTFail("\(location): HTML tag \(text[range]) in documentation: \(text)")
            }
        }
    }

    func testEveryOfficiallyDocumentedShapeAndMemberIsDocumentedInOurs() throws {
        let ours = documentation(in: try loadOurModel())
        let official = documentation(in: try loadOfficialModel())

        for location in official.keys.sorted() where ours[location] == nil {
            XCTFail("\(location) is documented in the official model but not in ours")
        }
        for location in ours.keys.sorted() where official[location] == nil {
            XCTFail("\(location) is documented in ours but not in the official model")
        }
        for location in official.keys.sorted() {
            if let text = ours[location], text == official[location] {
                XCTFail("\(location): documentation is copied verbatim from the official model")
            }
        }
        print("ModelFileEquivalenceTests: \(official.count) documented shapes/members in the official model, \(ours.count) in ours")
    }

    // MARK: - Loading

    private static var repositoryRoot: URL {
        // <root>/Tests/SmithyModelTests/ModelFileEquivalenceTests.swift
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private func loadOurModel() throws -> JSONValue {
        let url = Self.repositoryRoot.appendingPathComponent("models/ecr-public.json")
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    private func loadOfficialModel() throws -> JSONValue {
        let url = Self.repositoryRoot
            .appendingPathComponent("../shared/models/ecr-public.json")
            .standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("official model \(url.path) is missing, skipped")
        }
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    /// Documentation trait values keyed by `shapeId` or `shapeId$member`.
    private func documentation(in model: JSONValue) -> [String: String] {
        var result: [String: String] = [:]
        guard case .object(let shapes)? = model["shapes"] else { return result }
        for (id, shape) in shapes {
            if case .string(let text)? = shape["traits"]?[ModelComparator.documentationTrait] {
                result[id] = text
            }
            if case .object(let members)? = shape["members"] {
                for (name, member) in members {
                    if case .string(let text)? = member["traits"]?[ModelComparator.documentationTrait] {
                        result["\(id)$\(name)"] = text
                    }
                }
            }
        }
        return result
    }
}

// MARK: - Comparator

private struct ComparisonReport {
    var shapesCompared = 0
    var membersCompared = 0
    var traitsCompared = 0
    var documentationTraitsSeen = 0
    var differences: [String] = []
}

private enum ModelComparator {
    static let documentationTrait = "smithy.api#documentation"

    static func compare(ours: JSONValue, official: JSONValue) -> ComparisonReport {
        var report = ComparisonReport()
        guard case .object(let ourTop) = ours, case .object(let officialTop) = official else {
            report.differences.append("$: top level of a model file is not a JSON object")
            return report
        }

        // Everything outside `shapes` (smithy version, metadata) must match exactly.
        for key in Set(ourTop.keys).union(officialTop.keys).sorted() where key != "shapes" {
            diff(ourTop[key], officialTop[key], path: "$" + pathComponent(key), context: "top-level \"\(key)\"",
                 into: &report.differences)
        }

        guard case .object(let ourShapes)? = ourTop["shapes"],
            case .object(let officialShapes)? = officialTop["shapes"]
        else {
            diff(ourTop["shapes"], officialTop["shapes"], path: "$.shapes", context: "shapes",
                 into: &report.differences)
            return report
        }

        for id in Set(ourShapes.keys).union(officialShapes.keys).sorted() {
            let path = "$.shapes" + pathComponent(id)
            guard let ourShape = ourShapes[id] else {
                report.differences.append("shape \(id): missing from our model (\(path))")
                continue
            }
            guard let officialShape = officialShapes[id] else {
                report.differences.append("shape \(id): not in the official model (\(path))")
                continue
            }
            report.shapesCompared += 1
            compareShapeOrMember(ourShape, officialShape, label: "shape \(id)", path: path, report: &report)

            if case .object(let ourMembers)? = ourShape["members"],
                case .object(let officialMembers)? = officialShape["members"]
            {
                for name in Set(ourMembers.keys).union(officialMembers.keys).sorted() {
                    let memberPath = path + ".members" + pathComponent(name)
                    guard let ourMember = ourMembers[name], let officialMember = officialMembers[name] else {
                        let side = ourMembers[name] == nil ? "missing from our model" : "not in the official model"
                        report.differences.append("shape \(id), member \(name): \(side) (\(memberPath))")
                        continue
                    }
                    report.membersCompared += 1
                    compareShapeOrMember(
                        ourMember, officialMember, label: "shape \(id), member \(name)", path: memberPath,
                        report: &report)
                }
            }
        }
        return report
    }

    /// Compares every property of a shape or member; `traits` trait by trait, `members` handled by the caller
    /// (unless one side is not an object, which is reported here).
    private static func compareShapeOrMember(
        _ ours: JSONValue, _ official: JSONValue, label: String, path: String, report: inout ComparisonReport
    ) {
        guard case .object(let ourObject) = ours, case .object(let officialObject) = official else {
            diff(ours, official, path: path, context: label, into: &report.differences)
            return
        }
        for key in Set(ourObject.keys).union(officialObject.keys).sorted() {
            let keyPath = path + pathComponent(key)
            switch key {
            case "traits":
                compareTraits(ourObject[key], officialObject[key], label: label, path: keyPath, report: &report)
            case "members":
                if case .object? = ourObject[key], case .object? = officialObject[key] { continue }
                diff(ourObject[key], officialObject[key], path: keyPath, context: "\(label), members",
                     into: &report.differences)
            default:
                diff(ourObject[key], officialObject[key], path: keyPath, context: "\(label), \"\(key)\"",
                     into: &report.differences)
            }
        }
    }

    private static func compareTraits(
        _ ours: JSONValue?, _ official: JSONValue?, label: String, path: String, report: inout ComparisonReport
    ) {
        let ourTraits: [String: JSONValue]
        let officialTraits: [String: JSONValue]
        switch (ours, official) {
        case (.object(let a)?, .object(let b)?): (ourTraits, officialTraits) = (a, b)
        case (.object(let a)?, nil): (ourTraits, officialTraits) = (a, [:])
        case (nil, .object(let b)?): (ourTraits, officialTraits) = ([:], b)
        default:
            diff(ours, official, path: path, context: "\(label), traits", into: &report.differences)
            return
        }
        for trait in Set(ourTraits.keys).union(officialTraits.keys).sorted() {
            let traitPath = path + pathComponent(trait)
            let context = "\(label), trait \(trait)"
            guard let ourValue = ourTraits[trait], let officialValue = officialTraits[trait] else {
                let side = ourTraits[trait] == nil ? "missing from our model" : "not in the official model"
                report.differences.append("\(context): \(side) (\(traitPath))")
                continue
            }
            report.traitsCompared += 1
            if trait == documentationTrait {
                report.documentationTraitsSeen += 1
                // Text is ours to write; only require a string on both sides.
                if case .string = ourValue, case .string = officialValue { continue }
            }
            diff(ourValue, officialValue, path: traitPath, context: context, into: &report.differences)
        }
    }

    /// Structural comparison that reports the deepest differing JSON path.
    private static func diff(
        _ ours: JSONValue?, _ official: JSONValue?, path: String, context: String, into differences: inout [String]
    ) {
        switch (ours, official) {
        case (nil, nil):
            return
        case (nil, let b?):
            differences.append("\(context): missing from our model at \(path) (official: \(b.summary))")
        case (let a?, nil):
            differences.append("\(context): not in the official model at \(path) (ours: \(a.summary))")
        case (.object(let a)?, .object(let b)?):
            for key in Set(a.keys).union(b.keys).sorted() {
                diff(a[key], b[key], path: path + pathComponent(key), context: context, into: &differences)
            }
        case (.array(let a)?, .array(let b)?):
            if a.count != b.count {
                differences.append(
                    "\(context): array length differs at \(path): ours \(a.count), official \(b.count)")
            }
            for index in 0..<min(a.count, b.count) {
                diff(a[index], b[index], path: "\(path)[\(index)]", context: context, into: &differences)
            }
        case (let a?, let b?):
            if a != b {
                differences.append("\(context): value differs at \(path): ours \(a.summary), official \(b.summary)")
            }
        }
    }

    private static func pathComponent(_ key: String) -> String {
        let simple = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return simple ? ".\(key)" : "[\"\(key)\"]"
    }
}

// MARK: - JSON value

/// A JSON value decoded without losing the difference between booleans and numbers.
private enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unsupported JSON value")
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// A copy with the value at `path` (object keys) replaced, or removed when `value` is nil.
    func replacing(at path: [String], with value: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var object) = self else { return value ?? .null }
        if path.count == 1 {
            object[key] = value
        } else if let child = object[key] {
            object[key] = child.replacing(at: Array(path.dropFirst()), with: value)
        }
        return .object(object)
    }

    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value) (boolean)"
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? "\(Int64(value)) (number)" : "\(value) (number)"
        case .string(let value): return value.count > 80 ? "\"\(value.prefix(80))…\"" : "\"\(value)\""
        case .array(let value): return "array of \(value.count)"
        case .object(let value): return "object with keys \(value.keys.sorted())"
        }
    }
}
