import Foundation

/// Encodes ``EventStreamMessage`` values as `application/vnd.amazon.eventstream` frames.
public struct EventStreamEncoder: Sendable {
    /// The largest total message length this encoder produces; larger messages throw ``EventStreamError/messageTooLarge(_:)``.
    public var maximumMessageLength: Int
    /// The largest header section this encoder produces; larger ones throw ``EventStreamError/headersTooLarge(_:)``.
    public var maximumHeadersLength: Int

    /// Creates an encoder with the given limits (by default AWS's: 16 MiB messages, 128 KiB headers).
    public init(
        maximumMessageLength: Int = EventStreamFraming.defaultMaximumMessageLength,
        maximumHeadersLength: Int = EventStreamFraming.defaultMaximumHeadersLength
    ) {
        self.maximumMessageLength = maximumMessageLength
        self.maximumHeadersLength = maximumHeadersLength
    }

    /// Encodes one message: prelude, headers, payload and message CRC-32.
    ///
    /// - Throws: ``EventStreamError/unencodable(_:)`` for a header name over 255 UTF-8 bytes, a string or bytes value
    ///   over 65,535 bytes, or a timestamp outside the 64-bit millisecond range; ``EventStreamError/headersTooLarge(_:)``
    ///   or ``EventStreamError/messageTooLarge(_:)`` when a limit is exceeded.
    public func encode(_ message: EventStreamMessage) throws(EventStreamError) -> Data {
        var headerBytes: [UInt8] = []
        for header in message.headers { try Self.append(header, to: &headerBytes) }
        guard headerBytes.count <= maximumHeadersLength else { throw .headersTooLarge(headerBytes.count) }
        let total = EventStreamFraming.minimumMessageLength + headerBytes.count + message.payload.count
        guard total <= maximumMessageLength, total <= Int(UInt32.max) else { throw .messageTooLarge(total) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        Self.appendBigEndian(UInt32(total), to: &bytes)
        Self.appendBigEndian(UInt32(headerBytes.count), to: &bytes)
        Self.appendBigEndian(CRC32.checksum(bytes[0..<8]), to: &bytes)
        bytes += headerBytes
        bytes += message.payload
        Self.appendBigEndian(CRC32.checksum(bytes), to: &bytes)
        return Data(bytes)
    }

    /// Encodes several messages back to back, as they would appear in one stream.
    public func encode(_ messages: some Sequence<EventStreamMessage>) throws(EventStreamError) -> Data {
        var data = Data()
        for message in messages { data += try encode(message) }
        return data
    }

    /// The wire form of `headers` alone, as event signing hashes them.
    static func headerBytes(_ headers: [EventStreamHeader]) throws(EventStreamError) -> [UInt8] {
        var bytes: [UInt8] = []
        for header in headers { try append(header, to: &bytes) }
        return bytes
    }

    private static func append(_ header: EventStreamHeader, to bytes: inout [UInt8]) throws(EventStreamError) {
        let name = Array(header.name.utf8)
        guard name.count <= Int(UInt8.max) else {
            throw .unencodable("header name of \(name.count) bytes is over 255: \(header.name.prefix(32))…")
        }
        bytes.append(UInt8(name.count))
        bytes += name
        bytes.append(header.value.typeCode)
        switch header.value {
        case .bool: break
        case .byte(let value): bytes.append(UInt8(bitPattern: value))
        case .short(let value): appendBigEndian(UInt16(bitPattern: value), to: &bytes)
        case .int(let value): appendBigEndian(UInt32(bitPattern: value), to: &bytes)
        case .long(let value): appendBigEndian(UInt64(bitPattern: value), to: &bytes)
        case .bytes(let value): try appendLengthPrefixed(value, name: header.name, to: &bytes)
        case .string(let value): try appendLengthPrefixed(value.utf8, name: header.name, to: &bytes)
        case .timestamp(let date):
            guard let milliseconds = Int64(exactly: (date.timeIntervalSince1970 * 1000).rounded()) else {
                throw .unencodable("timestamp header '\(header.name)' is outside the 64-bit millisecond range")
            }
            appendBigEndian(UInt64(bitPattern: milliseconds), to: &bytes)
        case .uuid(let value):
            withUnsafeBytes(of: value.uuid) { bytes += $0 }
        }
    }

    private static func appendLengthPrefixed(
        _ value: some Collection<UInt8>, name: String, to bytes: inout [UInt8]
    ) throws(EventStreamError) {
        guard value.count <= Int(UInt16.max) else {
            throw .unencodable("value of header '\(name)' is \(value.count) bytes, over 65,535")
        }
        appendBigEndian(UInt16(value.count), to: &bytes)
        bytes += value
    }

    private static func appendBigEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
    }
}
