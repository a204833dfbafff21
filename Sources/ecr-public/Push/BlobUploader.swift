import AWSRuntime
import ECRPublic
import Foundation

/// Uploads one blob (layer or config): InitiateLayerUpload, UploadLayerPart for each part read from disk,
/// CompleteLayerUpload with the digest of the bytes actually sent.
struct BlobUploader: Sendable {
    /// ECR Public takes parts of at most 20 MiB.
    static let maximumPartSize: Int64 = 20 << 20

    let client: ECRPublicClient
    let target: ImageReference
    let retry: PartRetry
    let progress: PushProgress

    func upload(_ blob: BlobFile) async throws {
        let upload = try await client.initiateLayerUpload(registryId: target.registryAlias,
                                                          repositoryName: target.repositoryName)
        guard let uploadId = upload.uploadId else { throw ToolFailure("InitiateLayerUpload returned no upload ID") }
        let partSize = Self.partSize(offered: upload.partSize)
        await progress.started(blob, parts: Int((blob.size + partSize - 1) / partSize))
        let sent = try await sendParts(of: blob, uploadId: uploadId, partSize: partSize)
        guard sent == blob.digest else {
            throw ToolFailure("\(blob.region.path) changed while it was pushed (\(blob.label) is now \(sent), "
                + "was \(blob.digest)); the upload was not completed")
        }
        try await complete(blob, uploadId: uploadId)
        await progress.finished(blob)
    }

    /// The service's part size, within what it accepts.
    static func partSize(offered: Int64?) -> Int64 {
        guard let offered, offered > 0 else { return maximumPartSize }
        return min(offered, maximumPartSize)
    }

    /// Reads and sends each part in order, hashing as it reads; returns the digest of everything sent.
    private func sendParts(of blob: BlobFile, uploadId: String, partSize: Int64) async throws -> Digest {
        var reader = try RegionReader(blob.region)
        var hasher = SHA256()
        var number = 0
        while let data = try reader.read(upToCount: Int(partSize)) {
            hasher.update(data)
            number += 1
            let first = reader.position - Int64(data.count)
            try await sendPart(data, firstByte: first, uploadId: uploadId)
            await progress.partSent(blob, part: number, sentBytes: reader.position)
        }
        return Digest(hex: hasher.finalize().hexString)
    }

    /// Sends one part, retrying transient failures. A retry of a part whose earlier attempt did arrive (the
    /// response was lost) is refused with `InvalidLayerPartException` naming the last byte received: that
    /// means the part is in, not that it failed.
    private func sendPart(_ data: Data, firstByte: Int64, uploadId: String) async throws {
        let lastByte = firstByte + Int64(data.count) - 1
        var attempt = 1
        while true {
            do {
                _ = try await client.uploadLayerPart(
                    registryId: target.registryAlias, repositoryName: target.repositoryName, uploadId: uploadId,
                    partFirstByte: firstByte, partLastByte: lastByte, layerPartBlob: data)
                return
            } catch let error as ECRPublicError where Self.alreadyReceived(error, lastByte: lastByte) {
                return
            } catch where PartRetry.isTransient(error) && attempt < retry.maxAttempts {
                attempt += 1
                try await Task.sleep(for: retry.delay(beforeAttempt: attempt))
            }
        }
    }

    private static func alreadyReceived(_ error: ECRPublicError, lastByte: Int64) -> Bool {
        guard case .invalidLayerPartException(let details)? = error.details else { return false }
        return details.lastValidByteReceived == lastByte
    }

    /// Completes the upload; a layer another push completed meanwhile is as good as this one.
    private func complete(_ blob: BlobFile, uploadId: String) async throws {
        do {
            let completed = try await client.completeLayerUpload(
                registryId: target.registryAlias, repositoryName: target.repositoryName, uploadId: uploadId,
                layerDigests: [blob.digest.description])
            guard completed.layerDigest == blob.digest.description else {
                throw ToolFailure("the service computed digest \(completed.layerDigest ?? "(none)") for \(blob.label), "
                    + "but its content is \(blob.digest)")
            }
        } catch let error as ECRPublicError where error.code == .layerAlreadyExistsException {
            return
        }
    }
}
