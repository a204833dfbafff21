/// Why bytes could not be decoded as one CBOR data item.
///
/// Every case names the byte offset where decoding stopped; none repeats the input.
public enum CBORReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input ends inside an item (an empty input ends at offset 0).
    case unexpectedEnd(offset: Int)
    /// A string, array or map declares more bytes or items than the input has left.
    case lengthExceedsInput(offset: Int, length: UInt64)
    /// Not well-formed CBOR: a reserved additional information value, a break outside an indefinite-length
    /// item, a bad chunk in an indefinite-length string, a two-byte simple value below 32.
    case malformed(offset: Int, reason: String)
    /// A text string (or one chunk of it) that is not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// Arrays, maps and tags nested deeper than the reader's limit.
    case tooDeep(offset: Int, limit: Int)
    /// Bytes left over after the one top-level item.
    case trailingBytes(offset: Int)

    /// A one-line explanation naming the byte offset.
    public var description: String {
        switch self {
        case .unexpectedEnd(let offset):
            return "CBOR input ends inside an item at byte \(offset)"
        case .lengthExceedsInput(let offset, let length):
            return "CBOR item at byte \(offset) declares length \(length), more than the input has left"
        case .malformed(let offset, let reason):
            return "malformed CBOR at byte \(offset): \(reason)"
        case .invalidUTF8(let offset):
            return "CBOR text string at byte \(offset) is not valid UTF-8"
        case .tooDeep(let offset, let limit):
            return "CBOR nesting deeper than \(limit) at byte \(offset)"
        case .trailingBytes(let offset):
            return "unexpected bytes after the CBOR item, from byte \(offset)"
        }
    }
}
