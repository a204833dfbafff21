import ECRPublic

/// `put-image`: creates or tags an image from a manifest whose layers are in the repository already.
struct PutImageCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "put-image",
        summary: "Put an image manifest (its layers must be uploaded), optionally with a tag.",
        options: [
            CommonOptions.registryId, CommonOptions.repositoryName,
            OptionSpec("--image-manifest", .single, placeholder: "JSON", required: true,
                       help: "The manifest, inline or file://PATH (sent byte for byte)."),
            OptionSpec("--image-manifest-media-type", .single, placeholder: "TYPE", help: "The manifest's media type."),
            OptionSpec("--image-tag", .single, placeholder: "TAG", help: "The tag to give the image."),
            OptionSpec("--image-digest", .single, placeholder: "DIGEST", help: "The manifest's expected digest."),
        ],
        examples: ["put-image --repository-name web --image-manifest file://manifest.json --image-tag latest"])

    let request: PutImageRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = PutImageRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            imageManifest: try ParameterValue.text(try arguments.required("--image-manifest"), option: "--image-manifest",
                                                   command: Self.spec.name),
            imageManifestMediaType: arguments.value("--image-manifest-media-type"),
            imageTag: arguments.value("--image-tag"), imageDigest: arguments.value("--image-digest"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.putImage(request)
        try context.emitFields(response)
    }
}

/// `batch-delete-image`: deletes images by digest, or tags by tag.
struct BatchDeleteImageCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "batch-delete-image",
        summary: "Delete images (by digest) or tags (by tag); failures are listed, not raised.",
        options: [
            CommonOptions.registryId, CommonOptions.repositoryName,
            OptionSpec("--image-ids", .list, placeholder: "imageTag=TAG|imageDigest=DIGEST", required: true,
                       help: "The images or tags to delete."),
        ],
        examples: ["batch-delete-image --repository-name web --image-ids imageTag=old"])

    let request: BatchDeleteImageRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = BatchDeleteImageRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            imageIds: try ImageIdentifiers.parse(arguments.values("--image-ids") ?? [], option: "--image-ids",
                                                 command: Self.spec.name))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.batchDeleteImage(request)
        try context.emitFields(response)
    }
}
