import AWSRuntime
import ECRPublic
import Foundation
import TestSupport
import XCTest

/// Each ECR Public constraint: a value just inside and just outside each bound.
final class ECRPublicValidationTests: XCTestCase {
    private func violations(_ input: any OperationInput, options: ValidationOptions = .all) -> [ConstraintViolation] {
        Validator.validate(input, operation: "Test", options: options)?.violations ?? []
    }

    func testEveryLengthBound() {
        for constraint in ECRPublicConstraintTable.lengths {
            if let min = constraint.min {
                XCTAssertEqual(violations(constraint.make(min)), [], "\(constraint.shape) at min \(min)")
                if min > 0 {
                    XCTAssertEqual(violations(constraint.make(min - 1)), [
                        ConstraintViolation(path: constraint.path, constraint: .minLength(min), actual: String(min - 1)),
                    ], constraint.shape)
                }
            }
            if let max = constraint.max {
                XCTAssertEqual(violations(constraint.make(max)), [], "\(constraint.shape) at max \(max)")
                XCTAssertEqual(violations(constraint.make(max + 1)), [
                    ConstraintViolation(path: constraint.path, constraint: .maxLength(max), actual: String(max + 1)),
                ], constraint.shape)
            }
        }
    }

    func testEveryRangeBound() {
        for constraint in ECRPublicConstraintTable.ranges {
            if let min = constraint.min {
                XCTAssertEqual(violations(constraint.make(min)), [], "\(constraint.shape) at min")
                XCTAssertEqual(violations(constraint.make(min - 1)), [
                    ConstraintViolation(path: constraint.path, constraint: .minimum(String(min)), actual: String(min - 1)),
                ], constraint.shape)
            }
            if let max = constraint.max {
                XCTAssertEqual(violations(constraint.make(max)), [], "\(constraint.shape) at max")
                XCTAssertEqual(violations(constraint.make(max + 1)), [
                    ConstraintViolation(path: constraint.path, constraint: .maximum(String(max)), actual: String(max + 1)),
                ], constraint.shape)
            }
        }
    }

    func testEveryPattern() throws {
        for entry in ECRPublicConstraintTable.patterns {
            XCTAssertEqual(violations(entry.make(entry.valid)), [], "\(entry.shape) accepts \(entry.valid)")
            let found = violations(entry.make(entry.invalid))
            XCTAssertEqual(found.count, 1, "\(entry.shape) rejects \(entry.invalid): \(found)")
            XCTAssertEqual(found.first?.path, entry.path)
            XCTAssertEqual(found.first?.actual, "\"\(entry.invalid)\"")
            guard case .pattern = found.first?.constraint else { return XCTFail("\(entry.shape): not a pattern violation") }
        }
    }

    /// The table must cover every constraint the model states on inputs: a new constraint in the model fails here
    /// until it has a test.
    func testTableCoversEveryConstraintInTheModel() throws {
        let data = try Data(contentsOf: RepositoryPaths.repository("models/ecr-public.json"))
        let shapes = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["shapes"] as? [String: [String: Any]])
        var lengths = Set<String>(), ranges = Set<String>(), patterns = Set<String>()
        for (id, shape) in shapes {
            let name = String(id.split(separator: "#").last ?? "")
            let traits = shape["traits"] as? [String: Any] ?? [:]
            if traits["smithy.api#length"] != nil { lengths.insert(name) }
            if traits["smithy.api#range"] != nil { ranges.insert(name) }
            if traits["smithy.api#pattern"] != nil { patterns.insert(name) }
        }
        XCTAssertEqual(lengths.count, 27)  // 17 strings, 2 blobs, 8 lists
        XCTAssertEqual(ranges.count, 2)
        XCTAssertEqual(patterns.count, 6)
        let tested = Set(ECRPublicConstraintTable.lengths.map(\.shape))
        XCTAssertEqual(lengths.subtracting(tested).subtracting(ECRPublicConstraintTable.outputOnly), [])
        XCTAssertEqual(ranges.subtracting(ECRPublicConstraintTable.ranges.map(\.shape)), [])
        // RepositoryName's length and pattern are both covered; Base64 and RegistryAliasName are output-only.
        XCTAssertEqual(patterns.subtracting(ECRPublicConstraintTable.patterns.map(\.shape))
            .subtracting(ECRPublicConstraintTable.outputOnly), [])
    }

    func testStringLengthCountsUnicodeScalarsNotBytesOrGraphemes() {
        // 2 scalars: "é" (one precomposed scalar) and "😀" (one astral-plane scalar, 2 UTF-16 units, 4 bytes).
        XCTAssertEqual(violations(DeleteRepositoryPolicyRequest(repositoryName: "\u{E9}\u{1F600}"))
            .filter { if case .minLength = $0.constraint { true } else { false } }, [])
        // "e" + combining acute accent: one grapheme, two scalars → length 2, still fine; a lone one is too short.
        let description = String(repeating: "\u{1F600}", count: 1024)
        XCTAssertEqual(violations(Valid.catalog(RepositoryCatalogDataInput(description: description))), [])
        XCTAssertEqual(violations(Valid.catalog(RepositoryCatalogDataInput(description: description + "é"))), [
            ConstraintViolation(path: "catalogData.description", constraint: .maxLength(1024), actual: "1025"),
        ])
        let combining = String(repeating: "e\u{301}", count: 512)  // 512 graphemes, 1024 scalars
        XCTAssertEqual(violations(Valid.catalog(RepositoryCatalogDataInput(description: combining))), [])
        XCTAssertEqual(violations(Valid.catalog(RepositoryCatalogDataInput(description: combining + "x"))).count, 1)
    }

    func testBlobLengthCountsBytesNotBase64Characters() {
        // 512,000 bytes are 682,668 base64 characters: still within the 512,000 limit, because bytes count.
        XCTAssertEqual(violations(Valid.catalog(RepositoryCatalogDataInput(logoImageBlob: Data(count: 512_000)))), [])
    }

    func testReportsEveryViolationWithNestedPaths() {
        let input = PutRepositoryCatalogDataRequest(
            registryId: "42", repositoryName: "X",
            catalogData: RepositoryCatalogDataInput(architectures: ["ARM", "", String(repeating: "x", count: 51)]))
        XCTAssertEqual(violations(input).map(\.description), [
            "registryId: value \"42\" does not match the pattern ^[0-9]{12}$",
            "repositoryName: length 1 is less than the minimum 2",
            "repositoryName: value \"X\" does not match the pattern ^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$",
            "catalogData.architectures[1]: length 0 is less than the minimum 1",
            "catalogData.architectures[2]: length 51 is greater than the maximum 50",
        ])
    }

    func testOptionsSelectWhichChecksRun() {
        let input = PutRepositoryCatalogDataRequest(
            registryId: "42", repositoryName: "X",
            catalogData: RepositoryCatalogDataInput(architectures: [String(repeating: "x", count: 51)]))
        XCTAssertEqual(violations(input, options: .none), [])
        XCTAssertEqual(violations(input, options: [.max]).map(\.path), ["catalogData.architectures[0]"])
        XCTAssertEqual(violations(input, options: [.min]).map(\.path), ["repositoryName"])
        XCTAssertEqual(violations(input, options: [.pattern]).map(\.path), ["registryId", "repositoryName"])
    }
}
