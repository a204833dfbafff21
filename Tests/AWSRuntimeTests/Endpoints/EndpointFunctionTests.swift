import Foundation
import XCTest

@testable import AWSRuntime

/// The standard-library functions on their own, with exact expected results.
final class EndpointFunctionTests: XCTestCase {
    func testParseURLSplitsAndNormalizesPath() throws {
        let url = try XCTUnwrap(EndpointURL(parsing: "https://example.com:8443/a/b"))
        XCTAssertEqual(url.value, [
            "scheme": "https", "authority": "example.com:8443", "path": "/a/b", "normalizedPath": "/a/b/",
            "isIp": false,
        ])
        XCTAssertEqual(EndpointURL(parsing: "http://10.0.0.1")?.normalizedPath, "/")
        XCTAssertEqual(EndpointURL(parsing: "http://10.0.0.1")?.isIP, true)
        XCTAssertEqual(EndpointURL(parsing: "https://[::1]:443/x/")?.isIP, true)
        XCTAssertEqual(EndpointURL(parsing: "https://256.0.0.1")?.isIP, false)
    }

    func testParseURLRejectsWhatCannotBeAnEndpoint() {
        XCTAssertNil(EndpointURL(parsing: "ftp://example.com"))
        XCTAssertNil(EndpointURL(parsing: "https://example.com/?q=1"))
        XCTAssertNil(EndpointURL(parsing: "https://example.com#frag"))
        XCTAssertNil(EndpointURL(parsing: "https://example.com:port"))
        XCTAssertNil(EndpointURL(parsing: "https://"))
        XCTAssertNil(EndpointURL(parsing: "example.com"))
    }

    func testParseArnSplitsResourceAtColonsAndSlashes() throws {
        let arn = try XCTUnwrap(AWSARN(parsing: "arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap:object/key"))
        XCTAssertEqual(arn.resourceID, ["accesspoint", "my-ap", "object", "key"])
        XCTAssertEqual(arn.value["accountId"], "123456789012")
        XCTAssertNil(AWSARN(parsing: "arn:aws:s3:us-west-2:123456789012"))
        XCTAssertNil(AWSARN(parsing: "urn:aws:s3:us-west-2:123456789012:x"))
    }

    func testSubstringCountsFromEitherEnd() {
        XCTAssertEqual(EndpointStandardLibrary.substring("abcdefg", start: 1, stop: 3, reverse: false), "bc")
        XCTAssertEqual(EndpointStandardLibrary.substring("abcdefg", start: 1, stop: 3, reverse: true), "ef")
        XCTAssertNil(EndpointStandardLibrary.substring("abcdefg", start: 3, stop: 3, reverse: false))
        XCTAssertNil(EndpointStandardLibrary.substring("abc", start: 0, stop: 4, reverse: false))
        XCTAssertNil(EndpointStandardLibrary.substring("abcé", start: 0, stop: 2, reverse: false))
    }

    func testURIEncodeKeepsOnlyUnreservedCharacters() {
        XCTAssertEqual(EndpointStandardLibrary.uriEncode("a b/c~d_e.f-g"), "a%20b%2Fc~d_e.f-g")
        XCTAssertEqual(EndpointStandardLibrary.uriEncode("é"), "%C3%A9")
    }

    func testHostLabelRules() {
        XCTAssertTrue(EndpointStandardLibrary.isValidHostLabel("us-east-1", allowSubDomains: false))
        XCTAssertFalse(EndpointStandardLibrary.isValidHostLabel("-leading", allowSubDomains: false))
        XCTAssertFalse(EndpointStandardLibrary.isValidHostLabel("trailing-", allowSubDomains: false))
        let sixtyFourCharacters = String(repeating: "a", count: 64)
        XCTAssertFalse(EndpointStandardLibrary.isValidHostLabel(sixtyFourCharacters, allowSubDomains: false))
        XCTAssertTrue(EndpointStandardLibrary.isValidHostLabel("a.b.c", allowSubDomains: true))
        XCTAssertFalse(EndpointStandardLibrary.isValidHostLabel("a..c", allowSubDomains: true))
    }

    func testVirtualHostableBucketNames() {
        XCTAssertTrue(S3BucketName.isVirtualHostable("my-bucket", allowSubDomains: false))
        XCTAssertFalse(S3BucketName.isVirtualHostable("my.bucket", allowSubDomains: false))
        XCTAssertTrue(S3BucketName.isVirtualHostable("my.bucket", allowSubDomains: true))
        XCTAssertFalse(S3BucketName.isVirtualHostable("10.0.0.1", allowSubDomains: true))
        XCTAssertTrue(S3BucketName.isVirtualHostable("a.bucket", allowSubDomains: true), "short labels are fine")
        XCTAssertFalse(S3BucketName.isVirtualHostable("My-Bucket", allowSubDomains: false))
        XCTAssertFalse(S3BucketName.isVirtualHostable("999.1.1.1", allowSubDomains: true))
        XCTAssertFalse(S3BucketName.isVirtualHostable("ab", allowSubDomains: true), "under 3 characters")
    }

    func testGetAttrPathWalksMembersAndIndexes() throws {
        let value: JSONValue = ["a": ["b": ["x", "y"]]]
        XCTAssertEqual(try XCTUnwrap(EndpointAttributePath("a.b[1]")).value(in: value), "y")
        XCTAssertNil(try XCTUnwrap(EndpointAttributePath("a.b[2]")).value(in: value))
        XCTAssertNil(try XCTUnwrap(EndpointAttributePath("a.c")).value(in: value))
        XCTAssertEqual(try XCTUnwrap(EndpointAttributePath("[0]")).value(in: ["z"]), "z")
        XCTAssertNil(EndpointAttributePath("a..b"))
        XCTAssertNil(EndpointAttributePath("a[-1]"))
        XCTAssertNil(EndpointAttributePath(""))
    }
}
