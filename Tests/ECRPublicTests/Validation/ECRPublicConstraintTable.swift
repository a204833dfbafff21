import AWSRuntime
import ECRPublic
import Foundation

/// Every constraint ECR Public states on an input, with a way to build an input whose constrained value has a
/// given size, the member path a violation must name, and the model's bounds.
struct ConstrainedInput {
    /// The constrained shape's name in the model, e.g. `RepositoryName`.
    let shape: String
    let path: String
    let min: Int?
    let max: Int?
    /// An input whose constrained value has length (or value) `n`.
    let make: @Sendable (Int) -> any OperationInput
}

/// Values that satisfy every other constraint of the input they sit in.
enum Valid {
    static let repository = "web-app"
    static let uploadId = "0f0a3e58-38a5-4bb0-9d44-8a2e0e9c8b51"
    static let digest = "sha256:" + String(repeating: "ab", count: 32)
    static let arn = "arn:aws:ecr-public::123456789012:repository/web-app"

    static func text(_ count: Int, _ character: Character = "a") -> String { String(repeating: character, count: count) }
    static func catalog(_ input: RepositoryCatalogDataInput) -> PutRepositoryCatalogDataRequest {
        PutRepositoryCatalogDataRequest(repositoryName: repository, catalogData: input)
    }
}

enum ECRPublicConstraintTable {
    /// Length constraints on strings, blobs and lists (min/max per the model).
    static let lengths: [ConstrainedInput] = [
        ConstrainedInput(shape: "AboutText", path: "catalogData.aboutText", min: 0, max: 25600) {
            Valid.catalog(RepositoryCatalogDataInput(aboutText: Valid.text($0)))
        },
        ConstrainedInput(shape: "Architecture", path: "catalogData.architectures[0]", min: 1, max: 50) {
            Valid.catalog(RepositoryCatalogDataInput(architectures: [Valid.text($0)]))
        },
        ConstrainedInput(shape: "ArchitectureList", path: "catalogData.architectures", min: 0, max: 50) {
            Valid.catalog(RepositoryCatalogDataInput(architectures: Array(repeating: "ARM", count: $0)))
        },
        ConstrainedInput(shape: "Arn", path: "resourceArn", min: 1, max: 2048) {
            ListTagsForResourceRequest(resourceArn: Valid.text($0))
        },
        ConstrainedInput(shape: "BatchedOperationLayerDigest", path: "layerDigests[0]", min: 0, max: 1000) {
            BatchCheckLayerAvailabilityRequest(repositoryName: Valid.repository, layerDigests: [Valid.text($0)])
        },
        ConstrainedInput(shape: "BatchedOperationLayerDigestList", path: "layerDigests", min: 1, max: 100) {
            BatchCheckLayerAvailabilityRequest(repositoryName: Valid.repository, layerDigests: Array(repeating: Valid.digest, count: $0))
        },
        ConstrainedInput(shape: "ImageIdentifierList", path: "imageIds", min: 1, max: 100) {
            BatchDeleteImageRequest(repositoryName: Valid.repository,
                                    imageIds: Array(repeating: ImageIdentifier(imageTag: "v1"), count: $0))
        },
        ConstrainedInput(shape: "ImageManifest", path: "imageManifest", min: 1, max: 4_194_304) {
            PutImageRequest(repositoryName: Valid.repository, imageManifest: Valid.text($0))
        },
        ConstrainedInput(shape: "ImageTag", path: "imageTag", min: 1, max: 300) {
            PutImageRequest(repositoryName: Valid.repository, imageManifest: "{}", imageTag: Valid.text($0))
        },
        ConstrainedInput(shape: "LayerDigestList", path: "layerDigests", min: 1, max: 100) {
            CompleteLayerUploadRequest(repositoryName: Valid.repository, uploadId: Valid.uploadId,
                                       layerDigests: Array(repeating: Valid.digest, count: $0))
        },
        ConstrainedInput(shape: "LayerPartBlob", path: "layerPartBlob", min: 0, max: 20_971_520) {
            UploadLayerPartRequest(repositoryName: Valid.repository, uploadId: Valid.uploadId, partFirstByte: 0,
                                   partLastByte: 0, layerPartBlob: Data(count: $0))
        },
        ConstrainedInput(shape: "LogoImageBlob", path: "catalogData.logoImageBlob", min: 0, max: 512_000) {
            Valid.catalog(RepositoryCatalogDataInput(logoImageBlob: Data(count: $0)))
        },
        ConstrainedInput(shape: "OperatingSystem", path: "catalogData.operatingSystems[0]", min: 1, max: 50) {
            Valid.catalog(RepositoryCatalogDataInput(operatingSystems: [Valid.text($0)]))
        },
        ConstrainedInput(shape: "OperatingSystemList", path: "catalogData.operatingSystems", min: 0, max: 50) {
            Valid.catalog(RepositoryCatalogDataInput(operatingSystems: Array(repeating: "Linux", count: $0)))
        },
        ConstrainedInput(shape: "RegistryDisplayName", path: "displayName", min: 0, max: 100) {
            PutRegistryCatalogDataRequest(displayName: Valid.text($0))
        },
        ConstrainedInput(shape: "RegistryIdOrAlias", path: "registryId", min: 2, max: 50) {
            InitiateLayerUploadRequest(registryId: Valid.text($0), repositoryName: Valid.repository)
        },
        ConstrainedInput(shape: "RepositoryDescription", path: "catalogData.description", min: 0, max: 1024) {
            Valid.catalog(RepositoryCatalogDataInput(description: Valid.text($0)))
        },
        ConstrainedInput(shape: "RepositoryName", path: "repositoryName", min: 2, max: 205) {
            DeleteRepositoryRequest(repositoryName: Valid.text($0))
        },
        ConstrainedInput(shape: "RepositoryNameList", path: "repositoryNames", min: 1, max: 100) {
            DescribeRepositoriesRequest(repositoryNames: Array(repeating: Valid.repository, count: $0))
        },
        ConstrainedInput(shape: "RepositoryPolicyText", path: "policyText", min: 0, max: 10240) {
            SetRepositoryPolicyRequest(repositoryName: Valid.repository, policyText: Valid.text($0))
        },
        ConstrainedInput(shape: "TagKey", path: "tags[0].Key", min: 1, max: 128) {
            TagResourceRequest(resourceArn: Valid.arn, tags: [Tag(key: Valid.text($0), value: "v")])
        },
        ConstrainedInput(shape: "TagKeyList", path: "tagKeys", min: 0, max: 200) {
            UntagResourceRequest(resourceArn: Valid.arn, tagKeys: Array(repeating: "team", count: $0))
        },
        ConstrainedInput(shape: "TagList", path: "tags", min: 0, max: 200) {
            TagResourceRequest(resourceArn: Valid.arn, tags: Array(repeating: Tag(key: "team", value: "web"), count: $0))
        },
        ConstrainedInput(shape: "TagValue", path: "tags[0].Value", min: 0, max: 256) {
            TagResourceRequest(resourceArn: Valid.arn, tags: [Tag(key: "team", value: Valid.text($0))])
        },
        ConstrainedInput(shape: "UsageText", path: "catalogData.usageText", min: 0, max: 25600) {
            Valid.catalog(RepositoryCatalogDataInput(usageText: Valid.text($0)))
        },
    ]

    /// `range` constraints on numbers.
    static let ranges: [ConstrainedInput] = [
        ConstrainedInput(shape: "MaxResults", path: "maxResults", min: 1, max: 1000) {
            DescribeRepositoriesRequest(maxResults: $0)
        },
        ConstrainedInput(shape: "PartSize", path: "partFirstByte", min: 0, max: nil) {
            UploadLayerPartRequest(repositoryName: Valid.repository, uploadId: Valid.uploadId,
                                   partFirstByte: Int64($0), partLastByte: 10, layerPartBlob: Data([1]))
        },
    ]

    /// `pattern` constraints: a matching and a non-matching value for each.
    static let patterns: [(shape: String, path: String, make: @Sendable (String) -> any OperationInput, valid: String, invalid: String)] = [
        ("LayerDigest", "layerDigests[0]", {
            CompleteLayerUploadRequest(repositoryName: Valid.repository, uploadId: Valid.uploadId, layerDigests: [$0])
        }, Valid.digest, "sha256:not-hex"),
        ("RegistryId", "registryId", { DescribeRepositoriesRequest(registryId: $0) }, "123456789012", "12345678901"),
        ("RepositoryName", "repositoryName", { DeleteRepositoryRequest(repositoryName: $0) }, "team/web-app", "UPPER!"),
        ("UploadId", "uploadId", {
            UploadLayerPartRequest(repositoryName: Valid.repository, uploadId: $0, partFirstByte: 0, partLastByte: 0,
                                   layerPartBlob: Data())
        }, Valid.uploadId, "not-a-uuid"),
    ]

    /// Constraints the model states only on shapes that appear in responses: validation never applies to them.
    static let outputOnly: Set<String> = ["Base64", "RegistryAliasName", "ResourceUrl"]
}
