import Foundation

/// A `docker save` tarball in Docker's own format: `manifest.json` naming a config file and uncompressed
/// layer tars. It carries no registry manifest, so one is written here from the digests of the files.
struct DockerArchive {
    let files: ImageFiles

    static func isArchive(_ files: ImageFiles) -> Bool {
        files.file("manifest.json") != nil
    }

    /// One image of `manifest.json`.
    private struct Entry: Decodable {
        var config: String
        var repoTags: [String]?
        var layers: [String]

        enum CodingKeys: String, CodingKey {
            case config = "Config", repoTags = "RepoTags", layers = "Layers"
        }
    }

    /// The part of the image config that names each layer's uncompressed digest.
    private struct Config: Decodable {
        struct RootFS: Decodable {
            var diffIDs: [String]?
            enum CodingKeys: String, CodingKey { case diffIDs = "diff_ids" }
        }
        var rootfs: RootFS?
    }

    /// The image to push: its config, its layers (as they are, or gzip-compressed by `compressor`), and a
    /// Docker v2 manifest for them.
    func contents(tag: String, compressor: LayerCompressor?) throws(ImageSourceError) -> ImageContents {
        let entry = try selectImage(tag: tag)
        let configPath = files.displayName(entry.config)
        guard let configRegion = files.file(entry.config) else {
            throw .missingBlob(digest: entry.config, referencedBy: files.displayName("manifest.json"))
        }
        let configBytes = try configRegion.contents(limit: ImageFiles.documentLimit)
        let diffIDs = try decode(Config.self, configBytes, path: configPath).rootfs?.diffIDs
        if let diffIDs, diffIDs.count != entry.layers.count {
            throw .malformedDocument(path: configPath, reason: "the config lists \(diffIDs.count) layers (rootfs.diff_ids) "
                + "but manifest.json lists \(entry.layers.count)")
        }
        var contents = ImageContents()
        let config = BlobFile(digest: Digest.of(configBytes), region: configRegion, label: "config")
        contents.add(config)
        var layers: [(BlobFile, String)] = []
        for (number, path) in entry.layers.enumerated() {
            let label = "layer \(number + 1)/\(entry.layers.count)"
            let layer = try self.layer(path, label: label, diffID: diffIDs?[number], compressor: compressor)
            contents.add(layer.0)
            layers.append(layer)
        }
        let manifest = DockerManifestWriter.manifest(config: config, layers: layers)
        contents.manifests.append(ManifestUpload(text: manifest, digest: Digest.of(Data(manifest.utf8)),
                                                 mediaType: MediaType.dockerManifest, isTagged: true, platform: nil))
        return contents
    }

    /// The only image, or the one tagged `…:tag`.
    private func selectImage(tag: String) throws(ImageSourceError) -> Entry {
        let path = files.displayName("manifest.json")
        let entries = try decode([Entry].self, try files.document("manifest.json"), path: path)
        guard !entries.isEmpty else { throw .malformedDocument(path: path, reason: "manifest.json lists no image") }
        if entries.count == 1 { return entries[0] }
        let tagged = entries.filter { $0.repoTags?.contains { $0.hasSuffix(":" + tag) } == true }
        guard tagged.count == 1 else {
            throw .ambiguousImage(path: path, choices: entries.map { $0.repoTags?.first ?? $0.config })
        }
        return tagged[0]
    }

    /// A layer and its media type. An uncompressed layer is checked against the config's `diff_ids`, the
    /// only digests `docker save` records, then compressed when asked.
    private func layer(_ path: String, label: String, diffID: String?,
                       compressor: LayerCompressor?) throws(ImageSourceError) -> (BlobFile, String) {
        let name = files.displayName(path)
        guard let region = files.file(path) else {
            throw .missingBlob(digest: path, referencedBy: files.displayName("manifest.json"))
        }
        let digest = try region.digest()
        if try LayerCompressor.isGzip(region) {
            return (BlobFile(digest: digest, region: region, label: label), MediaType.dockerGzipLayer)
        }
        if let diffID, diffID != digest.description {
            throw .digestMismatch(path: name, expected: diffID, actual: digest.description)
        }
        guard let compressor else {
            return (BlobFile(digest: digest, region: region, label: label), MediaType.dockerLayer)
        }
        let compressed = try compressor.compress(region, name: name)
        return (BlobFile(digest: try compressed.digest(), region: compressed, label: label), MediaType.dockerGzipLayer)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ data: Data, path: String) throws(ImageSourceError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .malformedDocument(path: path, reason: "not valid JSON of a docker save archive: \(error)")
        }
    }
}
