import ECRPublic

/// `describe-images`: the images of a repository, all or the ones named by tag or digest.
struct DescribeImagesCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "describe-images",
        summary: "List a repository's images (digest, tags, size, push time).",
        options: [
            CommonOptions.registryId,
            CommonOptions.repositoryName,
            OptionSpec("--image-ids", .list, placeholder: "imageTag=TAG|imageDigest=DIGEST", help: "Only these images."),
        ] + PaginationOptions.specs,
        examples: ["describe-images --repository-name web --output table",
                   "describe-images --repository-name web --image-ids imageTag=latest"])

    let request: DescribeImagesRequest
    let pagination: PaginationOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        pagination = try PaginationOptions(arguments)
        let imageIds = try arguments.values("--image-ids").map { values throws(UsageError) in
            try ImageIdentifiers.parse(values, option: "--image-ids", command: Self.spec.name)
        }
        request = DescribeImagesRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            imageIds: imageIds, nextToken: pagination.startingToken?.serviceToken, maxResults: pagination.pageSize)
    }

    func run(in context: CommandContext) async throws {
        let paged = try await PageCollector.collect(
            context.client.describeImagesPaginator(request).pages, options: pagination,
            items: { $0.imageDetails ?? [] }, nextToken: { $0.nextToken })
        try context.emit(list: ListOutput(member: "imageDetails", paged: paged), table: ECRPublicTables.images(paged.items))
    }
}
