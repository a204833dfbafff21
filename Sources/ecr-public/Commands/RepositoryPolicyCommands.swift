import ECRPublic

/// `get-repository-policy`: the access policy attached to a repository.
struct GetRepositoryPolicyCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "get-repository-policy",
        summary: "Print a repository's access policy.",
        options: [CommonOptions.registryId, CommonOptions.repositoryName],
        examples: ["get-repository-policy --repository-name web"])

    let request: GetRepositoryPolicyRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = GetRepositoryPolicyRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.getRepositoryPolicy(request)
        try context.emit(response, table: ECRPublicTables.policy(
            registryId: response.registryId, repositoryName: response.repositoryName, policyText: response.policyText))
    }
}

/// `set-repository-policy`: attaches an access policy (inline JSON or `file://`) to a repository.
struct SetRepositoryPolicyCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "set-repository-policy",
        summary: "Attach an access policy to a repository, replacing any existing one.",
        options: [
            CommonOptions.registryId,
            CommonOptions.repositoryName,
            OptionSpec("--policy-text", .single, placeholder: "JSON", required: true,
                       help: "The policy document, inline or file://PATH."),
            OptionSpec("--force", .flag, help: "Set the policy even if it would lock you out of the repository."),
        ],
        examples: ["set-repository-policy --repository-name web --policy-text file://policy.json"])

    let request: SetRepositoryPolicyRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        let policy = try ParameterValue.text(
            try arguments.required("--policy-text"), option: "--policy-text", command: Self.spec.name)
        request = SetRepositoryPolicyRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            policyText: policy, force: arguments.has("--force"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.setRepositoryPolicy(request)
        try context.emit(response, table: ECRPublicTables.policy(
            registryId: response.registryId, repositoryName: response.repositoryName, policyText: response.policyText))
    }
}

/// `delete-repository-policy`: removes a repository's access policy, printing the one removed.
struct DeleteRepositoryPolicyCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "delete-repository-policy",
        summary: "Remove a repository's access policy.",
        options: [CommonOptions.registryId, CommonOptions.repositoryName],
        examples: ["delete-repository-policy --repository-name web"])

    let request: DeleteRepositoryPolicyRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = DeleteRepositoryPolicyRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.deleteRepositoryPolicy(request)
        try context.emit(response, table: ECRPublicTables.policy(
            registryId: response.registryId, repositoryName: response.repositoryName, policyText: response.policyText))
    }
}
