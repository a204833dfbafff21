import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// The generated client is a protocol, so a user's unit test swaps in a stub: here, code that finds an image's
/// newest tag runs on canned pages, through the same paginator and convenience methods the real client has.
final class ClientStubTests: XCTestCase {
    /// What a user might write: a function that takes any client.
    private func newestTag(in repository: String, client: some ECRPublicClientProtocol) async throws -> String? {
        var newest: (tag: String, pushed: Date)?
        for try await image in client.describeImagesPaginator(DescribeImagesRequest(repositoryName: repository)).items {
            guard let pushed = image.imagePushedAt, let tag = image.imageTags?.first else { continue }
            if newest.map({ pushed > $0.pushed }) ?? true { newest = (tag, pushed) }
        }
        return newest?.tag
    }

    func testAStubConformanceDrivesPaginatorsAndConvenienceMethods() async throws {
        let stub = StubRegistry(pages: [
            DescribeImagesResponse(
                imageDetails: [ImageDetail(imageTags: ["v1"], imagePushedAt: Date(timeIntervalSince1970: 10))],
                nextToken: "page-2"),
            DescribeImagesResponse(imageDetails: [
                ImageDetail(imageTags: ["v3"], imagePushedAt: Date(timeIntervalSince1970: 30)),
                ImageDetail(imageTags: ["v2"], imagePushedAt: Date(timeIntervalSince1970: 20)),
            ]),
        ])
        let tag = try await newestTag(in: "web", client: stub)
        XCTAssertEqual(tag, "v3")
        XCTAssertEqual(stub.requests.map { $0.nextToken }, [nil, "page-2"])
        XCTAssertEqual(stub.requests.map { $0.repositoryName }, ["web", "web"])

        // An input with no members has an overload without arguments.
        let token = try await stub.getAuthorizationToken()
        XCTAssertEqual(token.authorizationData?.authorizationToken, "stub-token")
    }
}

/// A stub of the ECR Public client: canned pages for DescribeImages, a fixed token, and a failure for anything else.
private final class StubRegistry: ECRPublicClientProtocol, @unchecked Sendable {
    enum Unexpected: Error { case call(String) }

    private let lock = NSLock()
    private var pages: [DescribeImagesResponse]
    private var received: [DescribeImagesRequest] = []

    init(pages: [DescribeImagesResponse]) { self.pages = pages }

    var requests: [DescribeImagesRequest] { lock.withLock { received } }

    func describeImages(_ input: DescribeImagesRequest) async throws -> DescribeImagesResponse {
        lock.withLock {
            received.append(input)
            return pages.removeFirst()
        }
    }

    func getAuthorizationToken(_ input: GetAuthorizationTokenRequest) async throws -> GetAuthorizationTokenResponse {
        GetAuthorizationTokenResponse(authorizationData: AuthorizationData(authorizationToken: "stub-token"))
    }

    func batchCheckLayerAvailability(_ input: BatchCheckLayerAvailabilityRequest) async throws -> BatchCheckLayerAvailabilityResponse {
        throw Unexpected.call("batchCheckLayerAvailability")
    }
    func batchDeleteImage(_ input: BatchDeleteImageRequest) async throws -> BatchDeleteImageResponse {
        throw Unexpected.call("batchDeleteImage")
    }
    func completeLayerUpload(_ input: CompleteLayerUploadRequest) async throws -> CompleteLayerUploadResponse {
        throw Unexpected.call("completeLayerUpload")
    }
    func createRepository(_ input: CreateRepositoryRequest) async throws -> CreateRepositoryResponse {
        throw Unexpected.call("createRepository")
    }
    func deleteRepository(_ input: DeleteRepositoryRequest) async throws -> DeleteRepositoryResponse {
        throw Unexpected.call("deleteRepository")
    }
    func deleteRepositoryPolicy(_ input: DeleteRepositoryPolicyRequest) async throws -> DeleteRepositoryPolicyResponse {
        throw Unexpected.call("deleteRepositoryPolicy")
    }
    func describeImageTags(_ input: DescribeImageTagsRequest) async throws -> DescribeImageTagsResponse {
        throw Unexpected.call("describeImageTags")
    }
    func describeRegistries(_ input: DescribeRegistriesRequest) async throws -> DescribeRegistriesResponse {
        throw Unexpected.call("describeRegistries")
    }
    func describeRepositories(_ input: DescribeRepositoriesRequest) async throws -> DescribeRepositoriesResponse {
        throw Unexpected.call("describeRepositories")
    }
    func getRegistryCatalogData(_ input: GetRegistryCatalogDataRequest) async throws -> GetRegistryCatalogDataResponse {
        throw Unexpected.call("getRegistryCatalogData")
    }
    func getRepositoryCatalogData(_ input: GetRepositoryCatalogDataRequest) async throws -> GetRepositoryCatalogDataResponse {
        throw Unexpected.call("getRepositoryCatalogData")
    }
    func getRepositoryPolicy(_ input: GetRepositoryPolicyRequest) async throws -> GetRepositoryPolicyResponse {
        throw Unexpected.call("getRepositoryPolicy")
    }
    func initiateLayerUpload(_ input: InitiateLayerUploadRequest) async throws -> InitiateLayerUploadResponse {
        throw Unexpected.call("initiateLayerUpload")
    }
    func listTagsForResource(_ input: ListTagsForResourceRequest) async throws -> ListTagsForResourceResponse {
        throw Unexpected.call("listTagsForResource")
    }
    func putImage(_ input: PutImageRequest) async throws -> PutImageResponse {
        throw Unexpected.call("putImage")
    }
    func putRegistryCatalogData(_ input: PutRegistryCatalogDataRequest) async throws -> PutRegistryCatalogDataResponse {
        throw Unexpected.call("putRegistryCatalogData")
    }
    func putRepositoryCatalogData(_ input: PutRepositoryCatalogDataRequest) async throws -> PutRepositoryCatalogDataResponse {
        throw Unexpected.call("putRepositoryCatalogData")
    }
    func setRepositoryPolicy(_ input: SetRepositoryPolicyRequest) async throws -> SetRepositoryPolicyResponse {
        throw Unexpected.call("setRepositoryPolicy")
    }
    func tagResource(_ input: TagResourceRequest) async throws -> TagResourceResponse {
        throw Unexpected.call("tagResource")
    }
    func untagResource(_ input: UntagResourceRequest) async throws -> UntagResourceResponse {
        throw Unexpected.call("untagResource")
    }
    func uploadLayerPart(_ input: UploadLayerPartRequest) async throws -> UploadLayerPartResponse {
        throw Unexpected.call("uploadLayerPart")
    }
}
