import Foundation

/// Signs the messages of an input event stream with chained SigV4 signatures (`AWS4-HMAC-SHA256-PAYLOAD`).
///
/// Each message goes out wrapped in an envelope message whose payload is the encoded event and whose headers are
/// `:date` (the signing time) and `:chunk-signature` (the signature's 32 bytes). A signature covers the previous
/// one, so the first is seeded with the request's own signature and none can be replayed out of order:
///
/// ```
/// AWS4-HMAC-SHA256-PAYLOAD \n <amz date> \n <credential scope> \n <prior signature, hex> \n
/// hex(SHA-256(encoded :date header)) \n hex(SHA-256(payload))
/// ```
///
/// The stream ends with an envelope of an empty payload.
public struct EventStreamSigner: Sendable {
    /// The string that opens each message's string to sign.
    public static let algorithm = "AWS4-HMAC-SHA256-PAYLOAD"
    /// The payload hash the request itself is signed with when its body is a signed event stream.
    public static let streamingPayloadHash = "STREAMING-AWS4-HMAC-SHA256-EVENTS"

    private let keyCache: SigningKeyCache
    private let credentials: AWSCredentials
    private let region: String
    private let signingName: String
    /// The signature of the last message signed (the request's at first), hex.
    public private(set) var priorSignature: String

    /// A signer that chains from `seedSignature`, the hex signature of the request that opened the stream.
    public init(
        seedSignature: String, credentials: AWSCredentials, region: String, signingName: String,
        keyCache: SigningKeyCache = SigningKeyCache()
    ) {
        self.keyCache = keyCache
        self.credentials = credentials
        self.region = region
        self.signingName = signingName
        priorSignature = seedSignature
    }

    /// The envelope of `payload` (an encoded message, or nothing for the end of the stream), signed at `date`
    /// (to the whole second, as the `:date` header and the string to sign carry it).
    public mutating func sign(payload: Data, date: Date) throws -> EventStreamMessage {
        let second = Date(timeIntervalSince1970: Double(SigV4Timestamp.unixSeconds(date)))
        let dateHeader = EventStreamHeader(name: ":date", value: .timestamp(second))
        let signature = try Self.signature(
            payload: payload, dateHeader: dateHeader, priorSignature: priorSignature,
            context: keyCache.context(secretAccessKey: credentials.secretAccessKey, date: second, region: region, service: signingName))
        priorSignature = signature.hexString
        return EventStreamMessage(
            headers: [dateHeader, EventStreamHeader(name: ":chunk-signature", value: .bytes(Data(signature.bytes)))],
            payload: payload)
    }

    static func signature(
        payload: Data, dateHeader: EventStreamHeader, priorSignature: String, context: SigningKeyCache.SigningContext
    ) throws -> SHA256Digest {
        let headerBytes = try EventStreamEncoder.headerBytes([dateHeader])
        var stringToSign = Self.algorithm + "\n" + context.timestamp.amzDate + "\n" + context.scope + "\n"
        stringToSign += priorSignature + "\n" + SHA256.hash(headerBytes).hexString + "\n" + SHA256.hash(payload).hexString
        var hmac = context.hmac
        hmac.update(Data(stringToSign.utf8))
        return hmac.finalize()
    }
}
