import Foundation
import XCTest

@testable import AWSRuntime

final class ByteStreamTests: XCTestCase {
    func testBytesInMemoryAreOneChunkAndReplayable() async throws {
        let stream = ByteStream(Data("hello".utf8))
        XCTAssertEqual(stream.length, 5)
        XCTAssertTrue(stream.isReplayable)
        XCTAssertEqual(stream.data, Data("hello".utf8))
        var chunks: [Data] = []
        for try await chunk in stream { chunks.append(chunk) }
        XCTAssertEqual(chunks, [Data("hello".utf8)])
        let collected = try await stream.collect(upTo: 5)
        XCTAssertEqual(collected, Data("hello".utf8))
        await XCTAssertThrowsErrorAsync(try await stream.collect(upTo: 4)) { XCTAssertEqual($0 as? ByteStreamError, .tooLarge(limit: 4)) }
        var empty = 0
        for try await _ in ByteStream() { empty += 1 }
        XCTAssertEqual(empty, 0)
    }

    func testASequenceIsReadOnceSkippingEmptyChunks() async throws {
        let parts = [Data("ab".utf8), Data(), Data("cd".utf8)]
        let stream = ByteStream(AsyncStream { continuation in
            for part in parts { continuation.yield(part) }
            continuation.finish()
        }, length: 4)
        XCTAssertFalse(stream.isReplayable)
        XCTAssertNil(stream.data)
        XCTAssertEqual(stream.length, 4)
        var chunks: [Data] = []
        for try await chunk in stream { chunks.append(chunk) }
        XCTAssertEqual(chunks, [Data("ab".utf8), Data("cd".utf8)])
        XCTAssertEqual(stream, stream)
        XCTAssertNotEqual(stream, ByteStream(Data("abcd".utf8)))
    }

    func testAFileIsReadInBlocksAndWrittenBack() async throws {
        let directory = FileManager.default.temporaryDirectory
        let source = directory.appendingPathComponent("bytestream-\(UUID().uuidString)")
        let copy = directory.appendingPathComponent("bytestream-copy-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: copy)
        }
        let bytes = Data((0..<(FileChunkReader.blockSize * 2 + 17)).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try bytes.write(to: source)
        let stream = try ByteStream.file(at: source)
        XCTAssertEqual(stream.length, Int64(bytes.count))
        XCTAssertTrue(stream.isReplayable)
        var sizes: [Int] = []
        for try await chunk in stream { sizes.append(chunk.count) }
        XCTAssertEqual(sizes, [FileChunkReader.blockSize, FileChunkReader.blockSize, 17])
        let written = try await stream.write(to: copy)
        XCTAssertEqual(written, Int64(bytes.count))
        XCTAssertEqual(try Data(contentsOf: copy), bytes)
        XCTAssertEqual(try ByteStream.file(at: source), stream)
        // A file that grew after the stream was made is refused, not sent with other bytes than were signed.
        try (bytes + Data(count: 3)).write(to: source)
        await XCTAssertThrowsErrorAsync(try await stream.collect(upTo: .max)) {
            XCTAssertEqual($0 as? ByteStreamError, .fileChangedLength(expected: Int64(bytes.count)))
        }
        XCTAssertThrowsError(try ByteStream.file(at: directory))
    }

    func testCodingAndDescriptionNeverShowABody() throws {
        let stream = ByteStream(Data("secret".utf8))
        let encoded = try JSONEncoder().encode([stream])
        XCTAssertEqual(try JSONDecoder().decode([ByteStream].self, from: encoded), [stream])
        XCTAssertEqual(stream.description, "ByteStream(6 bytes)")
        XCTAssertFalse(String(describing: stream).contains("secret"))
        let sequence = ByteStream(AsyncStream<Data> { $0.finish() })
        XCTAssertThrowsError(try JSONEncoder().encode([sequence]))
    }

    func testAResponseChannelHoldsAtMostItsCapacity() async throws {
        let channel = ResponseBodyChannel(capacity: 1000)
        let reader = ResponseBodyReader(channel: channel, length: nil)
        let written = LockedValue(0)
        let producer = Thread {
            let block = [UInt8](repeating: 1, count: 400)
            for _ in 0..<10 {
                guard block.withUnsafeBytes({ channel.write($0) }) else { return }
                written.withLock { $0 += 400 }
            }
            channel.finish()
        }
        producer.start()
        // Nobody reads: the producer stops once 1,000 bytes wait (three blocks of 400).
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(written.withLock { $0 }, 1200)
        var total = 0
        let stream = ByteStream(source: .response(reader))
        for try await chunk in stream { total += chunk.count }
        XCTAssertEqual(total, 4000)
    }

    func testAClosedChannelRefusesTheProducer() {
        let channel = ResponseBodyChannel(capacity: 10)
        let closed = LockedValue(false)
        channel.setOnReaderClose { closed.withLock { $0 = true } }
        do { _ = ResponseBodyReader(channel: channel, length: nil) }
        XCTAssertTrue(closed.withLock { $0 }, "dropping the reader closes the channel")
        XCTAssertFalse([UInt8](repeating: 0, count: 5).withUnsafeBytes { channel.write($0) })
    }
}

/// `XCTAssertThrowsError` for async expressions.
func XCTAssertThrowsErrorAsync<T>(
    _ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line,
    _ check: (any Error) -> Void = { _ in }
) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        check(error)
    }
}
