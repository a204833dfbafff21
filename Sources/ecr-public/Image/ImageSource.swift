import Foundation

/// Opens what `push` is given: an OCI layout directory, or a tar archive holding an OCI layout or a
/// `docker save` image. Reads and checks everything before the push sends a request.
enum ImageSource {
    /// The image at `path`, to be tagged `tag`. `compressor` gzips `docker save` layers (OCI layouts carry
    /// their layers as the manifest names them, so they are pushed as they are).
    static func contents(at path: String, tag: String, compressor: LayerCompressor?) throws(ImageSourceError) -> ImageContents {
        let files = try files(at: path)
        if OCILayout.isLayout(files) {
            return try OCILayout(files: files).contents(tag: tag)
        }
        if DockerArchive.isArchive(files) {
            return try DockerArchive(files: files).contents(tag: tag, compressor: compressor)
        }
        throw .notAnImage(path: path)
    }

    /// The directory's files, or the tar archive's.
    private static func files(at path: String) throws(ImageSourceError) -> ImageFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        if isDirectory.boolValue {
            return .directory(path)
        }
        return .archive(try TarArchive(path: path))
    }
}
