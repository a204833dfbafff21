import AWSRuntime
import Foundation
import TestSupport

/// A single-layer OCI image layout written to disk for the push benchmark: one uncompressed layer tar holding
/// one file of pseudo-random bytes (incompressible, reproducible), its config and manifest.
struct BenchmarkImage {
    let layout: URL
    let layerFile: URL
    let layerDigest: String
    let layerSize: Int

    /// Writes the layout under a fresh temporary folder; the layer is streamed to disk a MiB at a time, so
    /// writing it holds no more than that in memory.
    static func write(layerSize: Int, seed: UInt64) throws -> BenchmarkImage {
        let layout = FileManager.default.temporaryDirectory.appendingPathComponent("push-benchmark-\(UUID().uuidString)")
        let blobs = layout.appendingPathComponent("blobs/sha256")
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)

        let staging = layout.appendingPathComponent("layer.partial")
        let (layerDigest, writtenSize) = try writeLayerTar(to: staging, fileSize: layerSize - 3 * 512, seed: seed)
        let layerFile = blobs.appendingPathComponent(String(layerDigest.dropFirst("sha256:".count)))
        try FileManager.default.moveItem(at: staging, to: layerFile)

        let config = Data(#"{"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": ["\#(layerDigest)"]}}"#.utf8)
        let configDigest = try writeBlob(config, into: blobs)
        let manifest = Data("""
            {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", \
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "\(configDigest)", "size": \(config.count)}, \
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "\(layerDigest)", "size": \(writtenSize)}]}
            """.utf8)
        let manifestDigest = try writeBlob(manifest, into: blobs)
        try Data(#"{"imageLayoutVersion": "1.0.0"}"#.utf8).write(to: layout.appendingPathComponent("oci-layout"))
        try Data("""
            {"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", \
            "digest": "\(manifestDigest)", "size": \(manifest.count), "annotations": {"org.opencontainers.image.ref.name": "latest"}}]}
            """.utf8).write(to: layout.appendingPathComponent("index.json"))
        return BenchmarkImage(layout: layout, layerFile: layerFile, layerDigest: layerDigest, layerSize: writtenSize)
    }

    func remove() {
        try? FileManager.default.removeItem(at: layout)
    }

    private static func writeBlob(_ data: Data, into blobs: URL) throws -> String {
        let hex = SHA256.hash(data).description
        try data.write(to: blobs.appendingPathComponent(hex))
        return "sha256:" + hex
    }

    /// A ustar archive with one regular file `data.bin` of `fileSize` bytes; returns its digest and size.
    private static func writeLayerTar(to url: URL, fileSize: Int, seed: UInt64) throws -> (String, Int) {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var hash = SHA256()
        var written = 0
        func emit(_ bytes: Data) throws {
            hash.update(bytes)
            try handle.write(contentsOf: bytes)
            written += bytes.count
        }
        try emit(tarHeader(name: "data.bin", size: fileSize))
        var random = SplitMix64(seed: seed)
        var remaining = fileSize
        while remaining > 0 {
            let count = min(remaining, 1 << 20)
            var chunk = Data(count: (count + 7) / 8 * 8)
            chunk.withUnsafeMutableBytes { buffer in
                for index in 0..<buffer.count / 8 {
                    buffer.storeBytes(of: random.next(), toByteOffset: index * 8, as: UInt64.self)
                }
            }
            try emit(chunk.prefix(count))
            remaining -= count
        }
        let padding = (512 - fileSize % 512) % 512
        try emit(Data(count: padding + 1024))  // the file's last block, then the two zero blocks ending the archive
        return ("sha256:" + hash.finalize().description, written)
    }

    /// A 512-byte ustar header for a regular file.
    private static func tarHeader(name: String, size: Int) -> Data {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
        }
        put(name, at: 0)
        put("0000644", at: 100)
        put("0000000", at: 108)
        put("0000000", at: 116)
        put(String(size, radix: 8).leftPadded(to: 11), at: 124)
        put("00000000000", at: 136)
        put("0", at: 156)
        put("ustar", at: 257)
        put("00", at: 263)
        for index in 148..<156 { header[index] = UInt8(ascii: " ") }
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(String(checksum, radix: 8).leftPadded(to: 6), at: 148)
        header[154] = 0
        return Data(header)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
