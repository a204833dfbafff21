import ECRPublic

/// `describe-registries`: the caller's public registries with their aliases.
struct DescribeRegistriesCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "describe-registries",
        summary: "List your public registries and their aliases.",
        options: PaginationOptions.specs,
        examples: ["describe-registries --output table"])

    let request: DescribeRegistriesRequest
    let pagination: PaginationOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        pagination = try PaginationOptions(arguments)
        request = DescribeRegistriesRequest(nextToken: pagination.startingToken?.serviceToken,
                                            maxResults: pagination.pageSize)
    }

    func run(in context: CommandContext) async throws {
        let paged = try await PageCollector.collect(
            context.client.describeRegistriesPaginator(request).pages, options: pagination,
            items: { $0.registries }, nextToken: { $0.nextToken })
        try context.emit(list: ListOutput(member: "registries", paged: paged), table: TableOutput(
            headers: ["REGISTRY", "URI", "ALIASES"],
            rows: paged.items.map { [$0.registryId, $0.registryUri, $0.aliases.map(\.name).joined(separator: ",")] },
            emptyMessage: "No registries."))
    }
}

/// `get-registry-catalog-data`: the registry's display name in the gallery.
struct GetRegistryCatalogDataCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "get-registry-catalog-data",
        summary: "Print your registry's catalog data (display name).",
        options: [],
        examples: ["get-registry-catalog-data"])

    init(arguments: ParsedArguments) {}

    func run(in context: CommandContext) async throws {
        let response = try await context.client.getRegistryCatalogData(GetRegistryCatalogDataRequest())
        try context.emitFields(response)
    }
}

/// `put-registry-catalog-data`: sets the registry's display name.
struct PutRegistryCatalogDataCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "put-registry-catalog-data",
        summary: "Set your registry's catalog data (display name).",
        options: [OptionSpec("--display-name", .single, placeholder: "NAME", help: "The name the gallery shows.")],
        examples: ["put-registry-catalog-data --display-name 'Example Corp'"])

    let request: PutRegistryCatalogDataRequest

    init(arguments: ParsedArguments) {
        request = PutRegistryCatalogDataRequest(displayName: arguments.value("--display-name"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.putRegistryCatalogData(request)
        try context.emitFields(response)
    }
}
