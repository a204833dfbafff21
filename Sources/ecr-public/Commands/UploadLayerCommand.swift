import ECRPublic

/// `upload-layer FILE --repository-name NAME`: pushes a layer blob in parts, with progress, and prints its
/// verified digest. Skips the upload when the repository already has the layer.
struct UploadLayerCommand: ToolCommand {
    static let mebibyte: Int64 = 1 << 20
    static let partSizes = (5 * mebibyte)...(20 * mebibyte)

    static let spec = CommandSpec(
        name: "upload-layer",
        summary: "Upload a layer file in parts (progress on standard error) and print its digest.",
        options: [
            CommonOptions.registryId,
            OptionSpec("--repository-name", .single, placeholder: "NAME", required: true, aliases: ["--repository"],
                       help: "The repository to upload to."),
            OptionSpec("--part-size", .single, placeholder: "BYTES",
                       help: "Bytes per part, 5 MiB to 20 MiB (default 20 MiB; the service's part size wins)."),
        ],
        positionals: ["FILE"],
        examples: ["upload-layer layer.tar.gz --repository-name web", "upload-layer layer.tar --repository web --part-size 5242880"])

    let file: LayerFile
    let registryId: String?
    let repositoryName: String
    let partSize: Int64

    init(arguments: ParsedArguments) throws(UsageError) {
        file = try LayerFile(path: arguments.positionals.first ?? "", command: Self.spec.name)
        registryId = arguments.value("--registry-id")
        repositoryName = try arguments.required("--repository-name")
        let range = Int(Self.partSizes.lowerBound)...Int(Self.partSizes.upperBound)
        partSize = Int64(try arguments.integer("--part-size", in: range) ?? range.upperBound)
    }

    func run(in context: CommandContext) async throws {
        let uploader = LayerUploader(client: context.client, registryId: registryId, repositoryName: repositoryName,
                                     partSize: partSize)
        let digest = try file.digest()
        if try await uploader.isAvailable(digest) {
            context.console.error("layer \(digest) is already in \(repositoryName); nothing to upload")
        } else {
            var progress = context.console.makeUploadProgress()
            _ = try await uploader.upload(file, digest: digest, progress: &progress)
        }
        context.console.print(digest)
    }
}
