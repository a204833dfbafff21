import ECRPublic

/// `describe-repositories`: the repositories of a registry, all or by name.
struct DescribeRepositoriesCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "describe-repositories",
        summary: "List repositories, all or the ones named.",
        options: [
            CommonOptions.registryId,
            OptionSpec("--repository-names", .list, placeholder: "NAME", help: "Only these repositories."),
        ] + PaginationOptions.specs,
        examples: ["describe-repositories", "describe-repositories --repository-names web api --output table",
                   "describe-repositories --max-items 10"])

    let request: DescribeRepositoriesRequest
    let pagination: PaginationOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        pagination = try PaginationOptions(arguments)
        request = DescribeRepositoriesRequest(
            registryId: arguments.value("--registry-id"), repositoryNames: arguments.values("--repository-names"),
            nextToken: pagination.startingToken?.serviceToken, maxResults: pagination.pageSize)
    }

    func run(in context: CommandContext) async throws {
        let paged = try await PageCollector.collect(
            context.client.describeRepositoriesPaginator(request).pages, options: pagination,
            items: { $0.repositories ?? [] }, nextToken: { $0.nextToken })
        try context.emit(list: ListOutput(member: "repositories", paged: paged),
                         table: ECRPublicTables.repositories(paged.items))
    }
}
