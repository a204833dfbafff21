import Foundation

/// The files an image source holds, by path relative to its root: a directory on disk or a tar archive.
struct ImageFiles: Sendable {
    /// Where the files are, for messages.
    let sourcePath: String
    private let lookup: @Sendable (String) -> FileRegion?

    /// The files under a directory.
    static func directory(_ root: String) -> ImageFiles {
        ImageFiles(sourcePath: root) { relative in
            FileRegion.wholeFile(at: (root as NSString).appendingPathComponent(relative))
        }
    }

    /// The regular files of a tar archive.
    static func archive(_ archive: TarArchive) -> ImageFiles {
        let files = archive.files
        return ImageFiles(sourcePath: archive.path) { files[TarArchive.normalize($0)] }
    }

    /// The file at `relativePath`, or nil.
    func file(_ relativePath: String) -> FileRegion? {
        lookup(relativePath)
    }

    /// How messages name a file of the source, e.g. `image.tar:index.json` or `layout/index.json`.
    func displayName(_ relativePath: String) -> String {
        (sourcePath as NSString).appendingPathComponent(relativePath)
    }

    /// A small JSON document of the source: its exact bytes.
    func document(_ relativePath: String, limit: Int64 = ImageFiles.documentLimit) throws(ImageSourceError) -> Data {
        guard let region = file(relativePath) else { throw .notFound(path: displayName(relativePath)) }
        return try region.contents(limit: limit)
    }

    /// ECR Public takes manifests up to 4 MiB; configs and index files are far smaller in practice.
    static let documentLimit: Int64 = 4 << 20
}
