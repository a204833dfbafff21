#if os(Linux)
import Foundation
import XCTest

@testable import AWSRuntime

/// Request bodies sent as they are read, and response bodies read as they arrive, through libcurl against a
/// loopback server that only hashes what it receives.
final class StreamedBodyTransferTests: XCTestCase {
    private let client = CurlHTTPClient()

    /// A temporary file of `count` pattern bytes, written a MiB at a time.
    private func temporaryFile(bytes count: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var offset = 0
        while offset < count {
            let block = min(1 << 20, count - offset)
            try handle.write(contentsOf: BulkHTTPServer.pattern(from: offset, count: block))
            offset += block
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func sha256OfPattern(count: Int) -> String {
        var hasher = SHA256()
        var offset = 0
        while offset < count {
            let block = min(1 << 20, count - offset)
            hasher.update(BulkHTTPServer.pattern(from: offset, count: block))
            offset += block
        }
        return hasher.finalize().hexString
    }

    func testAFileBodyIsSentAsItIsReadWithoutHoldingIt() async throws {
        let size = 24 << 20
        let file = try temporaryFile(bytes: size)
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let stream = try ByteStream.file(at: file)
        XCTAssertEqual(stream.length, Int64(size))
        let resident = ProcessMemory.residentBytes
        ProcessMemory.resetPeak()
        let request = HTTPRequest(
            method: "PUT", url: server.baseURL.appendingPathComponent("object"),
            headers: ["Content-Length": String(size)], bodyStream: stream)
        let response = try await client.send(request, timeout: .seconds(30))
        XCTAssertEqual(response.statusCode, 200)
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(received.bodyLength, size)
        XCTAssertFalse(received.wasChunked)
        XCTAssertEqual(received.bodySHA256, sha256OfPattern(count: size))
        if let resident, let peak = ProcessMemory.peakResidentBytes {
            // The file is 24 MiB; what is read ahead of the socket is a block or two.
            XCTAssertLessThan(peak - resident, 12 << 20, "peak memory grew by \((peak - resident) >> 20) MiB")
        }
    }

    func testASequenceBodyIsSentWithItsLengthOrChunked() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let size = 5 << 20
        for givesLength in [true, false] {
            let chunks = AsyncStream<Data> { continuation in
                var offset = 0
                while offset < size {
                    let block = min(300_000, size - offset)  // not a multiple of anything libcurl reads
                    continuation.yield(BulkHTTPServer.pattern(from: offset, count: block))
                    offset += block
                }
                continuation.finish()
            }
            var headers: HTTPHeaders = [:]
            if givesLength { headers["Content-Length"] = String(size) }
            let request = HTTPRequest(
                method: "PUT", url: server.baseURL, headers: headers,
                bodyStream: ByteStream(chunks, length: givesLength ? Int64(size) : nil))
            let response = try await client.send(request, timeout: .seconds(30))
            XCTAssertEqual(response.statusCode, 200)
        }
        let received = server.requests
        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(received.map(\.bodyLength), [size, size])
        XCTAssertEqual(received.map(\.wasChunked), [false, true])
        XCTAssertEqual(Set(received.map(\.bodySHA256)), [sha256OfPattern(count: size)])
    }

    func testASequenceThatThrowsFailsTheRequest() async throws {
        struct Broken: Error {}
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let chunks = AsyncThrowingStream<Data, any Error> { continuation in
            continuation.yield(Data(count: 1000))
            continuation.finish(throwing: Broken())
        }
        let request = HTTPRequest(method: "PUT", url: server.baseURL, headers: ["Content-Length": "5000"],
                                  bodyStream: ByteStream(chunks, length: 5000))
        do {
            _ = try await client.send(request, timeout: .seconds(10))
            XCTFail("a body that cannot be read must fail the request")
        } catch is Broken {
            // The caller's own error, as it threw it: not a connection failure.
        }
    }

    /// A sequence sends exactly the length it was given: more bytes are refused before the last stated ones go
    /// out (libcurl would silently drop the rest), fewer fail instead of leaving the service waiting.
    func testASequenceThatDoesNotAddUpToItsLengthFailsTheUpload() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        for (sent, stated) in [(3_000, 2_000), (1_000, 2_000), (2_000_000, 1_500_000)] {
            let chunks = AsyncStream<Data> { continuation in
                var offset = 0
                while offset < sent {
                    let block = min(700, sent - offset)
                    continuation.yield(Data(count: block))
                    offset += block
                }
                continuation.finish()
            }
            let request = HTTPRequest(method: "PUT", url: server.baseURL, headers: ["Content-Length": String(stated)],
                                      bodyStream: ByteStream(chunks, length: Int64(stated)))
            do {
                _ = try await client.send(request, timeout: .seconds(10))
                XCTFail("\(sent) bytes sent as \(stated) must fail")
            } catch let error as HTTPClientError {
                XCTAssertTrue(String(describing: error).contains("do not add up to the \(stated) bytes"), "\(error)")
            }
        }
        XCTAssertTrue(server.requests.allSatisfy { $0.bodyLength != 3_000 }, "no truncated body was completed")
    }

    /// Chunks as large as the read-ahead (1 MiB), with their length: before the last bytes go out the reader waits
    /// for the sequence to end, while the task reading it waits for room. The end-to-end S3 test found this
    /// deadlock; it must not come back.
    func testChunksAsLargeAsTheReadAheadAreSentWithTheirLength() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let size = 3 << 20
        let chunks = AsyncStream<Data> { continuation in
            for offset in stride(from: 0, to: size, by: 1 << 20) {
                continuation.yield(BulkHTTPServer.pattern(from: offset, count: 1 << 20))
            }
            continuation.finish()
        }
        let request = HTTPRequest(method: "PUT", url: server.baseURL, headers: ["Content-Length": String(size)],
                                  bodyStream: ByteStream(chunks, length: Int64(size)))
        let response = try await client.send(request, timeout: .seconds(10))
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(server.requests.first?.bodyLength, size)
        XCTAssertEqual(server.requests.first?.bodySHA256, sha256OfPattern(count: size))
    }

    /// A sequence that stops yielding is an idle wait like any other: the call times out instead of hanging.
    func testASequenceThatStallsTimesOut() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let (chunks, continuation) = AsyncStream<Data>.makeStream()
        continuation.yield(Data(count: 1_000))
        defer { continuation.finish() }
        let request = HTTPRequest(method: "PUT", url: server.baseURL, headers: ["Content-Length": "5000"],
                                  bodyStream: ByteStream(chunks, length: 5_000))
        let started = ContinuousClock.now
        do {
            _ = try await client.send(request, timeout: .seconds(1))
            XCTFail("a stalled body must time out")
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .timedOut)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
    }

    /// A streamed upload takes as long as it takes: only a wait without progress longer than the timeout fails it.
    func testASlowButSteadyUploadOutlastsTheTimeout() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let chunks = AsyncStream<Data> { continuation in
            Task {
                for _ in 0..<6 {
                    continuation.yield(Data(count: 1_000))
                    try? await Task.sleep(for: .milliseconds(300))
                }
                continuation.finish()
            }
        }
        let request = HTTPRequest(method: "PUT", url: server.baseURL, headers: ["Content-Length": "6000"],
                                  bodyStream: ByteStream(chunks, length: 6_000))
        let started = ContinuousClock.now
        let response = try await client.send(request, timeout: .seconds(1))
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertGreaterThan(ContinuousClock.now - started, .seconds(1.5))
        XCTAssertEqual(server.requests.first?.bodyLength, 6_000)
    }

    func testAFileThatChangedLengthFailsTheUpload() async throws {
        let file = try temporaryFile(bytes: 100_000)
        let stream = try ByteStream.file(at: file)
        try Data(count: 10).write(to: file)
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer() }
        defer { server.stop() }
        let request = HTTPRequest(method: "PUT", url: server.baseURL, headers: ["Content-Length": "100000"], bodyStream: stream)
        do {
            _ = try await client.send(request, timeout: .seconds(10))
            XCTFail("a file shorter than its stream must fail the request")
        } catch let error as HTTPClientError {
            XCTAssertTrue(String(describing: error).contains("no longer 100000 bytes"), "\(error)")
        }
    }

    func testAResponseBodyStreamsWithBoundedMemory() async throws {
        let size = 64 << 20
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer(bodyLength: size) }
        defer { server.stop() }
        let resident = ProcessMemory.residentBytes
        ProcessMemory.resetPeak()
        let response = try await client.stream(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(10))
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertTrue(response.body.isEmpty)
        let body = try XCTUnwrap(response.bodyStream)
        XCTAssertEqual(body.length, Int64(size))
        var hasher = SHA256()
        var count = 0
        var chunks = 0
        for try await chunk in body {
            hasher.update(chunk)
            count += chunk.count
            chunks += 1
            // A slow reader: the transport must wait for it, not buffer the rest.
            if chunks % 64 == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        XCTAssertEqual(count, size)
        XCTAssertEqual(hasher.finalize().hexString, sha256OfPattern(count: size))
        if let resident, let peak = ProcessMemory.peakResidentBytes {
            XCTAssertLessThan(peak - resident, 16 << 20, "peak memory grew by \((peak - resident) >> 20) MiB for a 64 MiB body")
        }
    }

    func testDroppingTheStreamClosesTheConnection() async throws {
        let size = 256 << 20
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer(bodyLength: size) }
        defer { server.stop() }
        do {
            let response = try await client.stream(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(10))
            var iterator = try XCTUnwrap(response.bodyStream).makeAsyncIterator()
            _ = try await iterator.next()
        }
        // The stream and its iterator are gone: the transfer stops and the server's writes fail.
        let deadline = ContinuousClock.now + .seconds(10)
        while server.bytesSent.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let sent = try XCTUnwrap(server.bytesSent.first, "the connection stayed open after the stream was dropped")
        XCTAssertLessThan(sent, size / 4)
    }

    func testCancellingTheReaderStopsTheTransfer() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer(bodyLength: 256 << 20) }
        defer { server.stop() }
        let response = try await client.stream(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(10))
        let body = try XCTUnwrap(response.bodyStream)
        let reader = Task {
            var count = 0
            for try await chunk in body {
                count += chunk.count
                try await Task.sleep(for: .milliseconds(1))
            }
            return count
        }
        try await Task.sleep(for: .milliseconds(100))
        reader.cancel()
        do {
            let count = try await reader.value
            XCTFail("a cancelled reader ended normally after \(count) bytes")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while server.bytesSent.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        XCTAssertFalse(server.bytesSent.isEmpty, "the transfer went on after its reader was cancelled")
    }

    func testAStalledBodyTimesOutWhileBeingWaitedFor() async throws {
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer(bodyLength: 1 << 20, stallAfter: 10_000) }
        defer { server.stop() }
        let response = try await client.stream(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(1))
        let started = ContinuousClock.now
        do {
            for try await _ in try XCTUnwrap(response.bodyStream) {}
            XCTFail("a stalled body must time out")
        } catch let error as HTTPClientError {
            XCTAssertEqual(error, .timedOut)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
    }

    func testStreamingIsNotBoundByTheWholeResponseLimit() async throws {
        let limited = CurlHTTPClient(maximumResponseBodySize: 1000)
        let server = try BulkHTTPServer { _ in BulkHTTPServer.Answer(bodyLength: 100_000) }
        defer { server.stop() }
        let response = try await limited.stream(HTTPRequest(method: "GET", url: server.baseURL), timeout: .seconds(10))
        let body = try await XCTUnwrap(response.bodyStream).collect(upTo: 1 << 20)
        XCTAssertEqual(body, BulkHTTPServer.pattern(count: 100_000))
    }
}
#endif
