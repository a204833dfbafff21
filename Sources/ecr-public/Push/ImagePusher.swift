import ECRPublic

/// Pushes checked ``ImageContents`` to a repository: asks which blobs it has, uploads the others
/// concurrently, then puts the manifests in order.
struct ImagePusher: Sendable {
    /// BatchCheckLayerAvailability takes at most 100 digests a call.
    static let digestsPerCheck = 100

    let client: ECRPublicClient
    let target: ImageReference
    let concurrency: Int
    let retry: PartRetry
    let progress: PushProgress

    /// What a push did, for the summary line.
    struct Summary: Sendable, Equatable {
        var uploadedBlobs = 0
        var uploadedBytes: Int64 = 0
        var presentBlobs = 0
    }

    func push(_ contents: ImageContents) async throws -> Summary {
        let present = try await presentDigests(of: contents.blobs)
        var summary = Summary()
        var missing: [BlobFile] = []
        for blob in contents.blobs {
            if present.contains(blob.digest) {
                summary.presentBlobs += 1
                await progress.skipped(blob)
            } else {
                missing.append(blob)
                summary.uploadedBlobs += 1
                summary.uploadedBytes += blob.size
            }
        }
        try await upload(missing)
        for manifest in contents.manifests {
            try await put(manifest)
        }
        return summary
    }

    /// The digests among `blobs` the repository already holds.
    private func presentDigests(of blobs: [BlobFile]) async throws -> Set<Digest> {
        var present: Set<Digest> = []
        for start in stride(from: 0, to: blobs.count, by: Self.digestsPerCheck) {
            let batch = blobs[start..<min(start + Self.digestsPerCheck, blobs.count)]
            let response = try await client.batchCheckLayerAvailability(
                registryId: target.registryAlias, repositoryName: target.repositoryName,
                layerDigests: batch.map(\.digest.description))
            for layer in response.layers ?? [] where layer.layerAvailability == .available {
                if let digest = layer.layerDigest.flatMap(Digest.init) { present.insert(digest) }
            }
        }
        return present
    }

    /// Uploads `blobs`, at most `concurrency` at a time; the first failure cancels the others.
    private func upload(_ blobs: [BlobFile]) async throws {
        let uploader = BlobUploader(client: client, target: target, retry: retry, progress: progress)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = blobs[...]
            for _ in 0..<concurrency {
                guard let blob = pending.popFirst() else { break }
                group.addTask { try await uploader.upload(blob) }
            }
            while try await group.next() != nil {
                guard let blob = pending.popFirst() else { continue }
                group.addTask { try await uploader.upload(blob) }
            }
        }
    }

    /// Puts one manifest with its exact bytes; the tagged one gets the tag. A manifest the repository already
    /// has under that tag (a repeated push) is not an error.
    private func put(_ manifest: ManifestUpload) async throws {
        let name = manifest.platform.map { "\($0) manifest" } ?? "manifest"
        let tag = manifest.isTagged ? target.tag : nil
        do {
            _ = try await client.putImage(
                registryId: target.registryAlias, repositoryName: target.repositoryName, imageManifest: manifest.text,
                imageManifestMediaType: manifest.mediaType, imageTag: tag, imageDigest: manifest.digest.description)
            await progress.note("\(name) \(manifest.digest): put" + (tag.map { " as \(target.repositoryName):\($0)" } ?? ""))
        } catch let error as ECRPublicError where error.code == .imageAlreadyExistsException {
            await progress.note("\(name) \(manifest.digest): already in the repository")
        }
    }
}
