import Foundation

/// An incremental decoder of `application/vnd.amazon.eventstream` frames.
///
/// Append bytes as they arrive, then call ``next()`` until it returns `nil`; call ``finish()`` at the end of the
/// stream. The prelude is checked as soon as its 12 bytes are buffered, so a message that claims an excessive length
/// is rejected before any of its body is waited for, and nothing is ever allocated from a length read off the wire.
/// Consumed bytes are released on the next `append(_:)`: if ``next()`` is drained after every append, the
/// decoder holds at most one incomplete message plus the newest chunk.
///
/// Errors are final. Once ``next()`` has thrown, the stream cannot be resynchronised: the buffer is dropped, later
/// appends are ignored, and ``next()`` and ``finish()`` throw the same error again.
public struct EventStreamDecoder: Sendable {
    /// The largest total message length accepted; longer messages throw ``EventStreamError/messageTooLarge(_:)``.
    public let maximumMessageLength: Int
    /// The largest header section accepted; longer ones throw ``EventStreamError/headersTooLarge(_:)``.
    public let maximumHeadersLength: Int

    private var buffer: [UInt8] = []
    /// Where the unconsumed bytes of `buffer` begin.
    private var start = 0
    /// The validated prelude of the message at `start`, once its 12 bytes have arrived.
    private var pending: (total: Int, headers: Int)?
    private var failure: EventStreamError?

    /// Creates a decoder with the given limits (by default AWS's: 16 MiB messages, 128 KiB headers).
    ///
    /// Limits below the 16-byte minimum message are raised to it; the message limit never exceeds `UInt32.max`.
    public init(
        maximumMessageLength: Int = EventStreamFraming.defaultMaximumMessageLength,
        maximumHeadersLength: Int = EventStreamFraming.defaultMaximumHeadersLength
    ) {
        self.maximumMessageLength = min(
            max(maximumMessageLength, EventStreamFraming.minimumMessageLength), Int(UInt32.max))
        self.maximumHeadersLength = max(maximumHeadersLength, 0)
    }

    /// The number of bytes appended but not yet returned as part of a message.
    public var bufferedByteCount: Int { buffer.count - start }

    /// The bytes appended but not yet returned as part of a message (to hand the rest of a stream on).
    var remainingBytes: Data { Data(buffer[start...]) }

    /// Appends bytes received from the stream. Ignored once the decoder has failed.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        guard failure == nil, !bytes.isEmpty else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends bytes received from the stream. Ignored once the decoder has failed.
    public mutating func append(_ data: Data) {
        guard failure == nil, !data.isEmpty else { return }
        compact()
        buffer.append(contentsOf: data)
    }

    /// Returns the next complete message, or `nil` when more bytes are needed.
    ///
    /// - Throws: ``EventStreamError`` when the framing, a checksum, a limit or the headers are invalid. The error is
    ///   final (see the type's discussion).
    public mutating func next() throws(EventStreamError) -> EventStreamMessage? {
        if let failure { throw failure }
        do throws(EventStreamError) {
            return try decodeNext()
        } catch {
            failure = error
            buffer = []
            start = 0
            pending = nil
            throw error
        }
    }

    /// Marks the end of the stream, after ``next()`` has returned `nil`.
    ///
    /// - Throws: ``EventStreamError/truncated(_:)`` when bytes of a message remain buffered, or the decoder's earlier
    ///   error if it has failed.
    public mutating func finish() throws(EventStreamError) {
        if let failure { throw failure }
        let remaining = bufferedByteCount
        if remaining > 0 {
            let error = EventStreamError.truncated(remaining)
            failure = error
            buffer = []
            start = 0
            pending = nil
            throw error
        }
    }

    /// Decodes every message in a complete stream.
    ///
    /// - Throws: ``EventStreamError`` for an invalid message or ``EventStreamError/truncated(_:)`` for a partial one
    ///   at the end.
    public static func decodeAll(
        _ data: Data,
        maximumMessageLength: Int = EventStreamFraming.defaultMaximumMessageLength,
        maximumHeadersLength: Int = EventStreamFraming.defaultMaximumHeadersLength
    ) throws(EventStreamError) -> [EventStreamMessage] {
        var decoder = EventStreamDecoder(
            maximumMessageLength: maximumMessageLength, maximumHeadersLength: maximumHeadersLength)
        decoder.append(data)
        var messages: [EventStreamMessage] = []
        while let message = try decoder.next() { messages.append(message) }
        try decoder.finish()
        return messages
    }

    // MARK: - Framing

    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            // Keep a modest allocation for the next message; give a large one back.
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
        } else {
            buffer.removeSubrange(0..<start)
        }
        start = 0
    }

    private mutating func decodeNext() throws(EventStreamError) -> EventStreamMessage? {
        guard bufferedByteCount >= EventStreamFraming.preludeLength else { return nil }
        let prelude: (total: Int, headers: Int)
        if let pending {
            prelude = pending
        } else {
            prelude = try validatePrelude()
            pending = prelude
        }
        guard bufferedByteCount >= prelude.total else { return nil }

        let end = start + prelude.total
        let sent = readUInt32(at: end - 4)
        let computed = CRC32.checksum(buffer[start..<end - 4])
        guard sent == computed else { throw .messageChecksumMismatch(expected: sent, actual: computed) }

        let headersStart = start + EventStreamFraming.preludeLength
        let headersEnd = headersStart + prelude.headers
        let headers = try parseHeaders(headersStart..<headersEnd)
        let payload = Data(buffer[headersEnd..<end - 4])

        start = end
        pending = nil
        return EventStreamMessage(headers: headers, payload: payload)
    }

    private func validatePrelude() throws(EventStreamError) -> (total: Int, headers: Int) {
        let total = Int(readUInt32(at: start))
        let headers = Int(readUInt32(at: start + 4))
        let sent = readUInt32(at: start + 8)
        let computed = CRC32.checksum(buffer[start..<start + 8])
        guard sent == computed else { throw .preludeChecksumMismatch(expected: sent, actual: computed) }
        guard total >= EventStreamFraming.minimumMessageLength,
            headers <= total - EventStreamFraming.minimumMessageLength
        else { throw .invalidPrelude(totalLength: total, headersLength: headers) }
        guard total <= maximumMessageLength else { throw .messageTooLarge(total) }
        guard headers <= maximumHeadersLength else { throw .headersTooLarge(headers) }
        return (total, headers)
    }

    private func readUInt32(at index: Int) -> UInt32 {
        UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16 | UInt32(buffer[index + 2]) << 8
            | UInt32(buffer[index + 3])
    }

    // MARK: - Headers

    private func parseHeaders(_ range: Range<Int>) throws(EventStreamError) -> [EventStreamHeader] {
        var reader = HeaderReader(bytes: buffer, position: range.lowerBound, end: range.upperBound)
        var headers: [EventStreamHeader] = []
        while !reader.isAtEnd {
            let offset = reader.position - range.lowerBound
            let nameLength = Int(try reader.readByte(offset, "header name length"))
            guard let name = try reader.readString(count: nameLength, offset, "header name") else {
                throw .malformedHeaders("header name at offset \(offset) is not valid UTF-8")
            }
            let type = try reader.readByte(offset, "type of header '\(name)'")
            let value: EventStreamHeaderValue
            switch type {
            case 0: value = .bool(true)
            case 1: value = .bool(false)
            case 2: value = .byte(Int8(bitPattern: try reader.readByte(offset, "value of '\(name)'")))
            case 3: value = .short(Int16(bitPattern: UInt16(try reader.readInteger(2, offset, name))))
            case 4: value = .int(Int32(bitPattern: UInt32(try reader.readInteger(4, offset, name))))
            case 5: value = .long(Int64(bitPattern: try reader.readInteger(8, offset, name)))
            case 6:
                let count = Int(try reader.readInteger(2, offset, name))
                value = .bytes(Data(try reader.readBytes(count: count, offset, "value of '\(name)'")))
            case 7:
                let count = Int(try reader.readInteger(2, offset, name))
                guard let text = try reader.readString(count: count, offset, "value of '\(name)'") else {
                    throw .malformedHeaders("string value of header '\(name)' is not valid UTF-8")
                }
                value = .string(text)
            case 8:
                let milliseconds = Int64(bitPattern: try reader.readInteger(8, offset, name))
                value = .timestamp(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            case 9:
                let raw = try reader.readBytes(count: 16, offset, "value of '\(name)'")
                let b = Array(raw)
                value = .uuid(
                    UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
            default:
                throw .malformedHeaders("header '\(name)' at offset \(offset) has unknown type \(type)")
            }
            headers.append(EventStreamHeader(name: name, value: value))
        }
        return headers
    }
}

/// Bounds-checked reads within one message's header section.
private struct HeaderReader {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    var isAtEnd: Bool { position >= end }

    mutating func readBytes(count: Int, _ offset: Int, _ what: @autoclosure () -> String)
        throws(EventStreamError) -> ArraySlice<UInt8>
    {
        guard count >= 0, end - position >= count else {
            throw .malformedHeaders("\(what()) (header at offset \(offset)) runs past the end of the headers")
        }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func readByte(_ offset: Int, _ what: @autoclosure () -> String) throws(EventStreamError) -> UInt8 {
        let slice = try readBytes(count: 1, offset, what())
        return slice[slice.startIndex]
    }

    /// A big-endian unsigned integer of `width` bytes.
    mutating func readInteger(_ width: Int, _ offset: Int, _ name: String) throws(EventStreamError) -> UInt64 {
        try readBytes(count: width, offset, "value of '\(name)'").reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// UTF-8 text, or `nil` when the bytes are not valid UTF-8.
    mutating func readString(count: Int, _ offset: Int, _ what: @autoclosure () -> String)
        throws(EventStreamError) -> String?
    {
        let slice = try readBytes(count: count, offset, what())
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        var iterator = slice.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return String(decoding: slice, as: UTF8.self)
            case .error: return nil
            }
        }
    }
}
