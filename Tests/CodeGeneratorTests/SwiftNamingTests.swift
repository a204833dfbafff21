import CodeGenerator
import XCTest

final class SwiftNamingTests: XCTestCase {
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
