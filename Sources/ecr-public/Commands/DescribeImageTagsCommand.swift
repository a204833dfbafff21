import ECRPublic

/// `describe-image-tags`: every tag of a repository with the image it points to.
struct DescribeImageTagsCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "describe-image-tags",
        summary: "List a repository's tags and the images they point to.",
        options: [CommonOptions.registryId, CommonOptions.repositoryName] + PaginationOptions.specs,
        examples: ["describe-image-tags --repository-name web --output table"])

    let request: DescribeImageTagsRequest
    let pagination: PaginationOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        pagination = try PaginationOptions(arguments)
        request = DescribeImageTagsRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            nextToken: pagination.startingToken?.serviceToken, maxResults: pagination.pageSize)
    }

    func run(in context: CommandContext) async throws {
        let paged = try await PageCollector.collect(
            context.client.describeImageTagsPaginator(request).pages, options: pagination,
            items: { $0.imageTagDetails ?? [] }, nextToken: { $0.nextToken })
        try context.emit(list: ListOutput(member: "imageTagDetails", paged: paged),
                         table: ECRPublicTables.imageTags(paged.items))
    }
}
