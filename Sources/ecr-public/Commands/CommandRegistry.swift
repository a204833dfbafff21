/// Every command the tool offers, in the order `--help` lists them.
enum CommandRegistry {
    static let commands: [any ToolCommand.Type] = [
        GetLoginPasswordCommand.self,
        PushCommand.self,
        DescribeRegistriesCommand.self,
        GetRegistryCatalogDataCommand.self,
        PutRegistryCatalogDataCommand.self,
        DescribeRepositoriesCommand.self,
        CreateRepositoryCommand.self,
        DeleteRepositoryCommand.self,
        DescribeImagesCommand.self,
        DescribeImageTagsCommand.self,
        PutImageCommand.self,
        BatchDeleteImageCommand.self,
        GetRepositoryPolicyCommand.self,
        SetRepositoryPolicyCommand.self,
        DeleteRepositoryPolicyCommand.self,
        GetRepositoryCatalogDataCommand.self,
        PutRepositoryCatalogDataCommand.self,
        TagResourceCommand.self,
        UntagResourceCommand.self,
        ListTagsForResourceCommand.self,
        UploadLayerCommand.self,
        BatchCheckLayerAvailabilityCommand.self,
        InitiateLayerUploadCommand.self,
        UploadLayerPartCommand.self,
        CompleteLayerUploadCommand.self,
    ]

    static var specs: [CommandSpec] { commands.map { $0.spec } }

    /// The command called `name`.
    static func command(named name: String) -> (any ToolCommand.Type)? {
        commands.first { $0.spec.name == name }
    }
}
