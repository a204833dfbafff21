/// Options several commands share, named as in the AWS CLI.
enum CommonOptions {
    static let repositoryName = OptionSpec(
        "--repository-name", .single, placeholder: "NAME", required: true, help: "The repository's name.")
    static let registryId = OptionSpec(
        "--registry-id", .single, placeholder: "ID", help: "The registry's AWS account ID (default: the caller's).")
}
