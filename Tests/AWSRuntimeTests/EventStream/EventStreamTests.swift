import AWSRuntime
import Foundation
import TestSupport
import XCTest

final class EventStreamTests: XCTestCase {
    // MARK: - Known-answer vectors (CRCs checked with Python's zlib.crc32; the second and third are the
    // "all header types" and "payload with one string header" vectors of botocore's and aws-c-event-stream's suites)

    private static let emptyMessage = hex("00000010 00000000 05c248eb 7d98c8ff")

    private static let allHeaderTypes = hex(
        """
        00000062 00000052 03b5cb9c
        0130 00  0131 01  0132 02 02  0133 03 0003  0134 04 00000004  0135 05 0000000000000005
        0136 06 0005 6279746573  0137 07 0004 75746638  0138 08 0000000000000008
        0139 09 30313233343536373839616263646566
        63353671
        """)

    private static let oneStringHeader = hex(
        """
        0000003d 00000020 07fd8396
        0c 636f6e74656e742d74797065 07 0010 6170706c69636174696f6e2f6a736f6e
        7b27666f6f273a27626172277d
        8d9c08b1
        """)

    private static let allHeaderTypesMessage = EventStreamMessage(headers: [
        .init(name: "0", value: .bool(true)),
        .init(name: "1", value: .bool(false)),
        .init(name: "2", value: .byte(2)),
        .init(name: "3", value: .short(3)),
        .init(name: "4", value: .int(4)),
        .init(name: "5", value: .long(5)),
        .init(name: "6", value: .bytes(Data("bytes".utf8))),
        .init(name: "7", value: .string("utf8")),
        .init(name: "8", value: .timestamp(Date(timeIntervalSince1970: 0.008))),
        .init(name: "9", value: .uuid(UUID(uuid: (0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
                                                  0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66)))),
    ])

    func testEmptyMessageVector() throws {
        XCTAssertEqual(try EventStreamEncoder().encode(EventStreamMessage()), Self.emptyMessage)
        XCTAssertEqual(try EventStreamDecoder.decodeAll(Self.emptyMessage), [EventStreamMessage()])
    }

    func testAllHeaderTypesVector() throws {
        XCTAssertEqual(Self.allHeaderTypes.count, 98)
        let messages = try EventStreamDecoder.decodeAll(Self.allHeaderTypes)
        XCTAssertEqual(messages, [Self.allHeaderTypesMessage])
        XCTAssertEqual(messages.first?.headers.map(\.value.typeCode), Array(0...9))
        XCTAssertEqual(try EventStreamEncoder().encode(Self.allHeaderTypesMessage), Self.allHeaderTypes)
    }

    func testOneStringHeaderVector() throws {
        let message = EventStreamMessage(
            headers: [.init(name: "content-type", value: .string("application/json"))],
            payload: Data("{'foo':'bar'}".utf8))
        XCTAssertEqual(try EventStreamEncoder().encode(message), Self.oneStringHeader)
        XCTAssertEqual(try EventStreamDecoder.decodeAll(Self.oneStringHeader), [message])
    }

    func testWellKnownHeaderAccessors() throws {
        let message = EventStreamMessage(headers: [
            .init(name: ":message-type", value: .string("exception")),
            .init(name: ":exception-type", value: .string("ThrottlingException")),
            .init(name: ":content-type", value: .string("application/json")),
            .init(name: ":event-type", value: .int(1)),  // not a string: no accessor value
            .init(name: ":message-type", value: .string("ignored: the first one wins")),
        ])
        let decoded = try XCTUnwrap(EventStreamDecoder.decodeAll(EventStreamEncoder().encode(message)).first)
        XCTAssertEqual(decoded.messageType, "exception")
        XCTAssertEqual(decoded.exceptionType, "ThrottlingException")
        XCTAssertEqual(decoded.contentType, "application/json")
        XCTAssertNil(decoded.eventType)
        XCTAssertEqual(decoded[header: ":event-type"], .int(1))
        XCTAssertNil(decoded[header: "absent"])
    }

    // MARK: - Round trips and chunking

    private static let everyType = EventStreamMessage(
        headers: [
            .init(name: "t", value: .bool(true)), .init(name: "f", value: .bool(false)),
            .init(name: "byte-min", value: .byte(.min)), .init(name: "byte-max", value: .byte(.max)),
            .init(name: "short-min", value: .short(.min)), .init(name: "short-max", value: .short(.max)),
            .init(name: "int-min", value: .int(.min)), .init(name: "int-max", value: .int(.max)),
            .init(name: "long-min", value: .long(.min)), .init(name: "long-max", value: .long(.max)),
            .init(name: "bytes-empty", value: .bytes(Data())),
            .init(name: "bytes-max", value: .bytes(Data(repeating: 0xAB, count: 65_535))),
            .init(name: "string-empty", value: .string("")),
            .init(name: "string-unicode", value: .string("héllo ✓ 🌍 \u{FFFD}")),
            .init(name: "ts-epoch", value: .timestamp(Date(timeIntervalSince1970: 0))),
            .init(name: "ts-before", value: .timestamp(Date(timeIntervalSince1970: Double(-1_234_567) / 1000))),
            .init(name: "ts-now", value: .timestamp(Date(timeIntervalSince1970: Double(1_764_868_917_123) / 1000))),
            .init(name: "uuid", value: .uuid(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!)),
            .init(name: String(repeating: "n", count: 255), value: .string("longest name")),
            .init(name: "ünïcödé-name", value: .bool(true)),
        ],
        payload: Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))

    func testRoundTripOfEveryHeaderType() throws {
        let data = try EventStreamEncoder().encode(Self.everyType)
        XCTAssertEqual(try EventStreamDecoder.decodeAll(data), [Self.everyType])
        // Decoded timestamps re-encode to the same milliseconds.
        XCTAssertEqual(try EventStreamEncoder().encode(EventStreamDecoder.decodeAll(data)[0]), data)
    }

    func testByteAtATimeFeeding() throws {
        let messages = [Self.everyType, EventStreamMessage(), Self.allHeaderTypesMessage]
        let data = try EventStreamEncoder().encode(messages)
        var decoder = EventStreamDecoder()
        var decoded: [EventStreamMessage] = []
        for byte in data {
            decoder.append(CollectionOfOne(byte))
            while let message = try decoder.next() { decoded.append(message) }
        }
        try decoder.finish()
        XCTAssertEqual(decoded, messages)
        XCTAssertEqual(decoder.bufferedByteCount, 0)
    }

    func testSeveralMessagesInOneChunkAndRandomSplits() throws {
        let messages = (0..<50).map { index in
            EventStreamMessage(
                headers: [.init(name: ":event-type", value: .string("E\(index)")),
                          .init(name: "n", value: .int(Int32(index)))],
                payload: Data(repeating: UInt8(index), count: index * 7))
        }
        let data = try EventStreamEncoder().encode(messages)
        XCTAssertEqual(try EventStreamDecoder.decodeAll(data), messages)
        var random = SplitMix64(seed: 7)
        for _ in 0..<20 {
            var decoder = EventStreamDecoder()
            var decoded: [EventStreamMessage] = []
            var offset = 0
            while offset < data.count {
                let end = min(data.count, offset + Int(random.next() % 700) + 1)
                decoder.append(data[offset..<end])
                offset = end
                while let message = try decoder.next() { decoded.append(message) }
            }
            try decoder.finish()
            XCTAssertEqual(decoded, messages)
        }
    }

    // MARK: - Rejections

    func testChecksumMismatches() {
        var prelude = Self.allHeaderTypes
        prelude[5] ^= 0x01
        XCTAssertThrowsError(try EventStreamDecoder.decodeAll(prelude)) { error in
            guard case .preludeChecksumMismatch = error as? EventStreamError else { return XCTFail("\(error)") }
        }
        var body = Self.allHeaderTypes
        body[40] ^= 0x80
        XCTAssertThrowsError(try EventStreamDecoder.decodeAll(body)) { error in
            XCTAssertEqual(error as? EventStreamError,
                           .messageChecksumMismatch(expected: 0x6335_3671, actual: crc(body.dropLast(4))))
        }
    }

    func testInconsistentPreludes() {
        XCTAssertEqual(decodeError(message(total: 15, headersLength: 0, body: [])),
                       .invalidPrelude(totalLength: 15, headersLength: 0))
        XCTAssertEqual(decodeError(message(total: 20, headersLength: 5, body: [0, 0, 0, 0, 0])),
                       .invalidPrelude(totalLength: 20, headersLength: 5))
        XCTAssertEqual(decodeError(message(total: 16 + 200_000, headersLength: 200_000, body: [])),
                       .headersTooLarge(200_000))
    }

    func testFourGibibyteMessageIsRejectedFromThePreludeAlone() throws {
        var decoder = EventStreamDecoder()
        decoder.append(prelude(total: UInt32.max, headersLength: 0))
        XCTAssertThrowsError(try decoder.next()) { error in
            XCTAssertEqual(error as? EventStreamError, .messageTooLarge(4_294_967_295))
        }
        XCTAssertEqual(decoder.bufferedByteCount, 0)
        decoder.append(Data(count: 1000))  // ignored after failure
        XCTAssertEqual(decoder.bufferedByteCount, 0)
        XCTAssertThrowsError(try decoder.next())
        XCTAssertThrowsError(try decoder.finish())
    }

    func testConfigurableMessageLimit() throws {
        let data = try EventStreamEncoder().encode(Self.allHeaderTypesMessage)
        XCTAssertEqual(decodeError(data, maximumMessageLength: 97), .messageTooLarge(98))
        XCTAssertEqual(try EventStreamDecoder.decodeAll(data, maximumMessageLength: 98).count, 1)
        XCTAssertThrowsError(try EventStreamEncoder(maximumMessageLength: 97).encode(Self.allHeaderTypesMessage))
    }

    func testMalformedHeaders() {
        func headerError(_ headers: [UInt8]) -> EventStreamError? {
            decodeError(message(total: UInt32(16 + headers.count), headersLength: headers.count, body: headers))
        }
        XCTAssertEqual(headerError([1, 0x61, 10]), .malformedHeaders("header 'a' at offset 0 has unknown type 10"))
        for bad in [[3, 0x61, 0x62], [1, 0x61, 4, 0, 0, 0], [1, 0x61, 7, 0, 5, 0x61], [1, 0x61, 9, 1, 2, 3],
                    [1, 0x61, 6, 0xFF, 0xFF, 1], [1, 0x61, 7, 0, 2, 0xC3, 0x28], [2, 0xFF, 0xFE, 0],
                    [1, 0x61, 7, 0, 3, 0xED, 0xA0, 0x80], [1, 0x61], [5, 0x61]] as [[UInt8]] {
            guard case .malformedHeaders = headerError(bad) else {
                return XCTFail("\(bad) was not rejected as malformed: \(String(describing: headerError(bad)))")
            }
        }
    }

    func testTruncatedStream() throws {
        let data = try EventStreamEncoder().encode([EventStreamMessage(), Self.allHeaderTypesMessage])
        for cut in [1, 11, 12, 20, 97] {
            var decoder = EventStreamDecoder()
            decoder.append(data.dropLast(cut))
            while try decoder.next() != nil {}
            XCTAssertThrowsError(try decoder.finish()) { error in
                XCTAssertEqual(error as? EventStreamError, .truncated(98 - cut))
            }
        }
    }

    func testEncoderRejectsOutOfRangeValues() {
        let encoder = EventStreamEncoder()
        for header in [
            EventStreamHeader(name: String(repeating: "x", count: 256), value: .bool(true)),
            EventStreamHeader(name: "s", value: .string(String(repeating: "x", count: 65_536))),
            EventStreamHeader(name: "b", value: .bytes(Data(count: 65_536))),
            EventStreamHeader(name: "t", value: .timestamp(.distantFuture.addingTimeInterval(1e300))),
        ] {
            XCTAssertThrowsError(try encoder.encode(EventStreamMessage(headers: [header]))) { error in
                guard case .unencodable = error as? EventStreamError else { return XCTFail("\(error)") }
            }
        }
        let bigHeaders = (0..<3).map { EventStreamHeader(name: "h\($0)", value: .bytes(Data(count: 50_000))) }
        XCTAssertThrowsError(try encoder.encode(EventStreamMessage(headers: bigHeaders)))
    }

    // MARK: - Mutation fuzz

    func testSeededMutationFuzz() throws {
        let limit = 4096
        let encoder = EventStreamEncoder()
        let corpus: [Data] = try [
            Self.emptyMessage, Self.allHeaderTypes, Self.oneStringHeader,
            encoder.encode(EventStreamMessage(
                headers: [.init(name: ":message-type", value: .string("event")),
                          .init(name: "u", value: .uuid(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!))],
                payload: Data(repeating: 0x5A, count: 300))),
        ]
        var random = SplitMix64(seed: 0xE5E5)
        var outcomes = (messages: 0, errors: 0, incomplete: 0)
        for _ in 0..<4000 {
            let base = corpus.randomElement(using: &random)! + corpus.randomElement(using: &random)!
            var bytes = [UInt8](base)
            switch random.next() % 6 {
            case 0: bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
            case 1:
                for _ in 0...(random.next() % 3) { bytes[Int(random.next() % UInt64(bytes.count))] ^= 1 << (random.next() % 8) }
            case 2, 3:
                // Corrupt a length (total, headers, or an inner header length) and re-seal both checksums so the
                // decoder's deeper checks are exercised.
                let index = random.next() % 2 == 0 ? Int(random.next() % 8) : Int(random.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: random.next())
                reseal(&bytes)
            case 4:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(bytes.count)))
            default:
                bytes = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                if random.next() % 2 == 0 { reseal(&bytes) }
            }

            var decoder = EventStreamDecoder(maximumMessageLength: limit)
            var offset = 0
            var failed = false
            feeding: while offset < bytes.count {
                let chunk = Int(random.next() % 64) + 1
                let end = min(bytes.count, offset + chunk)
                decoder.append(bytes[offset..<end])
                offset = end
                do {
                    while let message = try decoder.next() {
                        outcomes.messages += 1
                        XCTAssertNoThrow(try encoder.encode(message))
                    }
                } catch {
                    outcomes.errors += 1
                    failed = true
                    XCTAssertEqual(decoder.bufferedByteCount, 0)
                    break feeding
                }
                XCTAssertLessThanOrEqual(decoder.bufferedByteCount, limit + chunk)
            }
            if !failed {
                do { try decoder.finish() } catch { outcomes.incomplete += 1 }
            }
        }
        XCTAssertGreaterThan(outcomes.messages, 100)
        XCTAssertGreaterThan(outcomes.errors, 1000)
        XCTAssertGreaterThan(outcomes.incomplete, 100)
    }

    // MARK: - Agreement with botocore

    func testBotocoreParsesOurEncoding() throws {
        let messages = [Self.allHeaderTypesMessage, Self.everyType, EventStreamMessage(),
                        EventStreamMessage(headers: [.init(name: ":event-type", value: .string("Records"))],
                                           payload: Data("héllo".utf8))]
        let data = try EventStreamEncoder().encode(messages)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eventstream-\(UUID()).bin")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let script = """
            import sys
            try:
                from botocore.eventstream import EventStreamBuffer
            except Exception as error:
                print("botocore is not importable: %s" % error); sys.exit(3)
            buffer = EventStreamBuffer()
            buffer.add_data(open(sys.argv[1], "rb").read())
            for message in buffer:
                print("message")
                for name, value in message.headers.items():
                    if isinstance(value, bool): text = "bool:%s" % value
                    elif isinstance(value, int): text = "int:%d" % value
                    elif isinstance(value, bytes): text = "bytes:" + value.hex()
                    else: text = "string:" + value.encode("utf-8").hex()
                    print("header %s %s" % (name.encode("utf-8").hex(), text))
                print("payload " + message.payload.hex())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("python3 could not be started (\(error)); skipping botocore check") }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stdout, as: UTF8.self)
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed; skipping botocore check") }
        if process.terminationStatus == 3 { throw XCTSkip("\(text.trimmingCharacters(in: .whitespacesAndNewlines)); skipping") }
        XCTAssertEqual(process.terminationStatus, 0, text)

        var expected: [String] = []
        for message in messages {
            expected.append("message")
            // botocore collects headers into a dict: a repeated name keeps its last value, first position.
            for header in message.headers {
                let value: String
                switch header.value {
                case .bool(let flag): value = "bool:\(flag ? "True" : "False")"
                case .byte(let number): value = "int:\(number)"
                case .short(let number): value = "int:\(number)"
                case .int(let number): value = "int:\(number)"
                case .long(let number): value = "int:\(number)"
                case .timestamp(let date): value = "int:\(Int64((date.timeIntervalSince1970 * 1000).rounded()))"
                case .bytes(let bytes): value = "bytes:" + hexString(bytes)
                case .uuid(let uuid): value = "bytes:" + hexString(withUnsafeBytes(of: uuid.uuid) { Data($0) })
                case .string(let string): value = "string:" + hexString(Data(string.utf8))
                }
                expected.append("header \(hexString(Data(header.name.utf8))) \(value)")
            }
            expected.append("payload " + hexString(message.payload))
        }
        XCTAssertEqual(text.split(separator: "\n").map(String.init), expected)
    }
}

// MARK: - Helpers


private func hex(_ text: String) -> Data {
    let digits = text.unicodeScalars.filter { $0.properties.isASCIIHexDigit }.map { UInt8(String($0), radix: 16)! }
    return Data(stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] })
}

private func hexString(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

/// CRC-32 (IEEE), computed independently of the runtime's implementation.
private func crc(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var value: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        value ^= UInt32(byte)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
    }
    return ~value
}

private func bigEndian(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

private func prelude(total: UInt32, headersLength: Int) -> [UInt8] {
    let lengths = bigEndian(total) + bigEndian(UInt32(headersLength))
    return lengths + bigEndian(crc(lengths))
}

/// A frame with the given prelude lengths and body, with correct checksums (the body is padded or cut to fit).
private func message(total: UInt32, headersLength: Int, body: [UInt8]) -> Data {
    var bytes = prelude(total: total, headersLength: headersLength) + body
    let bodyEnd = max(Int(total) - 4, 12)
    if bytes.count < bodyEnd { bytes += [UInt8](repeating: 0, count: bodyEnd - bytes.count) }
    bytes = Array(bytes.prefix(bodyEnd))
    return Data(bytes + bigEndian(crc(bytes)))
}

/// Recomputes the prelude checksum, and the message checksum where the claimed total length fits the bytes.
private func reseal(_ bytes: inout [UInt8]) {
    guard bytes.count >= 12 else { return }
    bytes.replaceSubrange(8..<12, with: bigEndian(crc(bytes[0..<8])))
    let total = Int(bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    if total >= 16, total <= bytes.count { bytes.replaceSubrange(total - 4..<total, with: bigEndian(crc(bytes[0..<total - 4]))) }
}

private func decodeError(_ data: Data, maximumMessageLength: Int = EventStreamFraming.defaultMaximumMessageLength)
    -> EventStreamError?
{
    do {
        _ = try EventStreamDecoder.decodeAll(data, maximumMessageLength: maximumMessageLength)
        return nil
    } catch { return error }
}
