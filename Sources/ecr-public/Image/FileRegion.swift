import AWSRuntime
import Foundation

/// A run of bytes in a file: a whole blob file of an OCI layout directory, or one member of a tar archive.
///
/// Blobs are never copied out of an archive: every read seeks into the original file, so an image of any
/// size is pushed with only one part in memory per upload.
struct FileRegion: Hashable, Sendable {
    let path: String
    let offset: Int64
    let length: Int64

    /// The region covering the whole regular file at `path` (symbolic links followed, as tools that share
    /// blobs between layouts link them), or nil when there is none.
    static func wholeFile(at path: String) -> FileRegion? {
        let path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.int64Value
        else { return nil }
        return FileRegion(path: path, offset: 0, length: size)
    }

    /// The whole region in memory; only for small documents (manifests, configs), so it refuses more than `limit`.
    func contents(limit: Int64) throws(ImageSourceError) -> Data {
        guard length <= limit else { throw .documentTooLarge(path: path, size: length, limit: limit) }
        var reader = try RegionReader(self)
        return try reader.read(upToCount: Int(length)) ?? Data()
    }

    /// The SHA-256 digest of the region, read a chunk at a time.
    func digest() throws(ImageSourceError) -> Digest {
        var reader = try RegionReader(self)
        var hasher = SHA256()
        while let chunk = try reader.read(upToCount: RegionReader.chunkSize) {
            hasher.update(chunk)
        }
        return Digest(hex: hasher.finalize().hexString)
    }
}

/// Reads a ``FileRegion`` front to back in chunks of the caller's choosing.
struct RegionReader {
    /// What whole-region passes (hashing, compressing) read at a time.
    static let chunkSize = 1 << 20

    private let handle: FileHandle
    private let region: FileRegion
    private(set) var position: Int64 = 0

    init(_ region: FileRegion) throws(ImageSourceError) {
        guard let handle = FileHandle(forReadingAtPath: region.path) else { throw .unreadable(path: region.path) }
        do {
            try handle.seek(toOffset: UInt64(region.offset))
        } catch {
            throw .unreadable(path: region.path)
        }
        self.handle = handle
        self.region = region
    }

    /// Up to `count` more bytes of the region; nil once it is all read. A file that ends early is an error,
    /// since the bytes would no longer match the digest the push announced.
    mutating func read(upToCount count: Int) throws(ImageSourceError) -> Data? {
        let wanted = Int(min(Int64(count), region.length - position))
        guard wanted > 0 else {
            try? handle.close()
            return nil
        }
        let data: Data
        do {
            data = try handle.read(upToCount: wanted) ?? Data()
        } catch {
            throw .unreadable(path: region.path)
        }
        guard data.count == wanted else { throw .truncated(path: region.path) }
        position += Int64(wanted)
        return data
    }
}
