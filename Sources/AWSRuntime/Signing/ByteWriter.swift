/// Appends bytes to memory sized up front, so a canonical request, string to sign or `Authorization` value is
/// built in one buffer with no growth and no intermediate strings.
///
/// Every append checks the remaining room (one comparison per call, not per byte): a wrong size estimate traps
/// instead of writing past the buffer.
struct ByteWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The last byte written; nil when nothing has been.
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// Reserves `byteCount` bytes and returns where they start; the caller fills all of them.
    @inline(__always)
    mutating func reserve(_ byteCount: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(byteCount >= 0 && byteCount <= capacity - count, "ByteWriter: buffer sized too small")
        let start = base + count
        count += byteCount
        return start
    }

    /// Forgets the last written byte (to turn a line's newline into a separator).
    mutating func removeLast() {
        precondition(count > 0)
        count -= 1
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        let target = UnsafeMutableRawPointer(reserve(count))
        // Most pieces (header names, short values, separators) are a few bytes: two overlapping word moves
        // beat a call to memmove.
        if count >= 8, count <= 16 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + (count - 8)).storeBytes(of: source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), as: UInt64.self)
        } else if count < 8 {
            for index in 0..<count { target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self) }
        } else {
            target.copyMemory(from: source, byteCount: count)
        }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends the UTF-8 bytes of `text` (one copy; native strings expose contiguous storage).
    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if copied == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    /// Appends `bytes` as lowercase hexadecimal.
    mutating func appendHex(_ bytes: UnsafeRawBufferPointer) {
        Hex.writeLowercase(bytes, to: reserve(bytes.count * 2))
    }

    /// Appends a digest as 64 lowercase hexadecimal characters.
    mutating func appendHex(_ digest: SHA256Digest) {
        digest.withUnsafeBytes { appendHex($0) }
    }
}

extension String {
    /// Builds a string by writing at most `capacity` bytes of UTF-8 into one fresh buffer.
    ///
    /// The writer's output must be valid UTF-8 (every caller writes ASCII or bytes copied from Swift strings).
    init(capacity: Int, writingUTF8 write: (inout ByteWriter) -> Void) {
        self.init(unsafeUninitializedCapacity: Swift.max(capacity, 1)) { buffer in
            var writer = ByteWriter(buffer)
            write(&writer)
            return writer.count
        }
    }
}
