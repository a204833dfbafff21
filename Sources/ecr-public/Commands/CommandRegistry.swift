/// Every command the tool offers, in the order `--help` lists them.
enum CommandRegistry {
    static let commands: [any ToolCommand.Type] = [
        GetLoginPasswordCommand.self,
        DescribeRepositoriesCommand.self,
        CreateRepositoryCommand.self,
        DeleteRepositoryCommand.self,
        DescribeImagesCommand.self,
        DescribeImageTagsCommand.self,
        GetRepositoryPolicyCommand.self,
        SetRepositoryPolicyCommand.self,
        PutRepositoryCatalogDataCommand.self,
        UploadLayerCommand.self,
        PushCommand.self,
    ]

    static var specs: [CommandSpec] { commands.map { $0.spec } }

    /// The command called `name`.
    static func command(named name: String) -> (any ToolCommand.Type)? {
        commands.first { $0.spec.name == name }
    }
}
