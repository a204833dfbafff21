import Foundation

/// Decodes one CBOR data item (RFC 8949) into a ``CBORValue``.
///
/// ```swift
/// let body = try CBORReader().read(response.body)
/// let message = body["Message"]?.textValue
/// ```
///
/// Reads definite and indefinite-length strings, arrays and maps, integers of every width (shortest form or
/// not), half, single and double precision floats, tags and simple values. Any input, however hostile, ends in a
/// value or a ``CBORReadError``:
/// - a declared length is checked against the bytes left before anything is allocated, so a 5-byte input
///   cannot ask for 4 GiB (an array needs at least a byte per item, a map two per pair);
/// - arrays, maps and tags nest at most ``maxDepth`` deep, so recursion stays shallow;
/// - text must be valid UTF-8, chunk by chunk;
/// - exactly one item: trailing bytes are an error.
public struct CBORReader: Sendable {
    /// The deepest nesting of arrays, maps and tags allowed; a top-level array is at depth 1.
    public var maxDepth: Int

    /// A reader allowing `maxDepth` levels of nesting.
    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

    /// Decodes the one item `data` holds.
    public func read(_ data: Data) throws(CBORReadError) -> CBORValue {
        try data.withUnsafeBytes(decode).get()
    }

    /// Decodes the one item `bytes` hold.
    public func read(_ bytes: [UInt8]) throws(CBORReadError) -> CBORValue {
        try bytes.withUnsafeBytes(decode).get()
    }

    /// The decoding as a `Result`: `withUnsafeBytes` rethrows untyped errors, so the typed one travels as a value.
    private func decode(_ buffer: UnsafeRawBufferPointer) -> Result<CBORValue, CBORReadError> {
        var cursor = CBORCursor(bytes: buffer, maxDepth: maxDepth)
        return Result { () throws(CBORReadError) -> CBORValue in try cursor.readDocument() }
    }
}

/// A position in the input and the recursive-descent decoder that moves it.
private struct CBORCursor {
    let bytes: UnsafeRawBufferPointer
    let maxDepth: Int
    var offset = 0

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var remaining: Int { bytes.count - offset }

    mutating func readDocument() throws(CBORReadError) -> CBORValue {
        let value = try readItem(depth: 0)
        guard offset == bytes.count else { throw .trailingBytes(offset: offset) }
        return value
    }

    /// Reads one item; `depth` is how many arrays, maps and tags enclose it.
    mutating func readItem(depth: Int) throws(CBORReadError) -> CBORValue {
        let start = offset
        let initial = try readByte()
        let major = initial >> 5
        let info = initial & 0x1F
        switch major {
        case 0:
            return .unsigned(try readArgument(info, itemStart: start))
        case 1:
            return .negative(try readArgument(info, itemStart: start))
        case 2:
            return .bytes(try readByteString(info: info, itemStart: start))
        case 3:
            return .text(try readText(info: info, itemStart: start))
        case 4:
            try checkDepth(depth, itemStart: start)
            return .array(try readArray(info: info, depth: depth + 1, itemStart: start))
        case 5:
            try checkDepth(depth, itemStart: start)
            return .map(try readMap(info: info, depth: depth + 1, itemStart: start))
        case 6:
            try checkDepth(depth, itemStart: start)
            let tag = try readArgument(info, itemStart: start)
            return .tag(tag, try readItem(depth: depth + 1))
        default:
            return try readSimpleOrFloat(info: info, itemStart: start)
        }
    }

    // MARK: - Heads

    private mutating func readByte() throws(CBORReadError) -> UInt8 {
        guard offset < bytes.count else { throw .unexpectedEnd(offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads `count` bytes as a big-endian unsigned integer.
    private mutating func readBigEndian(_ count: Int) throws(CBORReadError) -> UInt64 {
        guard remaining >= count else { throw .unexpectedEnd(offset: bytes.count) }
        var value: UInt64 = 0
        for index in offset..<(offset + count) {
            value = value << 8 | UInt64(bytes[index])
        }
        offset += count
        return value
    }

    /// The argument of a head whose additional information is `info`: 0…23 itself, 24…27 the next 1, 2, 4 or 8
    /// bytes. 28…30 are reserved; 31 (indefinite length) is only valid where callers accept it first.
    private mutating func readArgument(_ info: UInt8, itemStart: Int) throws(CBORReadError) -> UInt64 {
        switch info {
        case 0..<24: return UInt64(info)
        case 24: return try readBigEndian(1)
        case 25: return try readBigEndian(2)
        case 26: return try readBigEndian(4)
        case 27: return try readBigEndian(8)
        case 31: throw .malformed(offset: itemStart, reason: "indefinite length for a type that has none")
        default: throw .malformed(offset: itemStart, reason: "reserved additional information \(info)")
        }
    }

    /// The argument as a length or count, checked so that `count × minimumBytes` fits what is left.
    private mutating func readLength(_ info: UInt8, minimumBytes: Int, itemStart: Int) throws(CBORReadError) -> Int {
        let length = try readArgument(info, itemStart: itemStart)
        guard length <= UInt64(remaining / minimumBytes) else {
            throw .lengthExceedsInput(offset: itemStart, length: length)
        }
        return Int(length)
    }

    private func checkDepth(_ depth: Int, itemStart: Int) throws(CBORReadError) {
        guard depth < maxDepth else { throw .tooDeep(offset: itemStart, limit: maxDepth) }
    }

    // MARK: - Strings

    /// A byte string; an indefinite-length one is its chunks joined.
    private mutating func readByteString(info: UInt8, itemStart: Int) throws(CBORReadError) -> Data {
        guard info == 31 else { return Data(try readDefiniteString(info: info, itemStart: itemStart)) }
        var joined = Data()
        while let chunk = try readChunk(major: 2) { joined.append(contentsOf: chunk) }
        return joined
    }

    private mutating func readText(info: UInt8, itemStart: Int) throws(CBORReadError) -> String {
        guard info == 31 else {
            let content = try readDefiniteString(info: info, itemStart: itemStart)
            guard let text = Self.string(validating: content) else { throw .invalidUTF8(offset: itemStart) }
            return text
        }
        var text = ""
        while let chunk = try readChunk(major: 3) {
            // Each chunk must be valid UTF-8 by itself (RFC 8949 §3.2.3): a character may not straddle chunks.
            guard let piece = Self.string(validating: chunk) else { throw .invalidUTF8(offset: itemStart) }
            text += piece
        }
        return text
    }

    private mutating func readDefiniteString(info: UInt8, itemStart: Int) throws(CBORReadError)
        -> UnsafeRawBufferPointer.SubSequence
    {
        let length = try readLength(info, minimumBytes: 1, itemStart: itemStart)
        defer { offset += length }
        return bytes[offset..<(offset + length)]
    }

    /// The next chunk of an indefinite-length string, or nil at its break. A chunk must be a definite-length
    /// string of the same major type.
    private mutating func readChunk(major: UInt8) throws(CBORReadError) -> UnsafeRawBufferPointer.SubSequence? {
        let chunkStart = offset
        let head = try readByte()
        if head == 0xFF { return nil }
        guard head >> 5 == major, head & 0x1F != 31 else {
            throw .malformed(
                offset: chunkStart, reason: "an indefinite-length string chunk must be a definite string of the same type")
        }
        return try readDefiniteString(info: head & 0x1F, itemStart: chunkStart)
    }

    /// `bytes` as a string, or nil when they are not valid UTF-8 (overlong forms and surrogates included).
    private static func string(validating bytes: UnsafeRawBufferPointer.SubSequence) -> String? {
        guard UTF8Validation.isValid(bytes) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    // MARK: - Arrays and maps

    private mutating func readArray(info: UInt8, depth: Int, itemStart: Int) throws(CBORReadError) -> [CBORValue] {
        var items: [CBORValue] = []
        if info == 31 {
            while try !readBreak() { items.append(try readItem(depth: depth)) }
            return items
        }
        let count = try readLength(info, minimumBytes: 1, itemStart: itemStart)
        items.reserveCapacity(Swift.min(count, 4096))
        for _ in 0..<count { items.append(try readItem(depth: depth)) }
        return items
    }

    private mutating func readMap(info: UInt8, depth: Int, itemStart: Int) throws(CBORReadError)
        -> [(key: CBORValue, value: CBORValue)]
    {
        var pairs: [(key: CBORValue, value: CBORValue)] = []
        if info == 31 {
            while try !readBreak() {
                let key = try readItem(depth: depth)
                pairs.append((key: key, value: try readItem(depth: depth)))
            }
            return pairs
        }
        let count = try readLength(info, minimumBytes: 2, itemStart: itemStart)
        pairs.reserveCapacity(Swift.min(count, 4096))
        for _ in 0..<count {
            let key = try readItem(depth: depth)
            pairs.append((key: key, value: try readItem(depth: depth)))
        }
        return pairs
    }

    /// Consumes a break (`ff`) if one is next; an input that ends here has lost its break.
    private mutating func readBreak() throws(CBORReadError) -> Bool {
        guard offset < bytes.count else { throw .unexpectedEnd(offset: offset) }
        guard bytes[offset] == 0xFF else { return false }
        offset += 1
        return true
    }

    // MARK: - Major type 7

    private mutating func readSimpleOrFloat(info: UInt8, itemStart: Int) throws(CBORReadError) -> CBORValue {
        switch info {
        case 20: return .bool(false)
        case 21: return .bool(true)
        case 22: return .null
        case 23: return .undefined
        case 0..<20: return .simple(info)
        case 24:
            let value = UInt8(try readBigEndian(1))
            guard value >= 32 else {
                throw .malformed(offset: itemStart, reason: "a two-byte simple value must be 32 or more")
            }
            return .simple(value)
        case 25: return .float(CBORHalfFloat.double(fromBits: UInt16(try readBigEndian(2))))
        case 26: return .float(Double(Float(bitPattern: UInt32(try readBigEndian(4)))))
        case 27: return .float(Double(bitPattern: try readBigEndian(8)))
        case 31: throw .malformed(offset: itemStart, reason: "break outside an indefinite-length item")
        default: throw .malformed(offset: itemStart, reason: "reserved additional information \(info)")
        }
    }
}
