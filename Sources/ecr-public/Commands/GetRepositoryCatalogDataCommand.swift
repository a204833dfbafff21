import ECRPublic

/// `get-repository-catalog-data`: a repository's gallery metadata.
struct GetRepositoryCatalogDataCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "get-repository-catalog-data",
        summary: "Print a repository's catalog data.",
        options: [CommonOptions.registryId, CommonOptions.repositoryName],
        examples: ["get-repository-catalog-data --repository-name web"])

    let request: GetRepositoryCatalogDataRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = GetRepositoryCatalogDataRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.getRepositoryCatalogData(request)
        try context.emit(response, table: ECRPublicTables.catalogData(response.catalogData))
    }
}
