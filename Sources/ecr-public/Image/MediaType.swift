/// The manifest and blob media types an image push deals with.
enum MediaType {
    static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    static let ociIndex = "application/vnd.oci.image.index.v1+json"
    static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    static let dockerConfig = "application/vnd.docker.container.image.v1+json"
    /// A `docker save` layer as it is: an uncompressed tar.
    static let dockerLayer = "application/vnd.docker.image.rootfs.diff.tar"
    static let dockerGzipLayer = "application/vnd.docker.image.rootfs.diff.tar.gzip"

    static let indexes: Set<String> = [ociIndex, dockerManifestList]
    static let manifests: Set<String> = [ociManifest, dockerManifest]
}
