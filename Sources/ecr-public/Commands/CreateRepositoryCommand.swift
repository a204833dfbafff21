import ECRPublic

/// `create-repository`: a new repository, optionally with catalog data and tags.
struct CreateRepositoryCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "create-repository",
        summary: "Create a repository.",
        options: [
            CommonOptions.repositoryName,
            OptionSpec("--catalog-data", .single, placeholder: "JSON",
                       help: "Catalog data as JSON or file://PATH, e.g. {\"description\": \"…\"}."),
            OptionSpec("--tags", .list, placeholder: "Key=K,Value=V", help: "Tags to add."),
        ],
        examples: ["create-repository --repository-name web",
                   "create-repository --repository-name web --catalog-data file://catalog.json --tags Key=team,Value=web"])

    let request: CreateRepositoryRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        let catalogData = try arguments.value("--catalog-data").map { text throws(UsageError) in
            try CatalogDataInput.parse(text, option: "--catalog-data", command: Self.spec.name)
        }
        let tags = try arguments.values("--tags").map { values throws(UsageError) in
            try TagList.parse(values, option: "--tags", command: Self.spec.name)
        }
        request = CreateRepositoryRequest(
            repositoryName: try arguments.required("--repository-name"), catalogData: catalogData, tags: tags)
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.createRepository(request)
        try context.emit(response, table: ECRPublicTables.repositories(response.repository.map { [$0] } ?? []))
    }
}
