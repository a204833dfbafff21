import AWSRuntime
import Foundation

/// Gzip-compresses uncompressed `docker save` layers (`push --gzip`) into files of a scratch directory.
///
/// The runtime's `Gzip` compresses a whole buffer at once, so each 1 MiB chunk of the layer becomes one gzip
/// member and the members are written one after another. RFC 1952 defines a gzip file as a series of
/// members, and every registry client (Go's `compress/gzip`, zlib, Python) reads them as one stream; this
/// keeps memory to one chunk whatever the layer's size.
struct LayerCompressor: Sendable {
    let directory: URL

    /// Compresses `region` into a new file and returns that file's region.
    func compress(_ region: FileRegion, name: String) throws(ImageSourceError) -> FileRegion {
        let output = directory.appendingPathComponent(UUID().uuidString + ".tar.gz")
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: output.path)
        else { throw .unreadable(path: output.path) }
        defer { try? handle.close() }
        var reader = try RegionReader(region)
        do {
            while let chunk = try reader.read(upToCount: RegionReader.chunkSize) {
                try handle.write(contentsOf: Gzip.compress(chunk))
            }
        } catch let error as ImageSourceError {
            throw error
        } catch {
            throw .unreadable(path: output.path)
        }
        guard let compressed = FileRegion.wholeFile(at: output.path) else { throw .unreadable(path: output.path) }
        return compressed
    }

    /// Whether the region starts with the gzip magic bytes (a layer that is compressed already).
    static func isGzip(_ region: FileRegion) throws(ImageSourceError) -> Bool {
        var reader = try RegionReader(region)
        return try reader.read(upToCount: 2) == Data([0x1F, 0x8B])
    }
}
