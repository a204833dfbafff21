import Foundation
import XCTest

@testable import AWSRuntime

/// Presigned URLs: the signature against AWS's published S3 example, and the runtime's presigning of an
/// operation for each kind of protocol.
final class PresignTests: XCTestCase {
    /// The example of "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)" in the S3 API
    /// reference: GET /test.txt from examplebucket, 24 hours.
    func testTheS3DocumentationExample() throws {
        var options = SigV4Options.s3
        options.unsignedPayload = true
        options.addContentSHA256Header = false
        let url = try SigV4Signer().presignedURL(
            for: HTTPRequest(method: "GET", url: URL(string: "https://examplebucket.s3.amazonaws.com/test.txt")!),
            credentials: AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", signingName: "s3", date: Date(timeIntervalSince1970: 1_369_353_600), expiresIn: 86_400,
            options: options)
        XCTAssertTrue(url.absoluteString.hasSuffix(
            "X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"), url.absoluteString)
    }

    private func runtime(_ wireProtocol: ServiceMetadata.WireProtocol, sdkId: String) -> ServiceRuntime {
        ServiceRuntime(
            metadata: ServiceMetadata(sdkId: sdkId, signingName: "s3", targetPrefix: "AmazonS3", wireProtocol: wireProtocol,
                                      apiVersion: "2006-03-01", endpointRuleSet: nil),
            configuration: ClientConfiguration(
                region: "us-east-1",
                credentialProvider: StaticCredentialProvider(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET"),
                endpointURL: "https://examplebucket.s3.amazonaws.com", environment: [:]))
    }

    func testARESTOperationIsPresignedWithItsPathAndQuery() async throws {
        let url = try await runtime(.restXml, sdkId: "S3").presignedURL(
            operation: "GetObject", input: GetObjectTestInput(bucket: "examplebucket", key: "photos/a b.jpg"),
            http: HTTPRoute(method: "GET", uri: "/{Bucket}/{Key+}?x-id=GetObject"), expiresIn: .seconds(600))
        XCTAssertEqual(url.host, "examplebucket.s3.amazonaws.com")
        XCTAssertEqual(url.path(percentEncoded: true), "/photos/a%20b.jpg", "the bucket is the endpoint's, not the path's")
        let query = url.query ?? ""
        for parameter in ["x-id=GetObject", "X-Amz-Expires=600", "X-Amz-SignedHeaders=host", "X-Amz-Credential=AKIDEXAMPLE%2F"] {
            XCTAssertTrue(query.contains(parameter), "\(parameter) in \(query)")
        }
        XCTAssertFalse(url.absoluteString.contains("SECRET"))
    }

    func testHeaderBoundMembersAndBodyProtocolsAreRefused() async {
        do {
            _ = try await runtime(.restXml, sdkId: "S3").presignedURL(
                operation: "GetObject", input: GetObjectTestInput(bucket: "b", key: "k", range: "bytes=0-9"),
                http: HTTPRoute(method: "GET", uri: "/{Bucket}/{Key+}"), expiresIn: .seconds(60))
            XCTFail("a Range header cannot ride in a URL")
        } catch {
            XCTAssertTrue("\(error)".contains("Range"), "\(error)")
        }
        do {
            _ = try await runtime(.awsJson1_1, sdkId: "Other").presignedURL(
                operation: "Op", input: EmptyInput(), expiresIn: .seconds(60))
            XCTFail("awsJson requests live in their bodies")
        } catch {
            XCTAssertTrue("\(error)".contains("cannot be presigned"), "\(error)")
        }
        do {
            _ = try await runtime(.restXml, sdkId: "S3").presignedURL(
                operation: "GetObject", input: GetObjectTestInput(bucket: "b", key: "k"),
                http: HTTPRoute(method: "GET", uri: "/{Bucket}/{Key+}"), expiresIn: .seconds(604_801))
            XCTFail("longer than 7 days")
        } catch {}
    }

    private struct Query: OperationInput, QueryEncodable {
        func encodeQuery(to writer: inout QueryFormWriter, prefix: String) {
            writer.value(prefix + "RoleArn", "arn:aws:iam::123456789012:role/a b")
        }
        func validate(_ validator: inout Validator, path: MemberPath) {}
        func encode(to encoder: any Encoder) throws {}
    }

    func testAQueryOperationIsPresignedAsAGetWithItsParameters() async throws {
        let url = try await runtime(.awsQuery, sdkId: "STS").presignedURL(operation: "AssumeRole", input: Query(), expiresIn: .seconds(60))
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        XCTAssertEqual(items.first { $0.name == "Action" }?.value, "AssumeRole")
        XCTAssertEqual(items.first { $0.name == "Version" }?.value, "2006-03-01")
        XCTAssertEqual(items.first { $0.name == "RoleArn" }?.value, "arn:aws:iam::123456789012:role/a b")
        XCTAssertNotNil(items.first { $0.name == "X-Amz-Signature" })
    }
}
