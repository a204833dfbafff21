import Foundation

/// Writes small ustar archives in memory for the push tests: regular files (a pax header carries names over
/// 99 bytes, as GNU tar and Go's archive/tar do), directories and symbolic links. `gnu` writes GNU tar's
/// own format instead: `././@LongLink` entries for names and base-256 size fields (what GNU tar uses past
/// 8 GiB), so a reader must handle both.
struct TarWriter {
    private(set) var data = Data()
    var gnu = false

    mutating func addFile(_ name: String, _ contents: Data, forcePax: Bool = false) {
        if gnu {
            let longName = Data(name.utf8) + Data([0])
            append(header(name: "././@LongLink", size: longName.count, type: "L"))
            appendPadded(longName)
            append(header(name: "gnu-named-" + String(name.suffix(20)), size: contents.count, type: "0"))
        } else if name.utf8.count > 99 || forcePax {
            let record = Self.paxRecord("path", name)
            append(header(name: "PaxHeaders/long-name", size: record.count, type: "x"))
            appendPadded(record)
            append(header(name: "pax-named-" + String(name.suffix(20)), size: contents.count, type: "0"))
        } else {
            append(header(name: name, size: contents.count, type: "0"))
        }
        appendPadded(contents)
    }

    mutating func addDirectory(_ name: String) {
        append(header(name: name.hasSuffix("/") ? name : name + "/", size: 0, type: "5"))
    }

    mutating func addSymbolicLink(_ name: String, target: String) {
        append(header(name: name, size: 0, type: "2", linkName: target))
    }

    /// The archive with its end marker (two zero blocks).
    func finished() -> Data {
        data + Data(count: 1024)
    }

    /// `"<length> key=value\n"`, where the length counts itself.
    private static func paxRecord(_ key: String, _ value: String) -> Data {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).count + body.utf8.count != length { length += 1 }
        return Data((String(length) + body).utf8)
    }

    private func header(name: String, size: Int, type: Character, linkName: String = "") -> Data {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        put(name, at: 0, width: 100)
        put(octal(0o644, width: 8), at: 100, width: 8)
        put(octal(0, width: 8), at: 108, width: 8)
        put(octal(0, width: 8), at: 116, width: 8)
        if gnu {
            // Base-256: the high bit of the first byte set, the value big-endian in the rest.
            block[124] = 0x80
            for index in 0..<8 { block[135 - index] = UInt8(truncatingIfNeeded: size >> (index * 8)) }
        } else {
            put(octal(size, width: 12), at: 124, width: 12)
        }
        put(octal(1_700_000_000, width: 12), at: 136, width: 12)
        put("        ", at: 148, width: 8)
        put(String(type), at: 156, width: 1)
        put(linkName, at: 157, width: 100)
        if gnu {
            put("ustar  ", at: 257, width: 8)
        } else {
            put("ustar", at: 257, width: 6)
            put("00", at: 263, width: 2)
        }
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7), at: 148, width: 7)
        return Data(block)
    }

    private mutating func append(_ block: Data) {
        data.append(block)
    }

    private mutating func appendPadded(_ contents: Data) {
        data.append(contents)
        data.append(Data(count: (512 - contents.count % 512) % 512))
    }
}
