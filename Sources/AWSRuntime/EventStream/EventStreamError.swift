/// Why an event stream message could not be encoded or decoded.
///
/// Decoding errors are final: once the framing is lost the stream cannot be resynchronised, so an
/// ``EventStreamDecoder`` that has thrown keeps throwing the same error.
public enum EventStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The prelude CRC-32 (over the first 8 bytes) does not match the one sent.
    case preludeChecksumMismatch(expected: UInt32, actual: UInt32)
    /// The message CRC-32 (over everything before it) does not match the one sent.
    case messageChecksumMismatch(expected: UInt32, actual: UInt32)
    /// The prelude's lengths are inconsistent: a total under 16 bytes, or headers that do not fit in it.
    case invalidPrelude(totalLength: Int, headersLength: Int)
    /// The total message length (given) is over the configured maximum.
    case messageTooLarge(Int)
    /// The headers length (given) is over the configured maximum.
    case headersTooLarge(Int)
    /// The header section is not well formed (the reason says where and why).
    case malformedHeaders(String)
    /// The stream ended with this many bytes of an incomplete message still buffered.
    case truncated(Int)
    /// A message could not be encoded (the reason says which part is out of range).
    case unencodable(String)

    /// A one-line description of the error.
    public var description: String {
        switch self {
        case .preludeChecksumMismatch(let expected, let actual):
            "event stream prelude checksum mismatch (sent \(hex(expected)), computed \(hex(actual)))"
        case .messageChecksumMismatch(let expected, let actual):
            "event stream message checksum mismatch (sent \(hex(expected)), computed \(hex(actual)))"
        case .invalidPrelude(let total, let headers):
            "invalid event stream prelude: total length \(total), headers length \(headers)"
        case .messageTooLarge(let length): "event stream message of \(length) bytes is over the limit"
        case .headersTooLarge(let length): "event stream headers of \(length) bytes are over the limit"
        case .malformedHeaders(let reason): "malformed event stream headers: \(reason)"
        case .truncated(let count): "event stream ended inside a message (\(count) bytes left over)"
        case .unencodable(let reason): "cannot encode event stream message: \(reason)"
        }
    }

    private func hex(_ value: UInt32) -> String { "0x" + String(value, radix: 16) }
}
