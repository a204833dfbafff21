import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// The generated ECR Public client pushes an image the way the Docker CLI does, against the test service
/// (Tests/TestServices/ecr_public_server.py), which verifies every SigV4 signature with botocore.
final class ECRPublicPushFlowTests: XCTestCase {
    static let mib = 1024 * 1024

    func testPushFlowFromCreateRepositoryToForcedDelete() async throws {
        let service = try await ECRPublicTestService.start(for: self)
        let client = service.client()
        let name = "e2e/push-flow"

        // Create, with catalog data (a logo blob travels base64-encoded) and tags.
        let logo = layerBytes(count: 2048, seed: 99)
        let created = try await client.createRepository(
            repositoryName: name,
            catalogData: RepositoryCatalogDataInput(
                description: "End-to-end test repository", architectures: ["x86-64", "ARM 64"],
                operatingSystems: ["Linux"], logoImageBlob: logo, aboutText: "# About", usageText: "docker pull it"),
            tags: [Tag(key: "team", value: "runtime")])
        let repository = try XCTUnwrap(created.repository)
        XCTAssertEqual(repository.repositoryName, name)
        XCTAssertEqual(repository.registryId, "123456789012")
        XCTAssertEqual(repository.repositoryUri, "public.ecr.aws/e2e-test/\(name)")
        let arn = try XCTUnwrap(repository.repositoryArn)
        XCTAssertEqual(arn, "arn:aws:ecr-public::123456789012:repository/\(name)")
        let createdAt = try XCTUnwrap(repository.createdAt)
        XCTAssertLessThan(abs(createdAt.timeIntervalSinceNow), 300, "epoch-seconds timestamp decodes to now")
        XCTAssertEqual(created.catalogData?.architectures, ["x86-64", "ARM 64"])
        XCTAssertEqual(created.catalogData?.logoUrl, "https://logos.ecr-public.test/\(SHA256.hash(logo).hexString).png",
                       "the server hashed exactly the logo bytes we sent")

        let described = try await client.describeRepositories(repositoryNames: [name])
        XCTAssertEqual(described.repositories?.map(\.repositoryUri), [repository.repositoryUri])

        // A layer in three parts (5 MiB, 5 MiB, the rest) and three small configs in one part each.
        let layer = layerBytes(count: 10 * Self.mib + 12345, seed: 1)
        let layerDigest = sha256Digest(layer)
        let before = try await client.batchCheckLayerAvailability(repositoryName: name, layerDigests: [layerDigest])
        XCTAssertEqual(before.layers ?? [], [])
        XCTAssertEqual(before.failures?.map(\.failureCode), [.missingLayerDigest])

        let uploaded = try await upload(layer, to: name, partSize: 5 * Self.mib, client: client)
        XCTAssertEqual(uploaded.parts, [0...(5 * Self.mib - 1), (5 * Self.mib)...(10 * Self.mib - 1),
                                        (10 * Self.mib)...(layer.count - 1)])
        XCTAssertEqual(uploaded.digest, layerDigest)

        let after = try await client.batchCheckLayerAvailability(repositoryName: name, layerDigests: [layerDigest])
        XCTAssertEqual(after.failures ?? [], [])
        XCTAssertEqual(after.layers?.first?.layerDigest, layerDigest)
        XCTAssertEqual(after.layers?.first?.layerAvailability, .available)
        XCTAssertEqual(after.layers?.first?.layerSize, Int64(layer.count))

        // Three images (same layer, different configs), tagged v1...v3.
        var imageDigests: [String] = []
        for version in 1...3 {
            let config = Data(#"{"architecture":"amd64","os":"linux","version":\#(version)}"#.utf8)
            let configDigest = try await upload(config, to: name, partSize: 5 * Self.mib, client: client).digest
            let manifest = Self.manifest(config: config, configDigest: configDigest, layerSize: layer.count,
                                         layerDigest: layerDigest)
            let pushed = try await client.putImage(repositoryName: name, imageManifest: manifest, imageTag: "v\(version)")
            let image = try XCTUnwrap(pushed.image)
            XCTAssertEqual(image.imageId?.imageTag, "v\(version)")
            XCTAssertEqual(image.imageId?.imageDigest, sha256Digest(Data(manifest.utf8)))
            XCTAssertEqual(image.imageManifest, manifest)
            imageDigests.append(try XCTUnwrap(image.imageId?.imageDigest))
        }

        // DescribeImages two at a time through the paginator: 2 pages, 3 images, in push order.
        let pages = client.describeImagesPaginator(DescribeImagesRequest(repositoryName: name, maxResults: 2))
        var pageSizes: [Int] = []
        var tokens: [String?] = []
        for try await page in pages {
            pageSizes.append(page.imageDetails?.count ?? 0)
            tokens.append(page.nextToken)
        }
        XCTAssertEqual(pageSizes, [2, 1])
        XCTAssertEqual(tokens.map { $0 != nil }, [true, false], "a token after the first page, none after the last")
        var images: [ImageDetail] = []
        for try await image in client.describeImagesPaginator(DescribeImagesRequest(repositoryName: name, maxResults: 2)).items {
            images.append(image)
        }
        XCTAssertEqual(images.map(\.imageDigest), imageDigests)
        XCTAssertEqual(images.map(\.imageTags), [["v1"], ["v2"], ["v3"]])
        XCTAssertEqual(images.map(\.imageSizeInBytes), Array(repeating: Int64(layer.count), count: 3))
        XCTAssertEqual(images.first?.artifactMediaType, "application/vnd.docker.container.image.v1+json")
        for image in images {
            let pushedAt = try XCTUnwrap(image.imagePushedAt)
            XCTAssertLessThan(abs(pushedAt.timeIntervalSinceNow), 300)
        }

        let tags = try await client.describeImageTags(repositoryName: name)
        XCTAssertEqual(tags.imageTagDetails?.map(\.imageTag), ["v1", "v2", "v3"])
        XCTAssertEqual(tags.imageTagDetails?.map { $0.imageDetail?.imageSizeInBytes }, Array(repeating: Int64(layer.count), count: 3))

        let catalog = try await client.getRepositoryCatalogData(repositoryName: name)
        XCTAssertEqual(catalog.catalogData?.description, "End-to-end test repository")
        XCTAssertEqual(catalog.catalogData?.operatingSystems, ["Linux"])
        XCTAssertEqual(catalog.catalogData?.aboutText, "# About")
        XCTAssertEqual(catalog.catalogData?.usageText, "docker pull it")
        XCTAssertEqual(catalog.catalogData?.marketplaceCertified, false)

        // Repository policy: set, get, delete; then it is gone.
        let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":"*","Action":["ecr-public:BatchCheckLayerAvailability"]}]}"#
        let set = try await client.setRepositoryPolicy(repositoryName: name, policyText: policy)
        XCTAssertEqual(set.policyText, policy)
        let got = try await client.getRepositoryPolicy(repositoryName: name)
        XCTAssertEqual(got.policyText, policy)
        XCTAssertEqual(got.repositoryName, name)
        let deletedPolicy = try await client.deleteRepositoryPolicy(repositoryName: name)
        XCTAssertEqual(deletedPolicy.policyText, policy)
        await assertECRPublicError(.repositoryPolicyNotFoundException) {
            try await client.getRepositoryPolicy(repositoryName: name)
        }

        // Tags on the repository.
        _ = try await client.tagResource(resourceArn: arn, tags: [Tag(key: "stage", value: "test"), Tag(key: "team", value: "sdk")])
        let tagged = try await client.listTagsForResource(resourceArn: arn)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: (tagged.tags ?? []).map { ($0.key ?? "", $0.value ?? "") }),
                       ["team": "sdk", "stage": "test"])
        _ = try await client.untagResource(resourceArn: arn, tagKeys: ["team"])
        let untagged = try await client.listTagsForResource(resourceArn: arn)
        XCTAssertEqual(untagged.tags, [Tag(key: "stage", value: "test")])

        // The registry credential: base64 of "AWS:<password>", valid for 12 hours.
        let token = try await client.getAuthorizationToken(GetAuthorizationTokenRequest())
        let authorization = try XCTUnwrap(token.authorizationData)
        let decoded = try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(authorization.authorizationToken)))
        let credential = String(decoding: decoded, as: UTF8.self)
        XCTAssertTrue(credential.hasPrefix("AWS:"), credential)
        XCTAssertGreaterThan(credential.count, 4)
        let expiresIn = try XCTUnwrap(authorization.expiresAt).timeIntervalSinceNow
        XCTAssertEqual(expiresIn, 12 * 3600, accuracy: 300)

        // Not empty: only a forced delete goes through; afterwards the repository is gone.
        await assertECRPublicError(.repositoryNotEmptyException) {
            try await client.deleteRepository(repositoryName: name)
        }
        let deleted = try await client.deleteRepository(repositoryName: name, force: true)
        XCTAssertEqual(deleted.repository?.repositoryArn, arn)
        let missing = await assertECRPublicError(.repositoryNotFoundException) {
            try await client.describeRepositories(repositoryNames: [name])
        }
        XCTAssertEqual(missing?.details, .repositoryNotFoundException(RepositoryNotFoundException(
            message: missing?.message)))
        XCTAssertTrue(missing?.message?.contains(name) == true, String(describing: missing?.message))
    }

    func testBatchDeleteImageByTagKeepsTheImageUntilItsLastTag() async throws {
        let service = try await ECRPublicTestService.start(for: self)
        let client = service.client()
        let name = "batch-delete"
        _ = try await client.createRepository(repositoryName: name)
        let layer = layerBytes(count: 1000, seed: 7)
        let layerDigest = try await upload(layer, to: name, partSize: 5 * Self.mib, client: client).digest
        let config = Data("{}".utf8)
        let configDigest = try await upload(config, to: name, partSize: 5 * Self.mib, client: client).digest
        let manifest = Self.manifest(config: config, configDigest: configDigest, layerSize: layer.count, layerDigest: layerDigest)
        _ = try await client.putImage(repositoryName: name, imageManifest: manifest, imageTag: "latest")
        _ = try await client.putImage(repositoryName: name, imageManifest: manifest, imageTag: "stable")

        let first = try await client.batchDeleteImage(repositoryName: name, imageIds: [
            ImageIdentifier(imageTag: "latest"), ImageIdentifier(imageTag: "nope"),
        ])
        XCTAssertEqual(first.imageIds?.map(\.imageTag), ["latest"])
        XCTAssertEqual(first.failures?.map(\.failureCode), [.imageNotFound])
        XCTAssertEqual(first.failures?.first?.imageId?.imageTag, "nope")
        let remaining = try await client.describeImages(repositoryName: name)
        XCTAssertEqual(remaining.imageDetails?.map(\.imageTags), [["stable"]])

        let second = try await client.batchDeleteImage(repositoryName: name, imageIds: [ImageIdentifier(imageTag: "stable")])
        XCTAssertEqual(second.imageIds?.map(\.imageDigest), [sha256Digest(Data(manifest.utf8))])
        let empty = try await client.describeImages(repositoryName: name)
        XCTAssertEqual(empty.imageDetails ?? [], [])
        _ = try await client.deleteRepository(repositoryName: name)
    }

    // MARK: Helpers

    /// Uploads `blob` in parts of `partSize` (the last one shorter) and completes the upload with its digest.
    func upload(_ blob: Data, to repository: String, partSize: Int, client: ECRPublicClient,
                file: StaticString = #filePath, line: UInt = #line) async throws -> (digest: String, parts: [ClosedRange<Int>]) {
        let started = try await client.initiateLayerUpload(repositoryName: repository)
        let uploadId = try XCTUnwrap(started.uploadId, file: file, line: line)
        XCTAssertEqual(started.partSize, Int64(5 * Self.mib), file: file, line: line)
        var parts: [ClosedRange<Int>] = []
        var offset = 0
        while offset < blob.count {
            let end = min(offset + partSize, blob.count)
            let sent = try await client.uploadLayerPart(
                repositoryName: repository, uploadId: uploadId, partFirstByte: Int64(offset), partLastByte: Int64(end - 1),
                layerPartBlob: blob.subdata(in: offset..<end))
            XCTAssertEqual(sent.lastByteReceived, Int64(end - 1), file: file, line: line)
            XCTAssertEqual(sent.uploadId, uploadId, file: file, line: line)
            parts.append(offset...(end - 1))
            offset = end
        }
        let completed = try await client.completeLayerUpload(
            repositoryName: repository, uploadId: uploadId, layerDigests: [sha256Digest(blob)])
        XCTAssertEqual(completed.uploadId, uploadId, file: file, line: line)
        return (try XCTUnwrap(completed.layerDigest, file: file, line: line), parts)
    }

    /// A Docker image manifest (schema 2) naming one config and one layer.
    static func manifest(config: Data, configDigest: String, layerSize: Int, layerDigest: String) -> String {
        """
        {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",\
        "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":\(config.count),"digest":"\(configDigest)"},\
        "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":\(layerSize),"digest":"\(layerDigest)"}]}
        """
    }
}
