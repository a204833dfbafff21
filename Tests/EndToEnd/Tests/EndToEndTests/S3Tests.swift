import AWSRuntime
import Foundation
import S3
import XCTest

/// The client generated from `../shared/models/s3.json` (restXml, S3's endpoint rules) against moto_server:
/// virtual-hosted and path-style addressing, bodies as payloads, headers bound to members, pagination, multipart
/// uploads and typed errors.
final class S3Tests: XCTestCase {
    private func client(_ moto: MotoServer) -> S3Client {
        var configuration = moto.configuration()
        configuration.endpointParameters = ["ForcePathStyle": .bool(true)]
        return S3Client(configuration: configuration)
    }

    /// Virtual-hosted addressing, as S3's endpoint rules choose it for a DNS-compatible bucket on an endpoint named
    /// by host (`http://localhost:PORT` → `http://BUCKET.localhost:PORT`). libcurl resolves `*.localhost` to the
    /// loopback address itself (RFC 6761), and moto reads the bucket from the `Host` header; signatures checked.
    func testVirtualHostedAddressingNamesTheBucketInTheHost() async throws {
        let moto = try await MotoServer.start(for: self)
        let hosts = HostRecorder()
        var configuration = moto.configuration(hooks: [hosts])
        let endpoint = try XCTUnwrap(configuration.endpointURL)
        configuration.endpointURL = endpoint.replacingOccurrences(of: "127.0.0.1", with: "localhost")
        let s3 = S3Client(configuration: configuration)

        _ = try await s3.createBucket(bucket: "e2e-virtual")
        _ = try await s3.putObject(body: ByteStream(Data("hello".utf8)), bucket: "e2e-virtual", key: "greeting.txt")
        let got = try await s3.getObject(bucket: "e2e-virtual", key: "greeting.txt")
        let greeting = try await got.body.collect(upTo: 1 << 20)
        XCTAssertEqual(greeting, Data("hello".utf8))
        let listed = try await s3.listObjectsV2(ListObjectsV2Request(bucket: "e2e-virtual"))
        XCTAssertEqual(listed.contents?.compactMap(\.key), ["greeting.txt"])

        let seen = await hosts.log.hosts
        XCTAssertEqual(seen.count, 4)
        XCTAssertTrue(seen.allSatisfy { $0 == "e2e-virtual.localhost" }, "every request names the bucket in its host: \(seen)")
        // And path style still works against the same endpoint when asked for.
        configuration.endpointParameters = ["ForcePathStyle": .bool(true)]
        let pathStyle = try await S3Client(configuration: configuration).getObject(bucket: "e2e-virtual", key: "greeting.txt")
        let pathStyleGreeting = try await pathStyle.body.collect(upTo: 1 << 20)
        XCTAssertEqual(pathStyleGreeting, Data("hello".utf8))
        let lastHost = await hosts.log.hosts.last
        XCTAssertEqual(lastHost, "localhost")
    }

    /// SelectObjectContent's output event stream: moto runs the query and answers with Records (the rows, a blob
    /// payload), Stats (an XML payload) and End events, read as they arrive; signatures checked.
    func testSelectObjectContentStreamsRecordsStatsAndEnd() async throws {
        let moto = try await MotoServer.start(for: self)
        let s3 = client(moto)
        _ = try await s3.createBucket(bucket: "e2e-select")
        let csv = "city,population\nParis,2100000\nLyon,520000\nNice,340000\n"
        _ = try await s3.putObject(body: ByteStream(Data(csv.utf8)), bucket: "e2e-select", key: "cities.csv")

        let output = try await s3.selectObjectContent(SelectObjectContentRequest(
            // moto's query parser only takes the table name in lower case (S3 takes either).
            bucket: "e2e-select", key: "cities.csv", expression: "SELECT * FROM s3object s WHERE s.city = 'Lyon'",
            expressionType: .sql, inputSerialization: InputSerialization(csv: CSVInput(fileHeaderInfo: .use)),
            outputSerialization: OutputSerialization(csv: CSVOutput())))
        var records = Data()
        var stats: Stats?
        var ended = false
        for try await event in output.payload {
            switch event {
            case .records(let part): records += part.payload ?? Data()
            case .stats(let event): stats = event.details
            case .end: ended = true
            default: break
            }
        }
        XCTAssertTrue(String(decoding: records, as: UTF8.self).contains("Lyon"), String(decoding: records, as: UTF8.self))
        XCTAssertFalse(String(decoding: records, as: UTF8.self).contains("Paris"))
        XCTAssertEqual(stats?.bytesReturned, Int64(records.count))
        XCTAssertGreaterThan(stats?.bytesScanned ?? 0, 0)
        XCTAssertTrue(ended, "the End event closes the stream")
    }

    /// 25 MiB sent from a file as it is read (its SHA-256 signed, which moto checks) and from a sequence of
    /// chunks (`UNSIGNED-PAYLOAD`), and read back as the response arrives.
    func testObjectsArePutReadListedAndDeleted() async throws {
        let moto = try await MotoServer.start(for: self)
        let s3 = client(moto)
        _ = try await s3.createBucket(bucket: "e2e-bucket")
        let size = 25 << 20
        func block(_ offset: Int, _ count: Int) -> Data {
            Data((offset..<(offset + count)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let writer = try FileHandle(forWritingTo: file)
        for offset in stride(from: 0, to: size, by: 1 << 20) { try writer.write(contentsOf: block(offset, 1 << 20)) }
        try writer.close()
        var expected = SHA256()
        for offset in stride(from: 0, to: size, by: 1 << 20) { expected.update(block(offset, 1 << 20)) }
        let expectedHash = expected.finalize().hexString

        let put = try await s3.putObject(body: try ByteStream.file(at: file), bucket: "e2e-bucket", contentType: "application/x-test",
                                         key: "big/object one.bin", metadata: ["purpose": "e2e"])
        XCTAssertNotNil(put.eTag)
        let chunks = AsyncStream<Data> { continuation in
            for offset in stride(from: 0, to: size, by: 1 << 20) { continuation.yield(block(offset, 1 << 20)) }
            continuation.finish()
        }
        let putChunks = try await s3.putObject(body: ByteStream(chunks, length: Int64(size)), bucket: "e2e-bucket", key: "big/chunked.bin")
        XCTAssertEqual(putChunks.eTag, put.eTag, "the same 25 MiB sent from chunks")

        for key in ["big/object one.bin", "big/chunked.bin"] {
            let got = try await s3.getObject(bucket: "e2e-bucket", key: key)
            XCTAssertEqual(got.contentLength, Int64(size))
            XCTAssertEqual(got.body.length, Int64(size))
            var hasher = SHA256()
            var received = 0
            for try await chunk in got.body {
                hasher.update(chunk)
                received += chunk.count
            }
            XCTAssertEqual(received, size)
            XCTAssertEqual(hasher.finalize().hexString, expectedHash, "25 MiB come back byte for byte")
            XCTAssertEqual(got.eTag, put.eTag)
            if key == "big/object one.bin" {
                XCTAssertEqual(got.contentType, "application/x-test")
                XCTAssertEqual(got.metadata?["purpose"], "e2e")
            }
        }
        // A file written from the response as it arrives.
        let copy = file.appendingPathExtension("copy")
        defer { try? FileManager.default.removeItem(at: copy) }
        let written = try await s3.getObject(bucket: "e2e-bucket", key: "big/chunked.bin").body.write(to: copy)
        XCTAssertEqual(written, Int64(size))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: copy.path)[.size] as? Int, size)

        // Keys and prefixes without `/`: moto checks the signature of a query value holding `/` against the
        // decoded value and refuses it (boto3's requests fail there the same way); AWS does not.
        for index in 1...7 {
            _ = try await s3.putObject(body: ByteStream(Data("item \(index)".utf8)), bucket: "e2e-bucket", key: "small-\(index).txt")
        }
        var keys: [String] = []
        var pages = 0
        for try await page in s3.listObjectsV2Paginator(ListObjectsV2Request(bucket: "e2e-bucket", maxKeys: 3, prefix: "small-")) {
            pages += 1
            keys += page.contents?.compactMap(\.key) ?? []
        }
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(keys, (1...7).map { "small-\($0).txt" })

        _ = try await s3.deleteObject(bucket: "e2e-bucket", key: "small-1.txt")
        let after = try await s3.listObjectsV2(ListObjectsV2Request(bucket: "e2e-bucket", prefix: "small-"))
        XCTAssertEqual(after.keyCount, 6)
    }

    func testAMultipartUploadIsAssembledInOrder() async throws {
        let moto = try await MotoServer.start(for: self)
        let s3 = client(moto)
        _ = try await s3.createBucket(bucket: "e2e-parts")
        let upload = try await s3.createMultipartUpload(bucket: "e2e-parts", key: "assembled.bin")
        let uploadID = try XCTUnwrap(upload.uploadId)
        let parts = [Data(repeating: 0x41, count: 5 << 20), Data(repeating: 0x42, count: 5 << 20), Data("tail".utf8)]
        var completed: [CompletedPart] = []
        for (index, part) in parts.enumerated() {
            let output = try await s3.uploadPart(body: ByteStream(part), bucket: "e2e-parts", key: "assembled.bin",
                                                 partNumber: index + 1, uploadId: uploadID)
            completed.append(CompletedPart(eTag: output.eTag, partNumber: index + 1))
        }
        _ = try await s3.completeMultipartUpload(bucket: "e2e-parts", key: "assembled.bin",
                                                 multipartUpload: CompletedMultipartUpload(parts: completed), uploadId: uploadID)
        let got = try await s3.getObject(bucket: "e2e-parts", key: "assembled.bin")
        let assembled = try await got.body.collect(upTo: 16 << 20)
        XCTAssertEqual(assembled, parts.reduce(Data(), +))
    }

    func testMissingObjectsAndBucketsAreTypedErrors() async throws {
        let moto = try await MotoServer.start(for: self)
        let s3 = client(moto)
        _ = try await s3.createBucket(bucket: "e2e-errors")
        do {
            _ = try await s3.getObject(bucket: "e2e-errors", key: "absent")
            XCTFail("expected NoSuchKey")
        } catch let error as S3ServiceError {
            XCTAssertEqual(error.code, .noSuchKey, "\(error)")
            XCTAssertEqual(error.context.statusCode, 404)
        }
        do {
            _ = try await s3.headObject(bucket: "e2e-errors", key: "absent")
            XCTFail("expected NotFound")
        } catch let error as S3ServiceError {
            // HEAD responses have no body: the status names the error.
            XCTAssertEqual(error.code, .notFound, "\(error)")
        }
        do {
            _ = try await s3.listObjectsV2(ListObjectsV2Request(bucket: "e2e-absent-bucket"))
            XCTFail("expected NoSuchBucket")
        } catch let error as S3ServiceError {
            XCTAssertEqual(error.code, .noSuchBucket, "\(error)")
        }
    }

    /// moto answers every presigned request with a 500 when it checks signatures (boto3's presigned URLs too),
    /// so this round trip runs with its checks off; the signature itself is checked against AWS's published
    /// example in `PresignTests` of the main package.
    func testPresignedURLsUploadAndDownloadWithoutCredentials() async throws {
        let moto = try await MotoServer.start(for: self, checkingSignatures: false)
        let s3 = client(moto)
        _ = try await s3.createBucket(bucket: "e2e-presigned")
        let bytes = Data("presigned & uploaded ✓".utf8)
        // The PutObject body is not part of the URL: whoever uses it sends the bytes (UNSIGNED-PAYLOAD).
        let upload = try await s3.presignedURL(for: PutObjectRequest(bucket: "e2e-presigned", key: "shared file.txt"),
                                               expiresIn: .seconds(300))
        let query = upload.query ?? ""
        for parameter in ["X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=300", "X-Amz-SignedHeaders=host", "X-Amz-Signature="] {
            XCTAssertTrue(query.contains(parameter), "\(parameter) in \(upload)")
        }
        XCTAssertFalse(upload.absoluteString.contains(moto.secretAccessKey))
        let transport = URLSessionHTTPClient()
        let put = try await transport.send(HTTPRequest(method: "PUT", url: upload, body: bytes), timeout: .seconds(30))
        XCTAssertEqual(put.statusCode, 200, String(decoding: put.body, as: UTF8.self))

        let download = try await s3.presignedURL(for: GetObjectRequest(bucket: "e2e-presigned", key: "shared file.txt"),
                                                 expiresIn: .seconds(300))
        let got = try await transport.send(HTTPRequest(method: "GET", url: download), timeout: .seconds(30))
        XCTAssertEqual(got.statusCode, 200)
        XCTAssertEqual(got.body, bytes)
    }
}

/// Records the host of every attempt's URL.
struct HostRecorder: RequestHook {
    actor Log {
        private(set) var hosts: [String] = []
        func record(_ host: String) { hosts.append(host) }
    }

    let log = Log()

    func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
        await log.record(request.url.host ?? "")
    }
}
