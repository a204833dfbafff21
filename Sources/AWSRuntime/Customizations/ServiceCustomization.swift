import Foundation

/// What a few services need beyond their protocol, as every AWS SDK does it (the Smithy protocol tests of
/// API Gateway and Glacier check them). The generator picks a service's customization from its SDK id.
public enum ServiceCustomization: Sendable, Hashable {
    /// API Gateway: every request asks for JSON (`Accept: application/json`).
    case apiGateway
    /// Glacier: the API version in `X-Amz-Glacier-Version`, `-` (the caller's account) for an empty account id,
    /// and the SHA-256 and SHA-256 tree hash of uploaded archives and parts.
    case glacier(apiVersion: String)
    /// S3: the bucket is addressed by the endpoint rules (virtual host or path style), not the URI pattern;
    /// object keys may hold `.` and `..` segments; requests are signed with S3's SigV4 rules; GetBucketLocation's
    /// output is its root element.
    case s3
    /// Machine Learning: Predict is sent to the endpoint its input names (`PredictEndpoint`), as every AWS SDK does.
    case machineLearning

    /// The operation's URI pattern as the service is called: S3 drops its leading `/{Bucket}`, which the
    /// endpoint rules place in the host or the endpoint's path (`/{Bucket}?list-type=2` keeps no path at all,
    /// so path-style requests go to `/bucket`, not `/bucket/`).
    func adjust(uri: String) -> String {
        guard case .s3 = self, uri.hasPrefix("/{Bucket}") else { return uri }
        return String(uri.dropFirst("/{Bucket}".count))
    }

    /// Whether a greedy label may hold `.` and `..` segments (S3 object keys can).
    var allowsDotSegments: Bool {
        if case .s3 = self { return true }
        return false
    }

    /// Whether a streamed body from a sequence of chunks is sent with the payload unsigned (`UNSIGNED-PAYLOAD`),
    /// as S3 accepts; elsewhere such a body is read into memory to be hashed first.
    var sendsStreamsUnsigned: Bool {
        if case .s3 = self { return true }
        return false
    }

    /// The signing rules: S3 signs `x-amz-content-sha256` and its path as sent.
    var signingOptions: SigV4Options {
        if case .s3 = self { return .s3 }
        return SigV4Options()
    }

    /// The element an output is read from: S3's GetBucketLocation answers with the member's element as the root.
    func adjust(responseRoot root: ParsedXMLElement, operation: String) -> ParsedXMLElement {
        guard case .s3 = self, operation == "GetBucketLocation", root.name == "LocationConstraint" else { return root }
        return ParsedXMLElement(name: "GetBucketLocationOutput", children: [root])
    }

    /// Adjusts the bound labels before the URI is built.
    func adjust(labels: inout [String: String]) {
        guard case .glacier = self, (labels["accountId"] ?? "").isEmpty else { return }
        labels["accountId"] = "-"
    }

    /// Adds the service's headers to the encoded request of `operation`.
    func adjust(_ request: inout EncodedRequest, operation: String) {
        switch self {
        case .s3, .machineLearning:
            break
        case .apiGateway:
            if !request.headers.contains("Accept") { request.headers.add(name: "Accept", value: "application/json") }
        case .glacier(let apiVersion):
            request.headers.add(name: "X-Amz-Glacier-Version", value: apiVersion)
            guard operation == "UploadArchive" || operation == "UploadMultipartPart", !request.body.isEmpty else { return }
            if !request.headers.contains("X-Amz-Content-Sha256") {
                request.headers.add(name: "X-Amz-Content-Sha256", value: SHA256.hash(request.body).hexString)
            }
            if !request.headers.contains("X-Amz-Sha256-Tree-Hash") {
                request.headers.add(name: "X-Amz-Sha256-Tree-Hash", value: GlacierTreeHash.hash(request.body).hexString)
            }
        }
    }
}

/// Glacier's SHA-256 tree hash: hashes of 1 MiB chunks, combined pairwise up to one root.
enum GlacierTreeHash {
    static let chunkSize = 1 << 20

    static func hash(_ data: Data) -> SHA256Digest {
        var level: [SHA256Digest] = stride(from: 0, to: max(data.count, 1), by: chunkSize).map { start in
            SHA256.hash(data[data.startIndex + start ..< data.startIndex + min(start + chunkSize, data.count)])
        }
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { index in
                guard index + 1 < level.count else { return level[index] }
                return SHA256.hash(Data(level[index].bytes) + Data(level[index + 1].bytes))
            }
        }
        return level[0]
    }
}
