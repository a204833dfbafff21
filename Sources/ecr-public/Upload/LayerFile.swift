import AWSRuntime
import Foundation

/// A layer file on disk: its size, its digest, and its parts, read from disk one at a time.
struct LayerFile: Sendable {
    let path: String
    let size: Int64

    /// Checks that `path` is a readable, non-empty regular file.
    init(path: String, command: String?) throws(UsageError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path)
        else {
            throw UsageError("argument FILE: cannot read \(path)", command: command)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        guard size > 0 else { throw UsageError("argument FILE: \(path) is empty; a layer needs content", command: command) }
        self.path = path
        self.size = size
    }

    /// `sha256:<hex>` of the file, read in 1 MiB chunks.
    func digest() throws -> String {
        var reader = try LayerPartReader(file: self, partSize: 1 << 20)
        while try reader.next() != nil {}
        return reader.digest()
    }
}
