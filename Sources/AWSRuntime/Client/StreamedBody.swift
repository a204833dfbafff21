import Foundation

/// A request's body as every attempt of one call sends it, decided once before the first: bytes in memory, or a
/// stream with what its signature covers.
struct StreamedBody: Sendable {
    /// The bytes, when the body is in memory.
    var data: Data
    /// The stream, when the body is sent as it is read.
    var stream: ByteStream?
    /// The hex SHA-256 the signature covers for a stream; nil for `UNSIGNED-PAYLOAD`.
    var payloadSHA256: String?

    /// Whether a second attempt can send the body again.
    var isReplayable: Bool { stream?.isReplayable ?? true }

    /// How `request`'s body is sent. A file is hashed as it is read once here, so its signature covers it; a
    /// sequence of chunks goes unsigned where the service allows it (S3), and is otherwise read into memory to be
    /// hashed, as it is for a transport that cannot stream.
    static func prepare(_ request: EncodedRequest, transportStreams: Bool, sendsStreamsUnsigned: Bool)
        async throws -> StreamedBody
    {
        guard let stream = request.bodyStream else { return StreamedBody(data: request.body) }
        switch stream.source {
        case .file where transportStreams:
            return StreamedBody(data: Data(), stream: stream, payloadSHA256: try await hash(of: stream))
        case .chunks where transportStreams && sendsStreamsUnsigned, .response where transportStreams && sendsStreamsUnsigned:
            return StreamedBody(data: Data(), stream: stream, payloadSHA256: nil)
        default:
            return StreamedBody(data: try await stream.collect(upTo: Int.max))
        }
    }

    private static func hash(of stream: ByteStream) async throws -> String {
        var hasher = SHA256()
        for try await chunk in stream { hasher.update(chunk) }
        return hasher.finalize().hexString
    }
}
