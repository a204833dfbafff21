import AWSRuntime
import ECR
import Foundation
import XCTest

/// The client generated from `../shared/models/ecr.json` (Amazon ECR, awsJson 1.1) against moto_server with
/// signature checking on.
final class ECRTests: XCTestCase {
    func testRepositoryImagePolicyTagAndTokenLifecycle() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = ECRClient(configuration: moto.configuration())
        let name = "e2e/lifecycle"

        let created = try await client.createRepository(
            repositoryName: name, tags: [Tag(key: "team", value: "runtime")], imageTagMutability: .mutable)
        let repository = try XCTUnwrap(created.repository)
        XCTAssertEqual(repository.repositoryName, name)
        XCTAssertEqual(repository.imageTagMutability, .mutable)
        let arn = try XCTUnwrap(repository.repositoryArn)
        XCTAssertTrue(arn.hasPrefix("arn:aws:ecr:\(moto.region):") && arn.hasSuffix(":repository/\(name)"), arn)
        XCTAssertLessThan(abs(try XCTUnwrap(repository.createdAt).timeIntervalSinceNow), 300)

        let described = try await client.describeRepositories(repositoryNames: [name])
        XCTAssertEqual(described.repositories?.map(\.repositoryArn), [arn])
        XCTAssertEqual(described.repositories?.first?.repositoryUri, repository.repositoryUri)

        // An image manifest with a tag, then the ways to read it back.
        let manifest = """
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",\
            "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1234,\
            "digest":"sha256:\(String(repeating: "a", count: 64))"},"layers":[{"mediaType":\
            "application/vnd.docker.image.rootfs.diff.tar.gzip","size":5678,"digest":"sha256:\(String(repeating: "b", count: 64))"}]}
            """
        let pushed = try await client.putImage(repositoryName: name, imageManifest: manifest, imageTag: "v1")
        let image = try XCTUnwrap(pushed.image)
        XCTAssertEqual(image.imageId?.imageTag, "v1")
        XCTAssertEqual(image.imageManifest, manifest)
        let digest = try XCTUnwrap(image.imageId?.imageDigest)
        XCTAssertTrue(digest.hasPrefix("sha256:"), digest)

        let images = try await client.describeImages(repositoryName: name)
        XCTAssertEqual(images.imageDetails?.map(\.imageDigest), [digest])
        XCTAssertEqual(images.imageDetails?.first?.imageTags, ["v1"])
        XCTAssertEqual(images.imageDetails?.first?.imageManifestMediaType,
                       "application/vnd.docker.distribution.manifest.v2+json")
        XCTAssertLessThan(abs(try XCTUnwrap(images.imageDetails?.first?.imagePushedAt).timeIntervalSinceNow), 300)

        let fetched = try await client.batchGetImage(
            repositoryName: name, imageIds: [ImageIdentifier(imageTag: "v1"), ImageIdentifier(imageTag: "nope")])
        XCTAssertEqual(fetched.images?.map(\.imageManifest), [manifest])
        XCTAssertEqual(fetched.images?.first?.imageId?.imageDigest, digest)
        XCTAssertEqual(fetched.failures?.map(\.imageId?.imageTag), ["nope"])
        XCTAssertEqual(fetched.failures?.map(\.failureCode), [.imageNotFound])

        // Repository policy: set, get, delete; then it is gone (a typed error).
        let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"*"},"Action":["ecr:BatchGetImage"]}]}"#
        let set = try await client.setRepositoryPolicy(repositoryName: name, policyText: policy)
        XCTAssertEqual(set.repositoryName, name)
        XCTAssertEqual(try Self.json(set.policyText), try Self.json(policy))
        let got = try await client.getRepositoryPolicy(repositoryName: name)
        XCTAssertEqual(try Self.json(got.policyText), try Self.json(policy))
        let deletedPolicy = try await client.deleteRepositoryPolicy(repositoryName: name)
        XCTAssertEqual(try Self.json(deletedPolicy.policyText), try Self.json(policy))
        do {
            _ = try await client.getRepositoryPolicy(repositoryName: name)
            XCTFail("expected RepositoryPolicyNotFoundException")
        } catch let error as ECRError {
            XCTAssertEqual(error.code, .repositoryPolicyNotFoundException, "\(error)")
        }

        // Tags.
        _ = try await client.tagResource(resourceArn: arn, tags: [Tag(key: "stage", value: "test"), Tag(key: "team", value: "sdk")])
        let tagged = try await client.listTagsForResource(resourceArn: arn)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: (tagged.tags ?? []).map { ($0.key, $0.value) }),
                       ["team": "sdk", "stage": "test"])
        _ = try await client.untagResource(resourceArn: arn, tagKeys: ["team"])
        let untagged = try await client.listTagsForResource(resourceArn: arn)
        XCTAssertEqual(untagged.tags, [Tag(key: "stage", value: "test")])

        // The registry credential decodes to "AWS:<password>".
        let token = try await client.getAuthorizationToken(GetAuthorizationTokenRequest())
        let data = try XCTUnwrap(token.authorizationData?.first)
        let decoded = try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(data.authorizationToken)))
        let credential = String(decoding: decoded, as: UTF8.self)
        XCTAssertTrue(credential.hasPrefix("AWS:") && credential.count > 4, credential)
        XCTAssertNotNil(data.expiresAt)
        XCTAssertTrue(data.proxyEndpoint?.hasPrefix("https://") == true, String(describing: data.proxyEndpoint))

        // Delete the image, then the repository; afterwards it is not found.
        let deletedImages = try await client.batchDeleteImage(repositoryName: name, imageIds: [ImageIdentifier(imageDigest: digest)])
        XCTAssertEqual(deletedImages.imageIds?.map(\.imageDigest), [digest])
        XCTAssertEqual(deletedImages.failures ?? [], [])
        let empty = try await client.describeImages(repositoryName: name)
        XCTAssertEqual(empty.imageDetails ?? [], [])
        let deleted = try await client.deleteRepository(repositoryName: name)
        XCTAssertEqual(deleted.repository?.repositoryArn, arn)
        do {
            _ = try await client.describeRepositories(repositoryNames: [name])
            XCTFail("expected RepositoryNotFoundException")
        } catch let error as ECRError {
            XCTAssertEqual(error.code, .repositoryNotFoundException, "\(error)")
        }
    }

    func testAMissingRepositoryIsTheTypedRepositoryNotFoundException() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = ECRClient(configuration: moto.configuration())
        do {
            _ = try await client.describeImages(repositoryName: "does-not-exist")
            XCTFail("expected RepositoryNotFoundException")
        } catch let error as ECRError {
            XCTAssertEqual(error.code, .repositoryNotFoundException)
            XCTAssertEqual(error.context.operation, "DescribeImages")
            XCTAssertEqual(error.context.statusCode, 400)
            XCTAssertEqual(error.fault, .client)
            XCTAssertTrue(error.message?.contains("does-not-exist") == true, String(describing: error.message))
            guard case .repositoryNotFoundException(let details)? = error.details else {
                return XCTFail("details did not decode: \(error)")
            }
            XCTAssertEqual(details.message, error.message)
        }
    }

    func testAWrongSecretKeyGetsSignatureDoesNotMatch() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = ECRClient(configuration: moto.configuration(secretAccessKey: "wrong" + moto.secretAccessKey))
        do {
            _ = try await client.describeRepositories(DescribeRepositoriesRequest())
            XCTFail("expected a signature error")
        } catch let ClientRuntimeError.unexpectedResponse(operation, statusCode, code, _, bodyExcerpt) {
            XCTAssertEqual(operation, "DescribeRepositories")
            XCTAssertEqual(statusCode, 403)
            XCTAssertEqual(code, "SignatureDoesNotMatch")
            XCTAssertTrue(bodyExcerpt.contains("<Code>SignatureDoesNotMatch</Code>"), bodyExcerpt)
        }
        // The right key works against the same server: the signature and nothing else was at fault.
        let repositories = try await ECRClient(configuration: moto.configuration())
            .describeRepositories(DescribeRepositoriesRequest())
        XCTAssertEqual(repositories.repositories ?? [], [])
    }

    func testInvalidInputIsRejectedBeforeAnyRequestIsSent() async throws {
        let moto = try await MotoServer.start(for: self)
        let recorder = AttemptRecorder()
        let client = ECRClient(configuration: moto.configuration(hooks: [recorder]))
        do {
            _ = try await client.createRepository(repositoryName: "UPPER!")
            XCTFail("expected a ValidationError")
        } catch let error as ValidationError {
            XCTAssertEqual(error.operation, "CreateRepository")
            XCTAssertEqual(error.violations.map(\.path), ["repositoryName"])
        }
        let afterInvalid = await recorder.log.operations
        XCTAssertEqual(afterInvalid, [], "nothing was sent")
        // The hook does see requests that are sent, and moto never heard of the name.
        let repositories = try await client.describeRepositories(DescribeRepositoriesRequest())
        XCTAssertEqual(repositories.repositories ?? [], [])
        let sent = await recorder.log.operations
        XCTAssertEqual(sent, ["DescribeRepositories"])
    }

    /// A JSON text parsed, for comparing documents whatever their spacing.
    static func json(_ text: String?) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(text).utf8))
        return try XCTUnwrap(object as? NSDictionary)
    }
}
