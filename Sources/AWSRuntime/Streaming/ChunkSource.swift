import Foundation

/// A caller's `AsyncSequence` of chunks with its type erased, so ``ByteStream`` stays one plain type.
final class ChunkSource: Sendable {
    /// Starts one pass over the sequence; the closure returned yields its chunks, then nil.
    let makeNext: @Sendable () -> (@Sendable () async throws -> Data?)

    init<Chunks: AsyncSequence & Sendable>(_ sequence: Chunks) where Chunks.Element == Data {
        makeNext = {
            let box = IteratorBox(sequence.makeAsyncIterator())
            return { try await box.next() }
        }
    }
}

/// One pass over a sequence. Read by one consumer at a time (a request body is read in order by one
/// transfer), which is what makes the unchecked `Sendable` sound.
private final class IteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable where Base.Element == Data {
    private var base: Base

    init(_ base: Base) {
        self.base = base
    }

    func next() async throws -> Data? {
        try await base.next()
    }
}

/// Reads a file in blocks for a ``ByteStream``, checking it still has the length the stream was made with.
final class FileChunkReader {
    static let blockSize = 256 * 1024

    private let handle: FileHandle
    private let length: Int64
    private var offset: Int64 = 0

    init(url: URL, length: Int64) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.length = length
    }

    deinit {
        try? handle.close()
    }

    /// The next block; nil at the end. Throws when the file turns out shorter or longer than its length.
    func next() throws -> Data? {
        let wanted = Int(min(Int64(Self.blockSize), length - offset))
        guard wanted > 0 else {
            if let extra = try handle.read(upToCount: 1), !extra.isEmpty { throw ByteStreamError.fileChangedLength(expected: length) }
            return nil
        }
        guard let block = try handle.read(upToCount: wanted), !block.isEmpty else {
            throw ByteStreamError.fileChangedLength(expected: length)
        }
        offset += Int64(block.count)
        return block
    }

    /// Copies up to `buffer.count` bytes into `buffer` (for a transport reading on its own thread); 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let wanted = Int(min(Int64(buffer.count), length - offset))
        guard wanted > 0 else {
            if let extra = try handle.read(upToCount: 1), !extra.isEmpty { throw ByteStreamError.fileChangedLength(expected: length) }
            return 0
        }
        guard let block = try handle.read(upToCount: wanted), !block.isEmpty else {
            throw ByteStreamError.fileChangedLength(expected: length)
        }
        block.copyBytes(to: buffer)
        offset += Int64(block.count)
        return block.count
    }
}
