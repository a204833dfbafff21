import ECRPublic

/// `put-repository-catalog-data`: the gallery metadata of a repository.
struct PutRepositoryCatalogDataCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "put-repository-catalog-data",
        summary: "Set a repository's catalog data (description, architectures, about and usage text, …).",
        options: [
            CommonOptions.registryId,
            CommonOptions.repositoryName,
            OptionSpec("--catalog-data", .single, placeholder: "JSON", required: true,
                       help: "The catalog data as JSON or file://PATH, e.g. {\"architectures\": [\"x86-64\"]}."),
        ],
        examples: [#"put-repository-catalog-data --repository-name web --catalog-data '{"description": "A web server"}'"#])

    let request: PutRepositoryCatalogDataRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        let catalogData = try CatalogDataInput.parse(
            try arguments.required("--catalog-data"), option: "--catalog-data", command: Self.spec.name)
        request = PutRepositoryCatalogDataRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            catalogData: catalogData)
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.putRepositoryCatalogData(request)
        try context.emit(response, table: ECRPublicTables.catalogData(response.catalogData))
    }
}
