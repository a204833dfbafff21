import ECRPublic

/// `delete-repository`: removes a repository; with `--force`, also the images in it.
struct DeleteRepositoryCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "delete-repository",
        summary: "Delete a repository (with --force, even if it holds images).",
        options: [
            CommonOptions.registryId,
            CommonOptions.repositoryName,
            OptionSpec("--force", .flag, help: "Delete the repository's images too."),
        ],
        examples: ["delete-repository --repository-name web --force"])

    let request: DeleteRepositoryRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = DeleteRepositoryRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            force: arguments.has("--force"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.deleteRepository(request)
        try context.emit(response, table: ECRPublicTables.repositories(response.repository.map { [$0] } ?? []))
    }
}
