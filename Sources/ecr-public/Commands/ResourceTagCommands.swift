import ECRPublic

private let resourceArn = OptionSpec("--resource-arn", .single, placeholder: "ARN", required: true,
                                     help: "The repository's ARN.")

/// `tag-resource`: adds or replaces tags on a repository.
struct TagResourceCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "tag-resource",
        summary: "Add tags to a repository (by ARN).",
        options: [resourceArn, OptionSpec("--tags", .list, placeholder: "Key=K,Value=V", required: true, help: "Tags to add.")],
        examples: ["tag-resource --resource-arn arn:aws:ecr-public::123456789012:repository/web --tags Key=team,Value=web"])

    let request: TagResourceRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = TagResourceRequest(
            resourceArn: try arguments.required("--resource-arn"),
            tags: try TagList.parse(arguments.values("--tags") ?? [], option: "--tags", command: Self.spec.name))
    }

    func run(in context: CommandContext) async throws {
        _ = try await context.client.tagResource(request)
    }
}

/// `untag-resource`: removes tags from a repository by key.
struct UntagResourceCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "untag-resource",
        summary: "Remove tags from a repository (by ARN).",
        options: [resourceArn, OptionSpec("--tag-keys", .list, placeholder: "KEY", required: true, help: "Keys to remove.")],
        examples: ["untag-resource --resource-arn arn:aws:ecr-public::123456789012:repository/web --tag-keys team"])

    let request: UntagResourceRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = UntagResourceRequest(resourceArn: try arguments.required("--resource-arn"),
                                       tagKeys: arguments.values("--tag-keys") ?? [])
    }

    func run(in context: CommandContext) async throws {
        _ = try await context.client.untagResource(request)
    }
}

/// `list-tags-for-resource`: a repository's tags.
struct ListTagsForResourceCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "list-tags-for-resource",
        summary: "List a repository's tags (by ARN).",
        options: [resourceArn],
        examples: ["list-tags-for-resource --resource-arn arn:aws:ecr-public::123456789012:repository/web"])

    let request: ListTagsForResourceRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = ListTagsForResourceRequest(resourceArn: try arguments.required("--resource-arn"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.listTagsForResource(request)
        try context.emit(response, table: TableOutput(
            headers: ["KEY", "VALUE"], rows: (response.tags ?? []).map { [$0.key ?? "-", $0.value ?? ""] },
            emptyMessage: "No tags."))
    }
}
