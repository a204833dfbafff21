/// Writes the Docker image manifest (schema 2) for a `docker save` image, since the archive carries none.
enum DockerManifestWriter {
    /// Compact JSON with members in the order Docker writes them; the caller hashes exactly these bytes.
    static func manifest(config: BlobFile, layers: [(BlobFile, String)]) -> String {
        let layerEntries = layers.map { layer, mediaType in descriptor(mediaType: mediaType, blob: layer) }
        return #"{"schemaVersion":2,"mediaType":"\#(MediaType.dockerManifest)","#
            + #""config":\#(descriptor(mediaType: MediaType.dockerConfig, blob: config)),"#
            + #""layers":[\#(layerEntries.joined(separator: ","))]}"#
    }

    private static func descriptor(mediaType: String, blob: BlobFile) -> String {
        #"{"mediaType":"\#(mediaType)","size":\#(blob.size),"digest":"\#(blob.digest)"}"#
    }
}
