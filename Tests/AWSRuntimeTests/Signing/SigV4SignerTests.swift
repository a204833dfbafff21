import Foundation
import XCTest

@testable import AWSRuntime

/// The `URL`-based signer: headers it adds, options, presigning limits and the key cache.
final class SigV4SignerTests: XCTestCase {
    private let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    private let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    func testSignsLikeTheSuiteVanillaCase() throws {
        var request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        try SigV4Signer().sign(&request, credentials: credentials, region: "us-east-1", signingName: "service", date: date)
        XCTAssertEqual(request.headers["Host"], "example.amazonaws.com")
        XCTAssertEqual(request.headers["X-Amz-Date"], "20150830T123600Z")
        XCTAssertEqual(
            request.headers["Authorization"],
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
    }

    func testSigningTwiceReplacesTheSignature() throws {
        var request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let signer = SigV4Signer()
        try signer.sign(&request, credentials: credentials, region: "us-east-1", signingName: "service", date: date)
        let first = request.headers
        try signer.sign(&request, credentials: credentials, region: "us-east-1", signingName: "service", date: date)
        XCTAssertEqual(request.headers, first)
        XCTAssertEqual(request.headers.values(for: "Authorization").count, 1)
    }

    func testNonDefaultPortIsPartOfHost() throws {
        let request = HTTPRequest(method: "GET", url: URL(string: "http://localhost:4566/")!)
        let signed = try SigV4Signer().signed(request, credentials: credentials, region: "us-east-1", signingName: "s3", date: date)
        XCTAssertEqual(signed.headers["Host"], "localhost:4566")
    }

    func testDoubleEncodingOfAnEncodedPath() throws {
        let request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/a%20b/c")!)
        var plain = request
        let result = try SigV4Signer().sign(
            &plain, credentials: credentials, region: "us-east-1", signingName: "service", date: date)
        XCTAssertEqual(result.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1], "/a%2520b/c")
        var s3Request = request
        let s3 = try SigV4Signer().sign(
            &s3Request, credentials: credentials, region: "us-east-1", signingName: "s3", date: date, options: .s3)
        XCTAssertEqual(s3.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1], "/a%20b/c")
    }

    func testUnsignedPayloadAndContentSHA256Header() throws {
        var request = HTTPRequest(
            method: "PUT", url: URL(string: "https://bucket.s3.amazonaws.com/key")!, body: Data("hello".utf8))
        let result = try SigV4Signer().sign(
            &request, credentials: credentials, region: "us-east-1", signingName: "s3", date: date,
            options: SigV4Options(unsignedPayload: true, addContentSHA256Header: true))
        XCTAssertEqual(request.headers["x-amz-content-sha256"], "UNSIGNED-PAYLOAD")
        XCTAssertTrue(result.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        XCTAssertTrue(result.signedHeaders.contains("x-amz-content-sha256"))

        var hashed = request
        try SigV4Signer().sign(
            &hashed, credentials: credentials, region: "us-east-1", signingName: "s3", date: date, options: .s3)
        XCTAssertEqual(
            hashed.headers["x-amz-content-sha256"], "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
    }

    func testSessionTokenIsSignedUnlessOmitted() throws {
        let session = AWSCredentials(accessKeyId: "AKID", secretAccessKey: "S", sessionToken: "TOKEN")
        var request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let signed = try SigV4Signer().sign(&request, credentials: session, region: "us-east-1", signingName: "svc", date: date)
        XCTAssertEqual(signed.signedHeaders, "host;x-amz-date;x-amz-security-token")
        XCTAssertEqual(request.headers["X-Amz-Security-Token"], "TOKEN")
        var omitted = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let unsigned = try SigV4Signer().sign(
            &omitted, credentials: session, region: "us-east-1", signingName: "svc", date: date,
            options: SigV4Options(omitSessionToken: true))
        XCTAssertEqual(unsigned.signedHeaders, "host;x-amz-date")
        XCTAssertEqual(omitted.headers["X-Amz-Security-Token"], "TOKEN")
    }

    func testUserAgentIsNotSigned() throws {
        var request = HTTPRequest(
            method: "GET", url: URL(string: "https://example.amazonaws.com/")!, headers: ["User-Agent": "test/1.0"])
        let result = try SigV4Signer().sign(&request, credentials: credentials, region: "us-east-1", signingName: "s", date: date)
        XCTAssertEqual(result.signedHeaders, "host;x-amz-date")
    }

    func testQueryParametersSortByEncodedKeyThenValue() {
        let canonical = CanonicalRequest(
            method: "GET", path: "/", query: "b=2&a=z&a=y&%7E=1&c", headers: ["Host": "h"], payloadHash: "x")
        XCTAssertEqual(canonical.canonicalQuery, "a=y&a=z&b=2&c=&~=1")
    }

    func testPresignedURLCarriesSignatureAndExpiry() throws {
        let request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/?Param=v")!)
        let url = try SigV4Signer().presignedURL(
            for: request, credentials: credentials, region: "us-east-1", signingName: "service", date: date,
            expiresIn: 3600)
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let byName = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(byName["Param"], "v")
        XCTAssertEqual(byName["X-Amz-Expires"], "3600")
        XCTAssertEqual(byName["X-Amz-Credential"], "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request")
        XCTAssertEqual(byName["X-Amz-Signature"]?.count, 64)
    }

    func testPresignExpiryLimits() throws {
        let request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        let signer = SigV4Signer()
        for valid in [1, 604_800] {
            XCTAssertNoThrow(
                try signer.presignedURL(
                    for: request, credentials: credentials, region: "r", signingName: "s", date: date, expiresIn: valid))
        }
        for invalid in [0, -5, 604_801] {
            XCTAssertThrowsError(
                try signer.presignedURL(
                    for: request, credentials: credentials, region: "r", signingName: "s", date: date, expiresIn: invalid)
            ) { XCTAssertEqual($0 as? SigV4Error, .invalidExpiry(seconds: invalid)) }
        }
    }

    func testSigningKeyIsDerivedOncePerScopeEvenUnderConcurrency() async throws {
        let signer = SigV4Signer()
        let credentials = self.credentials
        let date = self.date
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    var request = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
                    try signer.sign(&request, credentials: credentials, region: "us-east-1", signingName: "svc", date: date)
                }
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(signer.keyCache.derivationCount, 1)
        var other = HTTPRequest(method: "GET", url: URL(string: "https://example.amazonaws.com/")!)
        try signer.sign(&other, credentials: credentials, region: "eu-west-1", signingName: "svc", date: date)
        XCTAssertEqual(signer.keyCache.derivationCount, 2)
    }

    func testTimestampFormatting() {
        XCTAssertEqual(SigV4Timestamp(date).amzDate, "20150830T123600Z")
        XCTAssertEqual(SigV4Timestamp(Date(timeIntervalSince1970: 951_825_599)).amzDate, "20000229T115959Z")
        XCTAssertEqual(SigV4Timestamp(Date(timeIntervalSince1970: 0)).dateStamp, "19700101")
    }

    func testPathNormalization() {
        XCTAssertEqual(CanonicalURI.normalized("/a/b/../c/./d"), "/a/c/d")
        XCTAssertEqual(CanonicalURI.normalized("/a/b/.."), "/a/")
        XCTAssertEqual(CanonicalURI.normalized("//a//b//"), "/a/b/")
        XCTAssertEqual(CanonicalURI.normalized("/../.."), "/")
    }
}
