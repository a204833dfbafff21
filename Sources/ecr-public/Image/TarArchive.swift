import Foundation

/// The files of a tar archive, found by walking its headers: each member is a ``FileRegion`` of the archive,
/// so no member is read until it is needed, and none is ever copied.
struct TarArchive: Sendable {
    let path: String
    /// Regular files by normalized path (no `./`, no leading `/`); links already resolved to their targets.
    let files: [String: FileRegion]

    /// Reads every header of the archive at `path`.
    init(path: String) throws(ImageSourceError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path) }
        defer { try? handle.close() }
        do {
            let entries = try Self.readEntries(handle, path: path)
            self.path = path
            self.files = Self.resolveLinks(entries)
        } catch let error as TarFormatError {
            throw .notATarArchive(path: path, reason: error.reason)
        } catch {
            throw .unreadable(path: path)
        }
    }

    /// One member as the headers describe it (before links are resolved).
    private struct Entry {
        var kind: TarHeader.Kind
        var region: FileRegion
        var linkName: String
    }

    private static func readEntries(_ handle: FileHandle, path: String) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        var offset: Int64 = 0
        var pending = PendingExtensions()
        while let header = try readHeader(handle, at: offset) {
            let dataOffset = offset + Int64(TarHeader.blockSize)
            var size = header.size
            switch header.kind {
            case .paxLocal, .paxGlobal:
                let records = try PaxRecords.parse(try readData(handle, at: dataOffset, count: header.size))
                if header.kind == .paxLocal { pending.pax = records } else { pending.global.merge(records) { $1 } }
            case .gnuLongName:
                pending.longName = cString(try readData(handle, at: dataOffset, count: header.size))
            case .gnuLongLink:
                pending.longLink = cString(try readData(handle, at: dataOffset, count: header.size))
            default:
                let attributes = pending.global.merging(pending.pax) { $1 }
                if let paxSize = attributes["size"] {
                    guard let value = Int64(paxSize), value >= 0 else { throw TarFormatError("bad pax size") }
                    size = value
                }
                let name = normalize(attributes["path"] ?? pending.longName ?? header.name)
                let link = attributes["linkpath"] ?? pending.longLink ?? header.linkName
                let region = FileRegion(path: path, offset: dataOffset, length: header.kind == .file ? size : 0)
                entries[name] = Entry(kind: header.kind, region: region, linkName: link)
                pending.clearEntryOnly()
            }
            offset = dataOffset + paddedSize(header.kind == .file || header.kind.carriesData ? size : 0)
        }
        return entries
    }

    /// The header at `offset`, or nil at the end-of-archive block or at the end of the file.
    private static func readHeader(_ handle: FileHandle, at offset: Int64) throws -> TarHeader? {
        try handle.seek(toOffset: UInt64(offset))
        guard let block = try handle.read(upToCount: TarHeader.blockSize), !block.isEmpty else {
            guard offset > 0 else { throw TarFormatError("the file is empty") }
            return nil
        }
        return try TarHeader.parse([UInt8](block))
    }

    /// A small member's bytes (pax and GNU extension payloads), capped so a corrupt size cannot exhaust memory.
    private static func readData(_ handle: FileHandle, at offset: Int64, count: Int64) throws -> [UInt8] {
        guard count <= 1 << 20 else { throw TarFormatError("an extended header is larger than 1 MiB") }
        try handle.seek(toOffset: UInt64(offset))
        let data = try handle.read(upToCount: Int(count)) ?? Data()
        guard data.count == count else { throw TarFormatError("the file ends inside an extended header") }
        return [UInt8](data)
    }

    private static func paddedSize(_ size: Int64) -> Int64 {
        let block = Int64(TarHeader.blockSize)
        return (size + block - 1) / block * block
    }

    private static func cString(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// `./blobs/sha256/ab` → `blobs/sha256/ab`.
    static func normalize(_ name: String) -> String {
        var parts: [Substring] = []
        for part in name.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// Regular files, with hard and symbolic links replaced by the file they lead to (`docker save` links
    /// a layer shared by two images rather than storing it twice).
    private static func resolveLinks(_ entries: [String: Entry]) -> [String: FileRegion] {
        var files: [String: FileRegion] = [:]
        for name in entries.keys {
            var current = name
            for _ in 0..<16 {
                guard let entry = entries[current] else { break }
                if entry.kind == .file {
                    files[name] = entry.region
                    break
                }
                guard entry.kind == .hardLink || entry.kind == .symbolicLink else { break }
                let directory = current.split(separator: "/").dropLast().joined(separator: "/")
                current = entry.kind == .symbolicLink && !entry.linkName.hasPrefix("/")
                    ? normalize(directory + "/" + entry.linkName) : normalize(entry.linkName)
            }
        }
        return files
    }
}

/// Extension headers waiting for the entry they describe.
private struct PendingExtensions {
    var pax: [String: String] = [:]
    var global: [String: String] = [:]
    var longName: String?
    var longLink: String?

    mutating func clearEntryOnly() {
        pax = [:]
        longName = nil
        longLink = nil
    }
}

extension TarHeader.Kind {
    /// Kinds other than regular files whose data blocks follow the header (and must be skipped).
    var carriesData: Bool {
        switch self {
        case .paxLocal, .paxGlobal, .gnuLongName, .gnuLongLink, .other: return true
        case .file, .hardLink, .symbolicLink, .directory: return false
        }
    }
}
