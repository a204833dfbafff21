import CodeGenerator
import Foundation
import XCTest

/// What the generated Swift says for the kitchen-sink model, which uses every shape type and trait.
final class GeneratedShapeTests: XCTestCase {
    private static let files: [String: String] = {
        guard let generator = try? GeneratorFixture.generator(),
              let model = try? GeneratorFixture.model(at: "Tests/CodeGeneratorTests/Models/kitchen-sink.json"),
              let files = try? generator.generate(model: model) else { return [:] }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }()

    private var all: String { Self.files.values.sorted().joined(separator: "\n") }

    func testRequiredMembersAreNonOptionalAndOthersOptional() {
        XCTAssertTrue(all.contains("public var count: Int\n"))
        XCTAssertTrue(all.contains("public var big: Int64?\n"))
    }

    func testDefaultsAreHonoured() {
        XCTAssertTrue(all.contains("default: Bool = true"))
        // An output shape: read by its generated JSON reader, with the default for an absent member.
        XCTAssertTrue(all.contains("self.`default` = try json.bool(\"default\") ?? true"))
        XCTAssertTrue(all.contains("try container.encode(self.`default`, forKey: .`default`)"))
    }

    /// Smithy: top-level input members are optional to clients; an unset one is not sent, so the service applies
    /// its default (protocol test `AwsJson10ClientSkipsTopLevelDefaultValuesInInput`).
    func testTopLevelInputDefaultsAreSentOnlyWhenSet() {
        XCTAssertTrue(all.contains("flag: Bool? = nil"))
        XCTAssertTrue(all.contains("addedLater: Int? = nil"))
        XCTAssertTrue(all.contains("try container.encodeIfPresent(self.flag, forKey: .flag)"))
    }

    func testClientOptionalKeepsARequiredMemberOptionalAndValidatesIt() {
        XCTAssertTrue(all.contains("public var optionalFlag: Bool?"))
        XCTAssertTrue(all.contains("if self.optionalFlag == nil { validator.missing(at: path.member(\"optionalFlag\")) }"))
    }

    func testReservedTypeNamesArePrefixedAndKeywordsEscaped() {
        XCTAssertTrue(all.contains("public struct KitchenSinkData:"))
        XCTAssertTrue(all.contains("public var `default`: Bool"))
        XCTAssertTrue(all.contains("public var self_: Int?"))
        XCTAssertTrue(all.contains("case self_ = \"self\""))
    }

    func testRecursiveStructureMemberIsBoxed() {
        XCTAssertTrue(all.contains("@Boxed public var next: KitchenSinkData?"))
    }

    func testRecursiveUnionIsIndirectWithCatchAll() {
        XCTAssertTrue(all.contains("public indirect enum Value: Sendable, Hashable, Codable, Validatable {"))
        XCTAssertTrue(all.contains("case sdkUnknown(String)"))
    }

    func testEnumsKeepUnknownValuesAndAvoidCaseClashes() {
        XCTAssertTrue(all.contains("case darkBlue"))
        XCTAssertTrue(all.contains("case \"dark-blue\": self = .darkBlue"))
        XCTAssertTrue(all.contains("case unknown(String)"))
        // A modelled value named UNKNOWN takes `unknown`, so the catch-all moves aside.
        XCTAssertTrue(all.contains("case sdkUnknown(String)"))
        XCTAssertTrue(all.contains("public enum Level: RawRepresentable, CaseIterable, Sendable, Hashable, Codable {"))
        XCTAssertTrue(all.contains("case 10: self = .high"))
    }

    /// awsJson 1.0/1.1 ignore `jsonName` (protocol test `serializes_structure_members_with_locationname_traits`).
    func testTimestampFormatsIdempotencyTokensAndIgnoredJSONNames() {
        XCTAssertTrue(all.contains("try container.encodeTimestamp(self.when, forKey: .when, format: .dateTime)"))
        XCTAssertTrue(all.contains("try container.encodeTimestamp(self.whenHttp, forKey: .whenHttp, format: .httpDate)"))
        XCTAssertTrue(all.contains("try container.encode(self.token ?? IdempotencyToken.generate(for: encoder), forKey: .token)"))
        XCTAssertTrue(all.contains("case renamed = \"renamed\""))
    }

    func testTypesForEveryShape() {
        for declaration in ["blob: Data?", "tiny: Int8?", "small: Int16?", "ratio: Float?", "precise: Double?",
                            "huge: Decimal?", "exact: Decimal?", "when: Date?", "document: JSONValue?",
                            "maybeWords: [String?]?", "attributes: [String: Value]?", "legacySize: LegacySize?"] {
            XCTAssertTrue(all.contains("public var \(declaration)"), declaration)
        }
    }

    func testDeprecatedMembersAndOperationsAreAnnotatedWithoutWarningsInside() {
        XCTAssertTrue(all.contains("@available(*, deprecated, message: \"Use word.\")"))
        XCTAssertTrue(all.contains("    var _oldField: String?"))
        XCTAssertTrue(all.contains("@available(*, deprecated, message: \"Widgets no longer need shaking. Deprecated since 2024-06-01.\")"))
    }

    func testUnitInputAndOutputOperations() {
        XCTAssertTrue(all.contains("func shakeWidget() async throws\n"))
        XCTAssertTrue(all.contains("func ping() async throws -> PingOutput"))
    }

    func testErrorsCarryFaultStatusAndRetryability() throws {
        let errors = try XCTUnwrap(Self.files["Errors.swift"])
        XCTAssertTrue(errors.contains("public static let tooFast = Code(rawValue: \"TooFast\")"))
        XCTAssertTrue(errors.contains("case \"TooFast\":\n            code = reportedCode ?? .tooFast\n            details = payload.decodeDetails(TooFast.self).map(Details.tooFast)\n            fault = .client\n            isRetryable = true\n            isThrottling = true"))
        XCTAssertTrue(errors.contains("case \"ServiceUnavailable\":\n            code = reportedCode ?? .serviceUnavailable\n            details = payload.decodeDetails(ServiceUnavailable.self).map(Details.serviceUnavailable)\n            fault = .server"))
    }

    func testNestedPaginationPathsAndServiceDefaults() throws {
        let paginators = try XCTUnwrap(Self.files["Paginators.swift"])
        XCTAssertTrue(paginators.contains("outputToken: { output in output.page?.nextToken }"))
        XCTAssertTrue(paginators.contains(".items { output in output.page?.things ?? [] }"))
    }

    func testDocumentationBecomesDocComments() throws {
        let client = try XCTUnwrap(Self.files["Client.swift"])
        XCTAssertTrue(client.contains("/// A service that uses **every** shape type and trait the generator supports.\n///\n/// - first\n/// - second & last"))
        XCTAssertTrue(all.contains("/// Constraints: length 1...4."))
    }

    func testUnanchoredPatternIsKeptAsWritten() throws {
        let validation = try XCTUnwrap(Self.files["Validation.swift"])
        XCTAssertTrue(validation.contains(##"static let pattern1 = ValidationPattern(#"\w+"#, compiled: #"[A-Za-z0-9_]+"#)"##), validation)
    }

    func testSensitiveMembersArePrintedRedacted() {
        XCTAssertTrue(all.contains("extension PutEverythingInput: CustomReflectable {"))
        XCTAssertTrue(all.contains(#""secret": "*** sensitive ***","#))
        XCTAssertFalse(all.contains("extension PutEverythingOutput: CustomReflectable"), "nothing to hide there")
    }

    func testSensitiveUnionMembersArePrintedRedacted() {
        XCTAssertTrue(all.contains("extension Value: CustomReflectable {"))
        XCTAssertTrue(all.contains(#"case .secretText: return Mirror(self, children: ["secretText": "*** sensitive ***"], displayStyle: .enum)"#))
        XCTAssertTrue(all.contains(#"case .text(let value): return Mirror(self, children: ["text": value as Any], displayStyle: .enum)"#))
    }

    func testEnumMapKeysAreStringsCheckedForMembership() {
        XCTAssertTrue(all.contains("public var colorWeights: [String: Int]?"))
        XCTAssertTrue(all.contains(#"validator.checkEnum(isKnown: Color(rawValue: key1).isKnown, rawValue: key1, path: path.member("colorWeights").key(key1))"#))
    }
}
