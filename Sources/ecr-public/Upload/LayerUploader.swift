import ECRPublic

/// Pushes a layer through ECR Public's upload operations: BatchCheckLayerAvailability,
/// InitiateLayerUpload, UploadLayerPart for each part, CompleteLayerUpload.
struct LayerUploader: Sendable {
    let client: ECRPublicClient
    let registryId: String?
    let repositoryName: String
    /// The part size to use unless InitiateLayerUpload names one.
    let partSize: Int64

    /// Whether the repository already holds the layer with `digest`.
    func isAvailable(_ digest: String) async throws -> Bool {
        let response = try await client.batchCheckLayerAvailability(
            registryId: registryId, repositoryName: repositoryName, layerDigests: [digest])
        return response.layers?.contains { $0.layerDigest == digest && $0.layerAvailability == .available } ?? false
    }

    /// Uploads `file`, whose digest is `digest`, reporting each part to `progress`; returns the digest the
    /// service computed, after checking that it is `digest`.
    func upload(_ file: LayerFile, digest: String, progress: inout any UploadProgress) async throws -> String {
        let upload = try await client.initiateLayerUpload(registryId: registryId, repositoryName: repositoryName)
        guard let uploadId = upload.uploadId else { throw ToolFailure("InitiateLayerUpload returned no upload ID") }
        let size = (upload.partSize ?? 0) > 0 ? upload.partSize ?? partSize : partSize
        let sentDigest = try await sendParts(of: file, uploadId: uploadId, partSize: size, progress: &progress)
        guard sentDigest == digest else {
            throw ToolFailure("\(file.path) changed during the upload (now \(sentDigest), was \(digest)); not completed")
        }
        let completed = try await client.completeLayerUpload(
            registryId: registryId, repositoryName: repositoryName, uploadId: uploadId, layerDigests: [digest])
        guard completed.layerDigest == digest else {
            throw ToolFailure("the service computed digest \(completed.layerDigest ?? "(none)") for the layer, "
                + "but the file's digest is \(digest)")
        }
        return digest
    }

    /// Sends every part in order; returns the digest of the bytes sent.
    private func sendParts(of file: LayerFile, uploadId: String, partSize: Int64,
                           progress: inout any UploadProgress) async throws -> String {
        var reader = try LayerPartReader(file: file, partSize: partSize)
        progress.start(totalBytes: file.size, parts: LayerPartReader.partCount(size: file.size, partSize: partSize))
        while let part = try reader.next() {
            _ = try await client.uploadLayerPart(
                registryId: registryId, repositoryName: repositoryName, uploadId: uploadId,
                partFirstByte: part.firstByte, partLastByte: part.lastByte, layerPartBlob: part.data)
            progress.partUploaded(part.number, sentBytes: part.lastByte + 1)
        }
        progress.finish()
        return reader.digest()
    }
}
