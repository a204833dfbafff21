import ECRPublic

/// The upload operations one by one, as `aws ecr-public` offers them (`push` and `upload-layer` drive them
/// for you): check, initiate, send a part, complete.
struct BatchCheckLayerAvailabilityCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "batch-check-layer-availability",
        summary: "Check which layers a repository already has.",
        options: [
            CommonOptions.registryId, CommonOptions.repositoryName,
            OptionSpec("--layer-digests", .list, placeholder: "DIGEST", required: true, help: "The layers' sha256 digests."),
        ],
        examples: ["batch-check-layer-availability --repository-name web --layer-digests sha256:…"])

    let request: BatchCheckLayerAvailabilityRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = BatchCheckLayerAvailabilityRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            layerDigests: arguments.values("--layer-digests") ?? [])
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.batchCheckLayerAvailability(request)
        try context.emitFields(response)
    }
}

struct InitiateLayerUploadCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "initiate-layer-upload",
        summary: "Start a layer upload; prints its upload ID and part size.",
        options: [CommonOptions.registryId, CommonOptions.repositoryName],
        examples: ["initiate-layer-upload --repository-name web"])

    let request: InitiateLayerUploadRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = InitiateLayerUploadRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.initiateLayerUpload(request)
        try context.emitFields(response)
    }
}

struct UploadLayerPartCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "upload-layer-part",
        summary: "Send one part of a layer upload.",
        options: [
            CommonOptions.registryId, CommonOptions.repositoryName,
            OptionSpec("--upload-id", .single, placeholder: "ID", required: true, help: "From initiate-layer-upload."),
            OptionSpec("--part-first-byte", .single, placeholder: "N", required: true, help: "The part's first byte in the layer."),
            OptionSpec("--part-last-byte", .single, placeholder: "N", required: true, help: "The part's last byte in the layer."),
            OptionSpec("--layer-part-blob", .single, placeholder: "fileb://PATH", required: true,
                       help: "The part's bytes: fileb://PATH, or base64."),
        ],
        examples: ["upload-layer-part --repository-name web --upload-id ID --part-first-byte 0 --part-last-byte 1023 "
            + "--layer-part-blob fileb://part0"])

    let request: UploadLayerPartRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        let range = 0...Int(Int64.max - 1)
        request = UploadLayerPartRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            uploadId: try arguments.required("--upload-id"),
            partFirstByte: Int64(try arguments.integer("--part-first-byte", in: range) ?? 0),
            partLastByte: Int64(try arguments.integer("--part-last-byte", in: range) ?? 0),
            layerPartBlob: try ParameterValue.blob(try arguments.required("--layer-part-blob"), option: "--layer-part-blob",
                                                   command: Self.spec.name))
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.uploadLayerPart(request)
        try context.emitFields(response)
    }
}

struct CompleteLayerUploadCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "complete-layer-upload",
        summary: "Finish a layer upload; the service checks the digest.",
        options: [
            CommonOptions.registryId, CommonOptions.repositoryName,
            OptionSpec("--upload-id", .single, placeholder: "ID", required: true, help: "From initiate-layer-upload."),
            OptionSpec("--layer-digests", .list, placeholder: "DIGEST", required: true, help: "The layer's sha256 digest."),
        ],
        examples: ["complete-layer-upload --repository-name web --upload-id ID --layer-digests sha256:…"])

    let request: CompleteLayerUploadRequest

    init(arguments: ParsedArguments) throws(UsageError) {
        request = CompleteLayerUploadRequest(
            registryId: arguments.value("--registry-id"), repositoryName: try arguments.required("--repository-name"),
            uploadId: try arguments.required("--upload-id"), layerDigests: arguments.values("--layer-digests") ?? [])
    }

    func run(in context: CommandContext) async throws {
        let response = try await context.client.completeLayerUpload(request)
        try context.emitFields(response)
    }
}
