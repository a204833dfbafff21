import ECRPublic
import Foundation

/// The `--output table` layouts of ECR Public's results.
enum ECRPublicTables {
    /// Name, URI and creation time of each repository.
    static func repositories(_ repositories: [Repository]) -> TableOutput {
        TableOutput(
            headers: ["NAME", "URI", "CREATED"],
            rows: repositories.map { [$0.repositoryName ?? "-", $0.repositoryUri ?? "-", time($0.createdAt)] },
            emptyMessage: "No repositories.")
    }

    /// Digest, tags, size and push time of each image.
    static func images(_ images: [ImageDetail]) -> TableOutput {
        TableOutput(
            headers: ["DIGEST", "TAGS", "SIZE", "PUSHED"],
            rows: images.map {
                [$0.imageDigest ?? "-", tags($0.imageTags), size($0.imageSizeInBytes), time($0.imagePushedAt)]
            },
            emptyMessage: "No images.")
    }

    /// Each tag with the digest, size and push time of its image.
    static func imageTags(_ details: [ImageTagDetail]) -> TableOutput {
        TableOutput(
            headers: ["TAG", "DIGEST", "SIZE", "PUSHED"],
            rows: details.map {
                [$0.imageTag ?? "-", $0.imageDetail?.imageDigest ?? "-", size($0.imageDetail?.imageSizeInBytes),
                 time($0.imageDetail?.imagePushedAt)]
            },
            emptyMessage: "No image tags.")
    }

    /// A repository's policy, compacted to one line.
    static func policy(registryId: String?, repositoryName: String?, policyText: String?) -> TableOutput {
        let compact = (policyText ?? "-").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return TableOutput(headers: ["REPOSITORY", "REGISTRY", "POLICY"],
                           rows: [[repositoryName ?? "-", registryId ?? "-", compact]])
    }

    /// A repository's catalog data, one field per row.
    static func catalogData(_ data: RepositoryCatalogData?) -> TableOutput {
        let rows: [[String]] = [
            ["description", data?.description ?? "-"],
            ["architectures", data?.architectures?.joined(separator: ", ") ?? "-"],
            ["operatingSystems", data?.operatingSystems?.joined(separator: ", ") ?? "-"],
            ["logoUrl", data?.logoUrl ?? "-"],
            ["aboutText", firstLine(data?.aboutText)],
            ["usageText", firstLine(data?.usageText)],
            ["marketplaceCertified", data?.marketplaceCertified.map { $0 ? "true" : "false" } ?? "-"],
        ]
        return TableOutput(headers: ["FIELD", "VALUE"], rows: rows)
    }

    private static func time(_ date: Date?) -> String {
        date.map(Timestamp.short) ?? "-"
    }

    private static func size(_ bytes: Int64?) -> String {
        bytes.map(ByteCount.format) ?? "-"
    }

    private static func tags(_ tags: [String]?) -> String {
        guard let tags, !tags.isEmpty else { return "<untagged>" }
        return tags.joined(separator: ",")
    }

    private static func firstLine(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "-" }
        let lines = text.split(whereSeparator: \.isNewline)
        return lines.count > 1 ? "\(lines[0]) …" : String(lines.first ?? "")
    }
}
