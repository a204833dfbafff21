import Foundation

/// Encodes CBOR (RFC 8949) item by item into a byte buffer.
///
/// ```swift
/// var writer = CBORWriter()
/// writer.startMap(count: 2)
/// writer.writeText("floatValue"); writer.writeFloat(7.625)         // fa 40f40000
/// writer.writeText("at"); writer.writeTimestamp(epochSeconds: 1.5)  // c1 fb 3ff8000000000000
/// writer.data
/// ```
///
/// Integers and every length are written in their shortest form. Floats are written at the width asked for:
/// rpcv2Cbor clients send `Float` members as single precision (``writeFloat(_:)``), `Double` members and
/// timestamps as double precision (``writeDouble(_:)``, `writeTimestamp(epochSeconds:)`);
/// ``writeShortestFloat(_:)`` picks the narrowest exact width instead.
///
/// Arrays and maps are started with their item count (or as indefinite-length, ended with ``writeBreak()``),
/// then their items follow: one per array element, key then value per map pair. The writer does not check that
/// the counts match what follows.
public struct CBORWriter: Sendable {
    /// How ``write(_:floats:)`` encodes `.float` values.
    public enum FloatWidth: Sendable {
        /// Half, single or double precision, whichever is the narrowest that holds the value exactly
        /// (RFC 8949 preferred serialization); NaN becomes the half-precision quiet NaN `f9 7e00`.
        case shortest
        /// Always double precision, NaN payloads included.
        case double
    }

    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty buffer.
    public init() {}

    /// The bytes written so far.
    public var data: Data { Data(bytes) }

    // MARK: - Integers

    /// An unsigned integer (major type 0).
    public mutating func writeUnsigned(_ value: UInt64) {
        writeHead(major: 0, argument: value)
    }

    /// A signed integer: major type 0 when it is zero or more, else major type 1.
    public mutating func writeInteger(_ value: Int64) {
        if value >= 0 {
            writeHead(major: 0, argument: UInt64(value))
        } else {
            writeHead(major: 1, argument: UInt64(-(value + 1)))
        }
    }

    /// The negative integer −1 − `n` (major type 1), for the range `Int64` cannot hold.
    public mutating func writeNegative(_ n: UInt64) {
        writeHead(major: 1, argument: n)
    }

    // MARK: - Strings

    /// A definite-length byte string (major type 2).
    public mutating func writeBytes(_ value: Data) {
        writeHead(major: 2, argument: UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A definite-length byte string (major type 2).
    public mutating func writeBytes(_ value: [UInt8]) {
        writeHead(major: 2, argument: UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A definite-length UTF-8 text string (major type 3).
    public mutating func writeText(_ value: String) {
        writeHead(major: 3, argument: UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    // MARK: - Arrays and maps

    /// Starts an array of `count` items (major type 4); the items follow.
    public mutating func startArray(count: Int) {
        writeHead(major: 4, argument: UInt64(count))
    }

    /// Starts a map of `count` pairs (major type 5); each key, then its value, follow.
    public mutating func startMap(count: Int) {
        writeHead(major: 5, argument: UInt64(count))
    }

    /// Starts an indefinite-length array (`9f`); end it with ``writeBreak()``.
    public mutating func startIndefiniteArray() {
        bytes.append(0x9F)
    }

    /// Starts an indefinite-length map (`bf`); end it with ``writeBreak()``.
    public mutating func startIndefiniteMap() {
        bytes.append(0xBF)
    }

    /// Ends the innermost indefinite-length array or map (`ff`).
    public mutating func writeBreak() {
        bytes.append(0xFF)
    }

    // MARK: - Tags and simple values

    /// A tag (major type 6); the tagged item follows.
    public mutating func writeTag(_ tag: UInt64) {
        writeHead(major: 6, argument: tag)
    }

    /// `true` (`f5`) or `false` (`f4`).
    public mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 0xF5 : 0xF4)
    }

    /// `null` (`f6`).
    public mutating func writeNull() {
        bytes.append(0xF6)
    }

    /// `undefined` (`f7`).
    public mutating func writeUndefined() {
        bytes.append(0xF7)
    }

    /// A simple value: 0…19 or 32…255 (20…23 are false, true, null and undefined; 24…31 have no encoding).
    public mutating func writeSimple(_ value: UInt8) {
        precondition(!(24...31).contains(value), "CBORWriter: simple values 24…31 cannot be encoded")
        if value < 24 {
            bytes.append(0xE0 | value)
        } else {
            bytes.append(0xF8)
            bytes.append(value)
        }
    }

    // MARK: - Floats and timestamps

    /// A double-precision float (`fb`), bit for bit.
    public mutating func writeDouble(_ value: Double) {
        bytes.append(0xFB)
        appendBigEndian(value.bitPattern)
    }

    /// A single-precision float (`fa`), bit for bit.
    public mutating func writeFloat(_ value: Float) {
        bytes.append(0xFA)
        appendBigEndian(value.bitPattern)
    }

    /// A half-precision float (`f9`) given as its IEEE 754 binary16 bits.
    public mutating func writeFloat16(bits: UInt16) {
        bytes.append(0xF9)
        appendBigEndian(bits)
    }

    /// `value` as a half, single or double precision float, whichever is the narrowest that holds it exactly
    /// (`1.5` → `f9 3e00`, `100000.0` → `fa 47c35000`, `1.1` → `fb …`); NaN becomes `f9 7e00`.
    public mutating func writeShortestFloat(_ value: Double) {
        if let half = CBORHalfFloat.bits(exactly: value) {
            writeFloat16(bits: half)
        } else if let single = Float(exactly: value) {
            writeFloat(single)
        } else {
            writeDouble(value)
        }
    }

    /// A timestamp as rpcv2Cbor sends it: tag 1 around the seconds since 1970 as a double (`c1 fb …`).
    public mutating func writeTimestamp(epochSeconds: Double) {
        writeTag(CBORValue.epochDateTimeTag)
        writeDouble(epochSeconds)
    }

    /// A timestamp of whole seconds: tag 1 around an integer (`c1 00` for the epoch).
    public mutating func writeTimestamp(epochSeconds: Int64) {
        writeTag(CBORValue.epochDateTimeTag)
        writeInteger(epochSeconds)
    }

    /// A date as tag 1 around `date.timeIntervalSince1970` as a double.
    ///
    /// `Date` counts from 2001, so a date built from epoch seconds with a fraction can come back one ulp away;
    /// pass the seconds themselves when they are at hand.
    public mutating func writeTimestamp(_ date: Date) {
        writeTimestamp(epochSeconds: date.timeIntervalSince1970)
    }

    // MARK: - Value trees

    /// Writes `value` and everything inside it, with definite lengths; `.float` values at width `floats`.
    public mutating func write(_ value: CBORValue, floats: FloatWidth = .shortest) {
        switch value {
        case .unsigned(let number): writeUnsigned(number)
        case .negative(let number): writeNegative(number)
        case .bytes(let data): writeBytes(data)
        case .text(let text): writeText(text)
        case .array(let items):
            startArray(count: items.count)
            for item in items { write(item, floats: floats) }
        case .map(let pairs):
            startMap(count: pairs.count)
            for pair in pairs {
                write(pair.key, floats: floats)
                write(pair.value, floats: floats)
            }
        case .tag(let tag, let item):
            writeTag(tag)
            write(item, floats: floats)
        case .simple(let simple): writeSimple(simple)
        case .bool(let flag): writeBool(flag)
        case .null: writeNull()
        case .undefined: writeUndefined()
        case .float(let number):
            switch floats {
            case .shortest: writeShortestFloat(number)
            case .double: writeDouble(number)
            }
        }
    }

    /// The bytes of `value` (see ``write(_:floats:)``).
    public static func encode(_ value: CBORValue, floats: FloatWidth = .shortest) -> Data {
        var writer = CBORWriter()
        writer.write(value, floats: floats)
        return writer.data
    }

    // MARK: - Heads

    /// The initial byte and the argument in its shortest form: in the initial byte below 24, then in 1, 2, 4
    /// or 8 following bytes (additional information 24…27).
    private mutating func writeHead(major: UInt8, argument: UInt64) {
        let type = major << 5
        switch argument {
        case 0..<24:
            bytes.append(type | UInt8(argument))
        case 24...0xFF:
            bytes.append(type | 24)
            bytes.append(UInt8(argument))
        case 0x100...0xFFFF:
            bytes.append(type | 25)
            appendBigEndian(UInt16(argument))
        case 0x1_0000...0xFFFF_FFFF:
            bytes.append(type | 26)
            appendBigEndian(UInt32(argument))
        default:
            bytes.append(type | 27)
            appendBigEndian(argument)
        }
    }

    private mutating func appendBigEndian<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
