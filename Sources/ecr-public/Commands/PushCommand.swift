import Foundation

/// `push IMAGE_SOURCE public.ecr.aws/ALIAS/REPO:TAG`: publishes an image from an OCI layout (directory or
/// tar) or a `docker save` tarball, without Docker. Prints the image digest.
struct PushCommand: ToolCommand {
    static let spec = CommandSpec(
        name: "push",
        summary: "Push an image from an OCI layout (directory or tar) or a docker save tarball; print its digest.",
        options: [
            OptionSpec("--concurrency", .single, placeholder: "N", help: "Blobs uploaded at once, 1 to 32 (default 4)."),
            OptionSpec("--gzip", .flag, help: "Gzip-compress a docker save tarball's layers before pushing them."),
        ],
        positionals: ["IMAGE_SOURCE", "TARGET"],
        examples: ["push ./layout public.ecr.aws/my-alias/web:1.0",
                   "push image.tar web:latest --concurrency 8",
                   "push saved.tar public.ecr.aws/my-alias/web:1.0 --gzip"])

    let sourcePath: String
    let target: ImageReference
    let concurrency: Int
    let gzip: Bool

    init(arguments: ParsedArguments) throws(UsageError) {
        sourcePath = arguments.positionals.first ?? ""
        target = try ImageReference(arguments.positionals.dropFirst().first ?? "", command: Self.spec.name)
        concurrency = try arguments.integer("--concurrency", in: 1...32) ?? 4
        gzip = arguments.has("--gzip")
    }

    func run(in context: CommandContext) async throws {
        let scratch = try gzip ? ScratchDirectory() : nil
        defer { scratch?.remove() }
        let contents = try ImageSource.contents(
            at: sourcePath, tag: target.tag, compressor: scratch.map { LayerCompressor(directory: $0.url) })
        guard let imageDigest = contents.imageDigest else { throw ToolFailure("\(sourcePath) holds no manifest") }
        let progress = PushProgress(console: context.console, isTerminal: context.console.isErrorTerminal)
        let pusher = ImagePusher(client: context.client, target: target, concurrency: concurrency, retry: PartRetry(),
                                 progress: progress)
        let clock = ContinuousClock()
        let started = clock.now
        let summary = try await pusher.push(contents)
        await progress.note(Self.summaryLine(summary, target: target, elapsed: started.duration(to: clock.now)))
        context.console.print(imageDigest.description)
    }

    /// `pushed public.ecr.aws/e2e-test/web:latest: 4 blobs uploaded (36.0 MiB), 1 already there, in 1.2s`.
    static func summaryLine(_ summary: ImagePusher.Summary, target: ImageReference, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "pushed \(target): \(summary.uploadedBlobs) blobs uploaded (\(ByteCount.format(summary.uploadedBytes))), "
            + "\(summary.presentBlobs) already there, in \(ByteCount.duration(seconds: seconds))"
    }
}
