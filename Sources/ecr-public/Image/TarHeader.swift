import Foundation

/// One 512-byte tar header block (POSIX ustar, with the GNU and pax extensions an image tool may write).
struct TarHeader {
    static let blockSize = 512

    /// What the entry is; only the kinds an image archive needs are told apart.
    enum Kind: Equatable {
        case file, hardLink, symbolicLink, directory
        /// A pax extended header for the next entry (`x`) or for all that follow (`g`).
        case paxLocal, paxGlobal
        /// GNU long name / long link name for the next entry (`L`, `K`).
        case gnuLongName, gnuLongLink
        case other
    }

    var name: String
    var size: Int64
    var kind: Kind
    var linkName: String

    /// Parses `block`; nil for an all-zero block (the end-of-archive marker). Throws `reason` text when the
    /// block is not a tar header, so a random file is told apart from a damaged archive.
    static func parse(_ block: [UInt8]) throws(TarFormatError) -> TarHeader? {
        guard block.count == blockSize else { throw TarFormatError("the file ends inside a header") }
        guard block.contains(where: { $0 != 0 }) else { return nil }
        try checkChecksum(block)
        // Only POSIX ustar (`ustar\0`) has a name prefix there; old GNU tar (`ustar  \0`) keeps times in it.
        let prefix = block[257..<263].elementsEqual(Array("ustar".utf8) + [0]) ? string(block[345..<500]) : ""
        let base = string(block[0..<100])
        return TarHeader(
            name: prefix.isEmpty ? base : prefix + "/" + base,
            size: try number(block[124..<136], field: "size"),
            kind: kind(block[156]),
            linkName: string(block[157..<257]))
    }

    /// The header checksum: the byte sum with the checksum field read as spaces (unsigned, as POSIX says;
    /// some old tars summed signed bytes, which is accepted too).
    private static func checkChecksum(_ block: [UInt8]) throws(TarFormatError) {
        let recorded = try number(block[148..<156], field: "checksum")
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (index, byte) in block.enumerated() {
            let value = (148..<156).contains(index) ? UInt8(ascii: " ") : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        guard recorded == unsigned || recorded == signed else { throw TarFormatError("bad header checksum") }
    }

    /// A numeric field: octal text, or GNU base-256 (high bit set) for sizes past 8 GiB.
    private static func number(_ field: ArraySlice<UInt8>, field name: String) throws(TarFormatError) -> Int64 {
        if let first = field.first, first & 0x80 != 0 {
            var value = Int64(first & 0x7F)
            for byte in field.dropFirst() {
                guard value < Int64.max >> 8 else { throw TarFormatError("the \(name) field overflows") }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        let text = String(decoding: field.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return 0 }
        guard let value = Int64(text, radix: 8), value >= 0 else { throw TarFormatError("the \(name) field is not octal") }
        return value
    }

    private static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func kind(_ flag: UInt8) -> Kind {
        switch flag {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): return .file
        case UInt8(ascii: "1"): return .hardLink
        case UInt8(ascii: "2"): return .symbolicLink
        case UInt8(ascii: "5"): return .directory
        case UInt8(ascii: "x"): return .paxLocal
        case UInt8(ascii: "g"): return .paxGlobal
        case UInt8(ascii: "L"): return .gnuLongName
        case UInt8(ascii: "K"): return .gnuLongLink
        default: return .other
        }
    }
}

/// Why bytes could not be read as a tar archive.
struct TarFormatError: Error, Equatable {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
