import AWSRuntime
import Foundation

/// One part of a layer: its place in the upload and its bytes.
struct LayerPart: Sendable {
    /// 1 for the first part.
    var number: Int
    var firstByte: Int64
    var lastByte: Int64
    var data: Data
}

/// Reads a layer file part by part with a `FileHandle` (never the whole file at once), hashing what it reads.
struct LayerPartReader {
    private let handle: FileHandle
    private let partSize: Int64
    private let fileSize: Int64
    private var hasher = SHA256()
    private var offset: Int64 = 0
    private var number = 0

    init(file: LayerFile, partSize: Int64) throws {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw ToolFailure("cannot open \(file.path)")
        }
        self.handle = handle
        self.partSize = partSize
        self.fileSize = file.size
    }

    /// How many parts a file of `size` bytes has with parts of `partSize` bytes.
    static func partCount(size: Int64, partSize: Int64) -> Int {
        Int((size + partSize - 1) / partSize)
    }

    /// The next part, or nil after the last; throws when the file ends early or grew.
    mutating func next() throws -> LayerPart? {
        let wanted = Int(min(partSize, fileSize - offset))
        guard wanted > 0 else {
            try checkAtEnd()
            return nil
        }
        let data = try handle.read(upToCount: wanted) ?? Data()
        guard data.count == wanted else { throw ToolFailure("the file got shorter while it was read") }
        hasher.update(data)
        number += 1
        defer { offset += Int64(wanted) }
        return LayerPart(number: number, firstByte: offset, lastByte: offset + Int64(wanted) - 1, data: data)
    }

    /// `sha256:<hex>` of every byte read so far.
    func digest() -> String {
        "sha256:" + hasher.finalize().hexString
    }

    /// The file has no bytes beyond the size it had when opened.
    private func checkAtEnd() throws {
        if let extra = try handle.read(upToCount: 1), !extra.isEmpty {
            throw ToolFailure("the file grew while it was read")
        }
        try handle.close()
    }
}
