import Foundation
import XCTest

@testable import AWSRuntime

/// What the signer keeps between requests (date strings per second, signing keys per day) and what it does
/// with the request it is given: bodies of any size, earlier signatures, headers in any case.
final class SigV4SigningCacheTests: XCTestCase {
    private static let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    private let credentials = SigV4SigningCacheTests.credentials
    /// 2015-08-30T23:59:59Z: the last second of a day.
    private static let lastSecondOfDay: TimeInterval = 1_440_979_199
    private let lastSecondOfDay = SigV4SigningCacheTests.lastSecondOfDay

    private func sign(_ signer: SigV4Signer, at seconds: TimeInterval) throws -> HTTPRequest {
        try SigV4SigningCacheTests.sign(signer, at: seconds)
    }

    private static func sign(_ signer: SigV4Signer, at seconds: TimeInterval) throws -> HTTPRequest {
        var request = HTTPRequest(
            method: "POST", url: URL(string: "https://example.amazonaws.com/")!, headers: ["Content-Type": "x"],
            body: Data("{}".utf8))
        try signer.sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "service",
            date: Date(timeIntervalSince1970: seconds))
        return request
    }

    func testCachedDateStringsChangeAtTheSecondAndTheDayBoundary() throws {
        let signer = SigV4Signer()
        let before = try sign(signer, at: lastSecondOfDay + 0.25)
        let sameSecond = try sign(signer, at: lastSecondOfDay + 0.999)
        let after = try sign(signer, at: lastSecondOfDay + 1.0)
        let backAgain = try sign(signer, at: lastSecondOfDay)
        XCTAssertEqual(before.headers["X-Amz-Date"], "20150830T235959Z")
        XCTAssertEqual(sameSecond.headers["X-Amz-Date"], "20150830T235959Z")
        XCTAssertEqual(after.headers["X-Amz-Date"], "20150831T000000Z")
        XCTAssertEqual(backAgain.headers["X-Amz-Date"], "20150830T235959Z")
        XCTAssertTrue(after.headers["Authorization"]!.contains("Credential=AKIDEXAMPLE/20150831/us-east-1/service/"))
        XCTAssertEqual(backAgain.headers["Authorization"], before.headers["Authorization"])
        XCTAssertEqual(signer.keyCache.derivationCount, 2)
        // A signer with nothing cached agrees at every one of those instants.
        for (request, seconds) in [(before, 0.25), (sameSecond, 0.999), (after, 1.0), (backAgain, 0)] {
            let fresh = try sign(SigV4Signer(), at: lastSecondOfDay + seconds)
            XCTAssertEqual(request.headers, fresh.headers)
        }
    }

    func testDatesBeforeNineteenSeventyRoundDown() {
        XCTAssertEqual(SigV4Timestamp(Date(timeIntervalSince1970: -0.5)).amzDate, "19691231T235959Z")
        XCTAssertEqual(SigV4Timestamp(Date(timeIntervalSince1970: -86_400)).amzDate, "19691231T000000Z")
    }

    func testConcurrentSigningAcrossSecondsAndDaysMatchesFreshSigners() async throws {
        let signer = SigV4Signer()
        let offsets: [TimeInterval] = [-1, -0.5, 0, 0.5, 1, 1.5, 2, 86_401]
        let results = try await withThrowingTaskGroup(of: (TimeInterval, HTTPHeaders).self) { group in
            for index in 0..<64 {
                let offset = offsets[index % offsets.count]
                group.addTask {
                    (offset, try SigV4SigningCacheTests.sign(signer, at: SigV4SigningCacheTests.lastSecondOfDay + offset).headers)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (offset, headers) in results {
            XCTAssertEqual(headers, try sign(SigV4Signer(), at: lastSecondOfDay + offset).headers, "offset \(offset)")
        }
        XCTAssertEqual(signer.keyCache.derivationCount, 3)  // 30 Aug, 31 Aug, 1 Sep
    }

    func testEmptyBodySignsTheHashOfNothing() throws {
        var request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let result = try SigV4Signer().sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "service",
            date: Date(timeIntervalSince1970: lastSecondOfDay))
        XCTAssertTrue(
            result.canonicalRequest.hasSuffix("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    func testHugeBodySignsItsHashAndSendsItForS3() throws {
        let body = Data((0..<(9 * 1024 * 1024 + 7)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let expected = SHA256.hash(body).hexString
        var request = HTTPRequest(method: "PUT", url: URL(string: "https://bucket.s3.amazonaws.com/k")!, body: body)
        let result = try SigV4Signer().sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "s3",
            date: Date(timeIntervalSince1970: lastSecondOfDay), options: .s3)
        XCTAssertTrue(result.canonicalRequest.hasSuffix("\n" + expected))
        XCTAssertTrue(result.canonicalRequest.contains("\nx-amz-content-sha256:\(expected)\n"))
        XCTAssertEqual(request.headers["x-amz-content-sha256"], expected)
    }

    func testEarlierSigningHeadersInAnyCaseAreReplacedAndOthersKeepTheirOrder() throws {
        var request = HTTPRequest(
            method: "GET", url: URL(string: "https://example.amazonaws.com/")!,
            headers: HTTPHeaders([
                ("authorization", "old"), ("B", "1"), ("X-AMZ-DATE", "old"), ("x-amz-SECURITY-token", "old"),
                ("A", "2"), ("X-Amz-Content-SHA256", "old"),
            ]))
        try SigV4Signer().sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "s3",
            date: Date(timeIntervalSince1970: lastSecondOfDay), options: .s3)
        XCTAssertEqual(
            request.headers.fields.map(\.name),
            ["B", "A", "Host", "X-Amz-Date", "x-amz-content-sha256", "Authorization"])
        XCTAssertEqual(request.headers["X-Amz-Date"], "20150830T235959Z")
        XCTAssertFalse(request.headers.fields.contains { $0.value == "old" })
    }

    func testAHostHeaderInAnyCaseIsKept() throws {
        var request = HTTPRequest(
            method: "GET", url: URL(string: "https://example.amazonaws.com/")!, headers: ["HOST": "example.com"])
        let result = try SigV4Signer().sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "service",
            date: Date(timeIntervalSince1970: lastSecondOfDay))
        XCTAssertEqual(request.headers.values(for: "host"), ["example.com"])
        XCTAssertTrue(result.canonicalRequest.contains("\nhost:example.com\n"))
    }

    func testSignatureParts() throws {
        var request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let result = try SigV4Signer().sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "service",
            date: Date(timeIntervalSince1970: 1_440_938_160))
        XCTAssertEqual(result.credentialScope, "20150830/us-east-1/service/aws4_request")
        XCTAssertEqual(
            result.stringToSign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + SHA256.hash(Data(result.canonicalRequest.utf8)).hexString)
        XCTAssertEqual(result.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }
}
