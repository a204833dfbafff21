import AWSRuntime
import Foundation

// ECR Public's DescribeImages output and ImageDetail as `codegen --codable-decoding` writes them: decoded through
// `Codable` `init(from:)` (the generated module decodes them with generated JSON readers instead). They give the
// benchmark its references in the same run: the `Codable` path on our decoder, and Foundation's `JSONDecoder`.

struct CodableDescribeImagesResponse: Sendable, Codable {
    var imageDetails: [CodableImageDetail]?
    var nextToken: String?

    private enum CodingKeys: String, CodingKey {
        case imageDetails = "imageDetails"
        case nextToken = "nextToken"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.imageDetails = try container.decodeIfPresent([CodableImageDetail].self, forKey: .imageDetails)
        self.nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(self.imageDetails, forKey: .imageDetails)
        try container.encodeIfPresent(self.nextToken, forKey: .nextToken)
    }
}

struct CodableImageDetail: Sendable, Codable {
    var registryId: String?
    var repositoryName: String?
    var imageDigest: String?
    var imageTags: [String]?
    var imageSizeInBytes: Int64?
    var imagePushedAt: Date?
    var imageManifestMediaType: String?
    var artifactMediaType: String?

    private enum CodingKeys: String, CodingKey {
        case registryId = "registryId"
        case repositoryName = "repositoryName"
        case imageDigest = "imageDigest"
        case imageTags = "imageTags"
        case imageSizeInBytes = "imageSizeInBytes"
        case imagePushedAt = "imagePushedAt"
        case imageManifestMediaType = "imageManifestMediaType"
        case artifactMediaType = "artifactMediaType"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.registryId = try container.decodeIfPresent(String.self, forKey: .registryId)
        self.repositoryName = try container.decodeIfPresent(String.self, forKey: .repositoryName)
        self.imageDigest = try container.decodeIfPresent(String.self, forKey: .imageDigest)
        self.imageTags = try container.decodeIfPresent([String].self, forKey: .imageTags)
        self.imageSizeInBytes = try container.decodeIfPresent(Int64.self, forKey: .imageSizeInBytes)
        self.imagePushedAt = try container.decodeIfPresent(Date.self, forKey: .imagePushedAt)
        self.imageManifestMediaType = try container.decodeIfPresent(String.self, forKey: .imageManifestMediaType)
        self.artifactMediaType = try container.decodeIfPresent(String.self, forKey: .artifactMediaType)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(self.registryId, forKey: .registryId)
        try container.encodeIfPresent(self.repositoryName, forKey: .repositoryName)
        try container.encodeIfPresent(self.imageDigest, forKey: .imageDigest)
        try container.encodeIfPresent(self.imageTags, forKey: .imageTags)
        try container.encodeIfPresent(self.imageSizeInBytes, forKey: .imageSizeInBytes)
        try container.encodeIfPresent(self.imagePushedAt, forKey: .imagePushedAt)
        try container.encodeIfPresent(self.imageManifestMediaType, forKey: .imageManifestMediaType)
        try container.encodeIfPresent(self.artifactMediaType, forKey: .artifactMediaType)
    }
}
