import Foundation

/// The bytes of a streaming blob (`@streaming`): an S3 object's body, a Lambda payload.
///
/// As an input it is sent without being read into memory first: give it bytes in memory (`ByteStream(data)`),
/// a file (``file(at:)``, read as it is sent, and again on a retry), or an `AsyncSequence` of chunks
/// (`ByteStream(chunks, length:)`, read once: the call is not retried once it has started sending them).
///
/// As an output it is the response body as it arrives: iterate it (`for try await chunk in output.body`), or
/// ``collect(upTo:)`` it, or ``write(to:)`` it to a file. The transport reads ahead at most a MiB of it, so a
/// large download costs no more memory than that however slowly it is read; dropping the stream (or cancelling
/// the task that reads it) closes the connection.
public struct ByteStream: Sendable, AsyncSequence, Hashable, Codable, CustomStringConvertible {
    public typealias Element = Data

    /// Where the bytes come from.
    enum Source: Sendable {
        case data(Data)
        case file(URL, length: Int64)
        case chunks(ChunkSource, length: Int64?)
        case response(ResponseBodyReader)
    }

    let source: Source

    /// No bytes.
    public init() {
        source = .data(Data())
    }

    /// The bytes of `data`.
    public init(_ data: Data) {
        source = .data(data)
    }

    /// The chunks `sequence` yields, read once as the request is sent. Give `length` when it is known: some
    /// services (S3's PutObject, UploadPart) refuse a body whose length is not stated up front.
    public init<Chunks: AsyncSequence & Sendable>(_ sequence: Chunks, length: Int64? = nil) where Chunks.Element == Data {
        source = .chunks(ChunkSource(sequence), length: length)
    }

    /// The contents of the regular file at `url`, read as the request is sent. Its length is taken now; a file
    /// that changes length before it is sent fails the call rather than sending other bytes than were signed.
    public static func file(at url: URL) throws -> ByteStream {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        guard attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? NSNumber else {
            throw CocoaError(.fileReadUnsupportedScheme, userInfo: [NSFilePathErrorKey: url.path])
        }
        return ByteStream(source: .file(url, length: size.int64Value))
    }

    init(source: Source) {
        self.source = source
    }

    /// The number of bytes, when known before reading them (bytes in memory, a file, a length given, a
    /// response's `Content-Length`).
    public var length: Int64? {
        switch source {
        case .data(let data): return Int64(data.count)
        case .file(_, let length): return length
        case .chunks(_, let length): return length
        case .response(let reader): return reader.length
        }
    }

    /// The bytes, when they are in memory already (a stream made from `Data`).
    public var data: Data? {
        if case .data(let data) = source { return data }
        return nil
    }

    /// Whether the bytes can be read again, for a retry: bytes in memory and files can, chunks and responses
    /// cannot.
    public var isReplayable: Bool {
        switch source {
        case .data, .file: return true
        case .chunks, .response: return false
        }
    }

    /// Reads every byte into memory; throws ``ByteStreamError/tooLarge(limit:)`` past `limit` bytes.
    public func collect(upTo limit: Int) async throws -> Data {
        if case .data(let data) = source {
            guard data.count <= limit else { throw ByteStreamError.tooLarge(limit: limit) }
            return data
        }
        var result = Data()
        for try await chunk in self {
            guard chunk.count <= limit - result.count else { throw ByteStreamError.tooLarge(limit: limit) }
            result.append(chunk)
        }
        return result
    }

    /// Writes every byte to a new file at `url` (replacing one that is there) as they arrive, and returns how
    /// many were written.
    @discardableResult
    public func write(to url: URL) async throws -> Int64 {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var written: Int64 = 0
        for try await chunk in self {
            try handle.write(contentsOf: chunk)
            written += Int64(chunk.count)
        }
        return written
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(source: source)
    }

    /// Reads a ``ByteStream`` chunk by chunk; empty chunks are skipped.
    ///
    /// A response body is read once: like `AsyncStream`'s, an iterator dropped before the end (a `break`, a
    /// thrown error, a cancelled task) closes the connection.
    public struct Iterator: AsyncIteratorProtocol {
        private var source: Source
        private var file: FileChunkReader?
        private var chunks: (@Sendable () async throws -> Data?)?
        private var done = false
        private let lifetime: ResponseIteration?

        init(source: Source) {
            self.source = source
            if case .response(let reader) = source { lifetime = ResponseIteration(reader.channel) } else { lifetime = nil }
        }

        public mutating func next() async throws -> Data? {
            if done { return nil }
            let chunk: Data?
            switch source {
            case .data(let data):
                done = true
                return data.isEmpty ? nil : data
            case .file(let url, let length):
                if file == nil { file = try FileChunkReader(url: url, length: length) }
                chunk = try file?.next()
            case .chunks(let chunkSource, _):
                if chunks == nil { chunks = chunkSource.makeNext() }
                repeat {
                    guard let next = try await chunks?() else { done = true; return nil }
                    if !next.isEmpty { return next }
                } while true
            case .response(let reader):
                chunk = try await reader.channel.next()
            }
            if chunk == nil { done = true }
            return chunk
        }
    }

    // MARK: - Equality, coding, description

    /// Streams in memory are equal when their bytes are; a file stream equals one of the same file and length;
    /// any other stream only equals itself.
    public static func == (lhs: ByteStream, rhs: ByteStream) -> Bool {
        switch (lhs.source, rhs.source) {
        case (.data(let left), .data(let right)): return left == right
        case (.file(let left, let leftLength), .file(let right, let rightLength)):
            return left == right && leftLength == rightLength
        case (.chunks(let left, _), .chunks(let right, _)): return left === right
        case (.response(let left), .response(let right)): return left === right
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch source {
        case .data(let data): hasher.combine(data)
        case .file(let url, let length): hasher.combine(url); hasher.combine(length)
        case .chunks(let source, _): hasher.combine(ObjectIdentifier(source))
        case .response(let reader): hasher.combine(ObjectIdentifier(reader))
        }
    }

    /// Decodes bytes (base64 in text formats) into a stream in memory.
    public init(from decoder: any Decoder) throws {
        source = .data(try decoder.singleValueContainer().decode(Data.self))
    }

    /// Encodes a stream in memory as bytes; a file or sequence cannot be encoded into a document.
    public func encode(to encoder: any Encoder) throws {
        guard let data else {
            throw EncodingError.invalidValue(self, EncodingError.Context(
                codingPath: encoder.codingPath, debugDescription: "a streamed body cannot be written into a document"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(data)
    }

    /// The kind of stream and its length; never its bytes.
    public var description: String {
        switch source {
        case .data(let data): return "ByteStream(\(data.count) bytes)"
        case .file(_, let length): return "ByteStream(file, \(length) bytes)"
        case .chunks(_, let length): return "ByteStream(chunks" + (length.map { ", \($0) bytes)" } ?? ")")
        case .response(let reader): return "ByteStream(response body" + (reader.length.map { ", \($0) bytes)" } ?? ")")
        }
    }
}

/// Why a ``ByteStream`` could not be read.
public enum ByteStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ``ByteStream/collect(upTo:)`` met more bytes than its limit.
    case tooLarge(limit: Int)
    /// A file changed length between the stream's creation and its reading.
    case fileChangedLength(expected: Int64)
    /// The stream was read after it was closed (its task cancelled, or the connection given up).
    case closed
    /// Two tasks read one response body at once.
    case concurrentRead
    /// A sequence of chunks yielded more or fewer bytes than the length it was given.
    case lengthMismatch(expected: Int64)

    public var description: String {
        switch self {
        case .tooLarge(let limit): return "the stream holds more than \(limit) bytes"
        case .fileChangedLength(let expected): return "the file is no longer \(expected) bytes long"
        case .closed: return "the stream was closed before it ended"
        case .concurrentRead: return "a response body is read by one task at a time"
        case .lengthMismatch(let expected): return "the chunks do not add up to the \(expected) bytes the stream was given"
        }
    }
}
