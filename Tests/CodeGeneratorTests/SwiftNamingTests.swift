import CodeGenerator
import Foundation
import TestSupport
import XCTest

final class SwiftNamingTests: XCTestCase {
    /// A shape named like a public runtime type would make that name ambiguous for users importing both
    /// modules, so every one is reserved (generated types then take the service prefix).
    func testEveryPublicRuntimeTypeIsReserved() throws {
        let declaration = try NSRegularExpression(pattern: #"^public (?:final class|class|struct|enum|protocol|typealias|actor) ([A-Za-z0-9_]+)"#,
                                                  options: .anchorsMatchLines)
        var names = Set<String>()
        // Generated clients import both modules.
        for module in ["AWSRuntime", "AWSIdentity"] {
            let folder = RepositoryPaths.repository("Sources/\(module)")
            let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
            while let path = enumerator.nextObject() as? String {
                guard path.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    names.insert((text as NSString).substring(with: match.range(at: 1)))
                }
            }
        }
        XCTAssertGreaterThan(names.count, 50)
        for name in names.sorted() {
            XCTAssertTrue(SwiftNaming.isReservedTypeName(name), "add \(name) to SwiftNaming.reservedTypeNames")
        }
    }

    func testLowerCamelMembers() {
        XCTAssertEqual(SwiftNaming.lowerCamel("imageIds"), "imageIds")
        XCTAssertEqual(SwiftNaming.lowerCamel("KMSMasterKeyArn"), "kmsMasterKeyArn")
        XCTAssertEqual(SwiftNaming.lowerCamel("ARN"), "arn")
        XCTAssertEqual(SwiftNaming.lowerCamel("Key"), "key")
        XCTAssertEqual(SwiftNaming.lowerCamel("INVALID_IMAGE_DIGEST"), "invalidImageDigest")
        XCTAssertEqual(SwiftNaming.lowerCamel("SSEType"), "sseType")
    }

    func testDigitsKeepAnUnderscoreBetweenNumbers() {
        XCTAssertEqual(SwiftNaming.lowerCamel("x86_64"), "x86_64")
        XCTAssertEqual(SwiftNaming.lowerCamel("ARM 64"), "arm64")
        XCTAssertEqual(SwiftNaming.lowerCamel("3DES"), "_3des")
    }

    func testServiceTypeNamesFromSDKIds() {
        XCTAssertEqual(SwiftNaming.serviceTypeName(sdkId: "ECR PUBLIC"), "ECRPublic")
        XCTAssertEqual(SwiftNaming.serviceTypeName(sdkId: "ECR"), "ECR")
        XCTAssertEqual(SwiftNaming.serviceTypeName(sdkId: "DynamoDB"), "DynamoDB")
        XCTAssertEqual(SwiftNaming.serviceTypeName(sdkId: "Secrets Manager"), "SecretsManager")
        XCTAssertEqual(SwiftNaming.serviceTypeName(sdkId: "Kitchen Sink"), "KitchenSink")
    }

    func testKeywordsAreEscapedOrRenamed() {
        XCTAssertEqual(SwiftNaming.escapedMember("default"), "`default`")
        XCTAssertEqual(SwiftNaming.escapedMember("internal"), "`internal`")
        XCTAssertEqual(SwiftNaming.escapedMember("type"), "type")
        XCTAssertEqual(SwiftNaming.escapedMember("self"), "self_")
        XCTAssertEqual(SwiftNaming.escapedMember("Type"), "Type_")
        XCTAssertEqual(SwiftNaming.escapedMember("name"), "name")
    }

    func testTypesThatWouldShadowFoundationOrTheRuntimeAreReserved() {
        for name in ["Data", "Date", "Error", "Result", "Client", "URL", "JSONValue"] {
            XCTAssertTrue(SwiftNaming.isReservedTypeName(name), name)
        }
        XCTAssertFalse(SwiftNaming.isReservedTypeName("Repository"))
    }
}
