import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one JSON document being written: one growing allocation, handed to `Data` without a copy.
///
/// Written for request bodies that carry large blobs: a blob's base64 goes straight into the buffer (no
/// intermediate `String`, no escaping scan), and the buffer grows to the exact size a blob needs instead of
/// doubling, so a 20 MiB part costs one 27 MiB body and nothing more.
final class JSONOutputBuffer {
    private var storage: BodyMemory
    private var capacity: Int { storage.capacity }
    private(set) var count = 0

    init(capacity: Int = 256) {
        storage = BodyMemory(capacity: max(capacity, 16))
    }

    deinit {
        storage.free()
    }

    /// The written bytes as `Data`; the buffer is empty afterwards.
    func takeData() -> Data {
        let taken = storage
        let data = Data(bytesNoCopy: taken.bytes, count: count, deallocator: .custom { _, _ in taken.free() })
        storage = BodyMemory(capacity: 16)
        count = 0
        return data
    }

    /// Makes room for `extra` more bytes: doubling for small writes, exactly what is asked for large ones.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        let newCapacity = needed > (1 << 20) ? needed + 4096 : max(needed, capacity * 2)
        let newStorage = BodyMemory(capacity: newCapacity)
        newStorage.bytes.update(from: storage.bytes, count: count)
        storage.free()
        storage = newStorage
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage.bytes[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage.bytes + count).update(from: bytes.bindMemory(to: UInt8.self).baseAddress!, count: bytes.count)
        count += bytes.count
    }

    func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    func append(ascii text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// `text` as a JSON string: quotes, and escapes for `"`, `\` and control characters; `/` and non-ASCII as is.
    func appendString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count + 2)
            append(UInt8(ascii: "\""))
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<utf8.count]))
            append(UInt8(ascii: "\""))
        }
    }

    private func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append(ascii: "\\\"")
        case UInt8(ascii: "\\"): append(ascii: "\\\\")
        case 0x0A: append(ascii: "\\n")
        case 0x0D: append(ascii: "\\r")
        case 0x09: append(ascii: "\\t")
        case 0x08: append(ascii: "\\b")
        case 0x0C: append(ascii: "\\f")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            append(ascii: "\\u00")
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0x0F)])
        }
    }

    /// `data` as a JSON string of standard, padded base64, written in place.
    func appendBase64(_ data: Data) {
        let encodedCount = (data.count + 2) / 3 * 4
        reserve(encodedCount + 2)
        append(UInt8(ascii: "\""))
        data.withUnsafeBytes { raw in
            Base64Writer.encode(raw, into: storage.bytes + count)
        }
        count += encodedCount
        append(UInt8(ascii: "\""))
    }

    /// A JSON number for a finite `Double`: whole values below 2^53 without a fraction, others in Swift's shortest
    /// round-tripping form; non-finite values as the strings Smithy's JSON rules use.
    func appendNumber(_ value: Double) {
        if value.isNaN { return append(ascii: "\"NaN\"") }
        if value.isInfinite { return append(ascii: value < 0 ? "\"-Infinity\"" : "\"Infinity\"") }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            append(ascii: String(Int64(value)))
        } else {
            append(ascii: value.description)
        }
    }
}

/// Standard base64 (RFC 4648, with padding), writing straight into a buffer.
enum Base64Writer {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Writes `(bytes.count + 2) / 3 * 4` bytes at `output`.
    static func encode(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>) {
        alphabet.withUnsafeBufferPointer { table in
            let input = bytes.bindMemory(to: UInt8.self)
            var out = output
            var index = 0
            let whole = input.count - input.count % 3
            while index < whole {
                let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                out[0] = table[Int(value >> 18)]
                out[1] = table[Int((value >> 12) & 0x3F)]
                out[2] = table[Int((value >> 6) & 0x3F)]
                out[3] = table[Int(value & 0x3F)]
                out += 4
                index += 3
            }
            switch input.count - whole {
            case 1:
                let value = UInt32(input[index]) << 16
                out[0] = table[Int(value >> 18)]
                out[1] = table[Int((value >> 12) & 0x3F)]
                out[2] = UInt8(ascii: "=")
                out[3] = UInt8(ascii: "=")
            case 2:
                let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
                out[0] = table[Int(value >> 18)]
                out[1] = table[Int((value >> 12) & 0x3F)]
                out[2] = table[Int((value >> 6) & 0x3F)]
                out[3] = UInt8(ascii: "=")
            default:
                break
            }
        }
    }
}

/// Memory for request bodies. Bodies of a MiB and more are mapped from the system and unmapped when freed: the C
/// allocator would keep a freed 27 MiB body in the arena of whichever thread sent it, so a tool uploading parts
/// from several threads would hold one dead body per thread.
struct BodyMemory: @unchecked Sendable {
    private static let mappedThreshold = 1 << 20
    #if canImport(Darwin)
    private static let anonymous = MAP_ANON
    #else
    private static let anonymous = MAP_ANONYMOUS
    #endif

    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// Whether `bytes` came from `mmap` (else from the allocator, also when a large mapping was refused): freeing
    /// must go back the same way, or `munmap` would cut pages out of the allocator's heap.
    private let isMapped: Bool

    init(capacity: Int) {
        self.capacity = capacity
        if capacity >= Self.mappedThreshold,
           let mapped = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | Self.anonymous, -1, 0),
           mapped != MAP_FAILED {
            bytes = mapped.assumingMemoryBound(to: UInt8.self)
            isMapped = true
        } else {
            bytes = .allocate(capacity: capacity)
            isMapped = false
        }
    }

    func free() {
        if isMapped {
            munmap(bytes, capacity)
        } else {
            bytes.deallocate()
        }
    }
}
