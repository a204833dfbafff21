import Foundation
import TestSupport
import XCTest

@testable import AWSRuntime

/// CBOR writer and reader: RFC 8949 Appendix A both ways, the widths rpcv2Cbor clients send, and hostile input.
final class CBORTests: XCTestCase {
    // MARK: - RFC 8949 Appendix A

    /// Examples whose encoding is the preferred (shortest) serialization: decoded and encoded, both ways.
    private static let preferredExamples: [(hex: String, value: CBORValue)] = [
        ("00", 0), ("01", 1), ("0a", 10), ("17", 23), ("1818", 24), ("1819", 25), ("1864", 100), ("1903e8", 1000),
        ("1a000f4240", 1_000_000), ("1b000000e8d4a51000", 1_000_000_000_000),
        ("1bffffffffffffffff", .unsigned(UInt64.max)),
        ("c249010000000000000000", .tag(2, .bytes(Data([1, 0, 0, 0, 0, 0, 0, 0, 0])))),
        ("3bffffffffffffffff", .negative(UInt64.max)),
        ("c349010000000000000000", .tag(3, .bytes(Data([1, 0, 0, 0, 0, 0, 0, 0, 0])))),
        ("20", -1), ("29", -10), ("3863", -100), ("3903e7", -1000),
        ("f90000", 0.0), ("f98000", -0.0), ("f93c00", 1.0), ("fb3ff199999999999a", 1.1), ("f93e00", 1.5),
        ("f97bff", 65504.0), ("fa47c35000", 100000.0), ("fa7f7fffff", 3.4028234663852886e+38),
        ("fb7e37e43c8800759c", 1.0e+300), ("f90001", 5.960464477539063e-8), ("f90400", 0.00006103515625),
        ("f9c400", -4.0), ("fbc010666666666666", -4.1),
        ("f97c00", .float(.infinity)), ("f97e00", .float(.nan)), ("f9fc00", .float(-.infinity)),
        ("f4", false), ("f5", true), ("f6", .null), ("f7", .undefined), ("f0", .simple(16)), ("f8ff", .simple(255)),
        ("c074323031332d30332d32315432303a30343a30305a", .tag(0, "2013-03-21T20:04:00Z")),
        ("c11a514b67b0", .tag(1, 1_363_896_240)), ("c1fb41d452d9ec200000", .tag(1, 1363896240.5)),
        ("d74401020304", .tag(23, .bytes(Data([1, 2, 3, 4])))),
        ("d818456449455446", .tag(24, .bytes(Data([0x64, 0x49, 0x45, 0x54, 0x46])))),
        ("d82076687474703a2f2f7777772e6578616d706c652e636f6d", .tag(32, "http://www.example.com")),
        ("40", .bytes(Data())), ("4401020304", .bytes(Data([1, 2, 3, 4]))),
        ("60", ""), ("6161", "a"), ("6449455446", "IETF"), ("62225c", "\"\\"), ("62c3bc", "\u{FC}"),
        ("63e6b0b4", "\u{6C34}"), ("64f0908591", "\u{10151}"),
        ("80", []), ("83010203", [1, 2, 3]), ("8301820203820405", [1, [2, 3], [4, 5]]),
        ("98190102030405060708090a0b0c0d0e0f101112131415161718181819", .array((1...25).map { .unsigned($0) })),
        ("a0", [:]), ("a201020304", [1: 2, 3: 4]), ("a26161016162820203", ["a": 1, "b": [2, 3]]),
        ("826161a161626163", ["a", ["b": "c"]]),
        ("a56161614161626142616361436164614461656145", ["a": "A", "b": "B", "c": "C", "d": "D", "e": "E"]),
    ]

    /// Examples that decode to a value whose preferred encoding differs (other float widths, indefinite lengths).
    private static let decodeOnlyExamples: [(hex: String, value: CBORValue)] = [
        ("fa7f800000", .float(.infinity)), ("fa7fc00000", .float(.nan)), ("faff800000", .float(-.infinity)),
        ("fb7ff0000000000000", .float(.infinity)), ("fb7ff8000000000000", .float(.nan)),
        ("fbfff0000000000000", .float(-.infinity)),
        ("5f42010243030405ff", .bytes(Data([1, 2, 3, 4, 5]))), ("7f657374726561646d696e67ff", "streaming"),
        ("9fff", []), ("9f018202039f0405ffff", [1, [2, 3], [4, 5]]), ("9f01820203820405ff", [1, [2, 3], [4, 5]]),
        ("83018202039f0405ff", [1, [2, 3], [4, 5]]), ("83019f0203ff820405", [1, [2, 3], [4, 5]]),
        ("9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", .array((1...25).map { .unsigned($0) })),
        ("bf61610161629f0203ffff", ["a": 1, "b": [2, 3]]), ("826161bf61626163ff", ["a", ["b": "c"]]),
        ("bf6346756ef563416d7421ff", ["Fun": true, "Amt": -2]),
        // Well-formed but not shortest: readers accept them.
        ("1817", 23), ("190017", 23), ("1a00000017", 23), ("1b0000000000000017", 23), ("5800", .bytes(Data())),
    ]

    func testAppendixAExamplesDecode() throws {
        for example in Self.preferredExamples + Self.decodeOnlyExamples {
            XCTAssertEqual(try CBORReader().read(bytes(example.hex)), example.value, example.hex)
        }
    }

    func testAppendixAExamplesEncodeInPreferredSerialization() {
        for example in Self.preferredExamples {
            XCTAssertEqual(hex(CBORWriter.encode(example.value)), example.hex, "\(example.value)")
        }
    }

    // MARK: - Writer

    func testIntegersUseTheShortestHead() {
        let unsigned: [(UInt64, String)] = [
            (0, "00"), (23, "17"), (24, "1818"), (255, "18ff"), (256, "190100"), (65535, "19ffff"),
            (65536, "1a00010000"), (4_294_967_295, "1affffffff"), (4_294_967_296, "1b0000000100000000"),
        ]
        for (value, expected) in unsigned {
            var writer = CBORWriter()
            writer.writeUnsigned(value)
            XCTAssertEqual(hex(writer.data), expected, "\(value)")
        }
        let signed: [(Int64, String)] = [
            (-1, "20"), (-24, "37"), (-25, "3818"), (-256, "38ff"), (-257, "390100"), (-65537, "3a00010000"),
            (Int64.min, "3b7fffffffffffffff"), (Int64.max, "1b7fffffffffffffff"),
        ]
        for (value, expected) in signed {
            var writer = CBORWriter()
            writer.writeInteger(value)
            XCTAssertEqual(hex(writer.data), expected, "\(value)")
            XCTAssertEqual(CBORValue.integer(value).int64Value, value)
        }
    }

    func testFloatsAreWrittenAtTheWidthAskedFor() {
        var writer = CBORWriter()
        writer.writeFloat(7.625)
        writer.writeDouble(1.889)
        writer.writeFloat(.nan)
        writer.writeDouble(.nan)
        writer.writeDouble(-.infinity)
        writer.writeFloat16(bits: 0x0050)
        XCTAssertEqual(hex(writer.data), "fa40f40000" + "fb3ffe395810624dd3" + "fa7fc00000" + "fb7ff8000000000000"
                       + "fbfff0000000000000" + "f90050")
    }

    func testValueTreesCanBeWrittenWithDoublePrecisionFloats() {
        XCTAssertEqual(hex(CBORWriter.encode([1.5, 100000.0], floats: .double)), "82fb3ff8000000000000fb40f86a0000000000")
    }

    func testTimestampsAreTagOneAroundSeconds() {
        var writer = CBORWriter()
        writer.writeTimestamp(epochSeconds: 946_845_296.123)
        writer.writeTimestamp(epochSeconds: Int64(0))
        writer.writeTimestamp(Date(timeIntervalSince1970: 1_398_796_238))
        XCTAssertEqual(hex(writer.data), "c1fb41cc37db380fbe77" + "c100" + "c1fb41d4d7fbf3800000")
    }

    func testStringsSimpleValuesAndIndefiniteContainers() {
        var writer = CBORWriter()
        writer.startIndefiniteMap()
        writer.writeText("k")
        writer.startIndefiniteArray()
        writer.writeBytes([1, 2])
        writer.writeBytes(Data([3]))
        writer.writeNull()
        writer.writeUndefined()
        writer.writeSimple(16)
        writer.writeSimple(255)
        writer.writeNegative(UInt64.max)
        writer.writeBreak()
        writer.writeBreak()
        XCTAssertEqual(hex(writer.data), "bf" + "616b" + "9f" + "420102" + "4103" + "f6" + "f7" + "f0" + "f8ff"
                       + "3bffffffffffffffff" + "ff" + "ff")
    }

    // MARK: - Against the Smithy rpcv2Cbor tests

    func testSimpleScalarPropertiesIsWrittenByteForByte() throws {
        var writer = CBORWriter()
        writer.startMap(count: 9)
        writer.writeText("trueBooleanValue"); writer.writeBool(true)
        writer.writeText("falseBooleanValue"); writer.writeBool(false)
        writer.writeText("byteValue"); writer.writeInteger(5)
        writer.writeText("doubleValue"); writer.writeDouble(1.889)
        writer.writeText("floatValue"); writer.writeFloat(7.625)
        writer.writeText("integerValue"); writer.writeInteger(256)
        writer.writeText("shortValue"); writer.writeInteger(9898)
        writer.writeText("stringValue"); writer.writeText("simple")
        writer.writeText("blobValue"); writer.writeBytes(Data("foo".utf8))
        XCTAssertEqual(writer.data, try smithyBody("RpcV2CborSimpleScalarPropertiesUsingDefiniteLength"))
    }

    func testListsRequestIsWrittenByteForByte() throws {
        var writer = CBORWriter()
        writer.startIndefiniteMap()
        for (key, texts) in [("stringList", ["foo", "bar"]), ("stringSet", ["foo", "bar"])] {
            writer.writeText(key)
            writer.startArray(count: texts.count)
            texts.forEach { writer.writeText($0) }
        }
        writer.writeText("integerList"); writer.startArray(count: 2); writer.writeInteger(1); writer.writeInteger(2)
        writer.writeText("booleanList"); writer.startArray(count: 2); writer.writeBool(true); writer.writeBool(false)
        writer.writeText("timestampList"); writer.startArray(count: 2)
        writer.writeTimestamp(epochSeconds: 1_398_796_238.0); writer.writeTimestamp(epochSeconds: 1_398_796_238.0)
        writer.writeText("enumList"); writer.startArray(count: 2); writer.writeText("Foo"); writer.writeText("0")
        writer.writeText("intEnumList"); writer.startArray(count: 2); writer.writeInteger(1); writer.writeInteger(2)
        writer.writeText("nestedStringList")
        writer.write([["foo", "bar"], ["baz", "qux"]])
        writer.writeText("structureList")
        writer.write([["a": "1", "b": "2"], ["a": "3", "b": "4"]])
        writer.writeText("blobList")
        writer.write([.bytes(Data("foo".utf8)), .bytes(Data("bar".utf8))])
        writer.writeBreak()
        XCTAssertEqual(writer.data, try smithyBody("RpcV2CborLists", request: true))
    }

    func testFractionalSecondsTimestamp() throws {
        let value = try CBORReader().read(try smithyBody("RpcV2CborDateTimeWithFractionalSeconds"))
        XCTAssertEqual(value["datetime"], .tag(1, .float(946_845_296.123)))
    }

    func testHalfPrecisionResponses() throws {
        XCTAssertEqual(try CBORReader().read(try smithyBody("RpcV2CborFloat16Inf"))["value"], .float(.infinity))
        XCTAssertEqual(try CBORReader().read(try smithyBody("RpcV2CborFloat16NegInf"))["value"], .float(-.infinity))
        XCTAssertEqual(try CBORReader().read(try smithyBody("RpcV2CborFloat16LSBNaN"))["value"]?.doubleValue?.isNaN, true)
        XCTAssertEqual(try CBORReader().read(try smithyBody("RpcV2CborFloat16MSBNaN"))["value"]?.doubleValue?.isNaN, true)
        XCTAssertEqual(try CBORReader().read(try smithyBody("RpcV2CborFloat16Subnormal"))["value"], .float(4.76837158203125e-06))
    }

    func testSparseMapsWithNullsDecode() throws {
        let value = try CBORReader().read(try smithyBody("RpcV2CborDeserializesSparseSetMapAndRetainsNull"))
        XCTAssertEqual(value, ["sparseSetMap": ["x": [], "y": ["a", "b"], "z": .null]])
    }

    func testIndefiniteStringsInsideListsDecode() throws {
        let value = try CBORReader().read(try smithyBody("RpcV2CborIndefiniteStringInsideIndefiniteListCanDeserialize"))
        let strings = try XCTUnwrap(value["stringList"]?.arrayValue).compactMap(\.textValue)
        XCTAssertEqual(strings.first, "An example indefinite string, which will be chunked, on each comma")
        XCTAssertEqual(strings.count, 3)
    }

    func testEveryRpcv2CborBodyDecodesAndRoundTrips() throws {
        let bodies = try smithyBodies()
        XCTAssertGreaterThan(bodies.count, 60)
        for (id, body) in bodies where !body.isEmpty {
            let value = try CBORReader().read(body)
            XCTAssertEqual(try CBORReader().read(CBORWriter.encode(value)), value, id)
        }
    }

    // MARK: - Half precision

    func testEveryHalfPrecisionValueConvertsExactlyBothWays() {
        for bits in UInt16.min...UInt16.max {
            let value = CBORHalfFloat.double(fromBits: bits)
            #if !(os(macOS) && arch(x86_64))
                let reference = Double(Float16(bitPattern: bits))
                XCTAssertTrue(value.bitPattern == reference.bitPattern || (value.isNaN && reference.isNaN), "\(bits)")
            #endif
            if value.isNaN {
                XCTAssertEqual(CBORHalfFloat.bits(exactly: value), 0x7E00)
            } else {
                XCTAssertEqual(CBORHalfFloat.bits(exactly: value), bits, "\(value)")
            }
        }
    }

    func testValuesAHalfCannotHoldHaveNoHalfBits() {
        for value in [1.1, 65505, 65520, 1e-9, 0x1p-25, 1 + 0x1p-11, 0x1p-24 * 1.5, 100000, .leastNonzeroMagnitude] {
            XCTAssertNil(CBORHalfFloat.bits(exactly: value), "\(value)")
        }
        XCTAssertEqual(CBORHalfFloat.bits(exactly: 1 + 0x1p-10), 0x3C01)
    }

    // MARK: - Hostile input

    func testMalformedInputsFailWithTheirError() {
        let cases: [(String, CBORReadError)] = [
            ("", .unexpectedEnd(offset: 0)),
            ("18", .unexpectedEnd(offset: 1)),
            ("1b0000", .unexpectedEnd(offset: 3)),
            ("9f01", .unexpectedEnd(offset: 2)),
            ("a1", .lengthExceedsInput(offset: 0, length: 1)),
            ("a201", .lengthExceedsInput(offset: 0, length: 2)),
            ("a1010203", .trailingBytes(offset: 3)),
            ("a301020304", .lengthExceedsInput(offset: 0, length: 3)),
            ("a3010203040518", .unexpectedEnd(offset: 7)),
            ("5bffffffffffffffff", .lengthExceedsInput(offset: 0, length: UInt64.max)),
            ("7a0001000061", .lengthExceedsInput(offset: 0, length: 65536)),
            ("9b7fffffffffffffff", .lengthExceedsInput(offset: 0, length: UInt64(Int64.max))),
            ("ba00000002010203", .lengthExceedsInput(offset: 0, length: 2)),
            ("1c", .malformed(offset: 0, reason: "reserved additional information 28")),
            ("3d", .malformed(offset: 0, reason: "reserved additional information 29")),
            ("fe", .malformed(offset: 0, reason: "reserved additional information 30")),
            ("1f", .malformed(offset: 0, reason: "indefinite length for a type that has none")),
            ("df00", .malformed(offset: 0, reason: "indefinite length for a type that has none")),
            ("ff", .malformed(offset: 0, reason: "break outside an indefinite-length item")),
            ("bf01ff", .malformed(offset: 2, reason: "break outside an indefinite-length item")),
            ("8101ff", .trailingBytes(offset: 2)),
            ("5f6161ff", .malformed(offset: 1, reason: "an indefinite-length string chunk must be a definite string of the same type")),
            ("5f5fffff", .malformed(offset: 1, reason: "an indefinite-length string chunk must be a definite string of the same type")),
            ("f818", .malformed(offset: 0, reason: "a two-byte simple value must be 32 or more")),
            ("62c080", .invalidUTF8(offset: 0)),
            ("63eda080", .invalidUTF8(offset: 0)),
            ("6180", .invalidUTF8(offset: 0)),
            ("64f4908080", .invalidUTF8(offset: 0)),
            ("7f61c361bcff", .invalidUTF8(offset: 0)),
            ("0102", .trailingBytes(offset: 1)),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try CBORReader().read(bytes(input)), input) { error in
                XCTAssertEqual(error as? CBORReadError, expected, input)
            }
        }
    }

    func testNestingUpToTheLimitIsReadAndOneMoreIsRefused() throws {
        for opener in ["81", "a100", "c1", "9f"] {
            let closer = opener == "9f" ? "ff" : ""
            let deepest = String(repeating: opener, count: 64) + "00" + String(repeating: closer, count: 64)
            XCTAssertNoThrow(try CBORReader().read(bytes(deepest)), opener)
            let tooDeep = String(repeating: opener, count: 65) + "00" + String(repeating: closer, count: 65)
            XCTAssertThrowsError(try CBORReader().read(bytes(tooDeep))) { error in
                XCTAssertEqual(error as? CBORReadError, .tooDeep(offset: 64 * (opener.count / 2), limit: 64), opener)
            }
        }
        XCTAssertThrowsError(try CBORReader().read([UInt8](repeating: 0x81, count: 1_000_000)))
        XCTAssertNoThrow(try CBORReader(maxDepth: 2).read(bytes("818100")))
        XCTAssertThrowsError(try CBORReader(maxDepth: 2).read(bytes("81818100"))) { error in
            XCTAssertEqual(error as? CBORReadError, .tooDeep(offset: 2, limit: 2))
        }
    }

    func testEveryPrefixOfAValidDocumentFails() throws {
        for example in Self.preferredExamples + Self.decodeOnlyExamples {
            let full = bytes(example.hex)
            for length in 0..<full.count {
                XCTAssertThrowsError(try CBORReader().read(Array(full.prefix(length))), "\(example.hex)[..<\(length)]")
            }
        }
    }

    /// Random and mutated inputs: each ends in a value or a `CBORReadError`, and every value decoded
    /// re-encodes to bytes that decode to the same value.
    func testRandomAndMutatedInputsNeverCrash() {
        var random = SplitMix64(seed: 0xC0B0_F022)
        let seeds = (Self.preferredExamples + Self.decodeOnlyExamples).map { bytes($0.hex) }
            + [bytes("bf6a737472696e674c6973749f7f61616162ff6162ffa1f93e00c1fb41d4d7fbf3800000ff")]
        let interesting: [UInt8] = [0x00, 0x17, 0x18, 0x1B, 0x1F, 0x5F, 0x7F, 0x9F, 0xBF, 0xC1, 0xF9, 0xFB, 0xFF, 0xFE, 0x80, 0xC0]
        var decoded = 0
        for round in 0..<6000 {
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<random.next(below: 48)).map { _ in
                    random.next(below: 3) == 0 ? interesting[random.next(below: interesting.count)] : UInt8(random.next(below: 256))
                }
            } else {
                input = seeds[random.next(below: seeds.count)]
                for _ in 0...random.next(below: 3) {
                    let position = random.next(below: input.count + 1)
                    switch random.next(below: 4) {
                    case 0 where !input.isEmpty: input[Swift.min(position, input.count - 1)] ^= UInt8(1 << random.next(below: 8))
                    case 1: input.insert(interesting[random.next(below: interesting.count)], at: position)
                    case 2 where !input.isEmpty: input.remove(at: Swift.min(position, input.count - 1))
                    default: input = Array(input.prefix(position))
                    }
                }
            }
            guard let value = try? CBORReader().read(input) else { continue }
            decoded += 1
            XCTAssertEqual(try? CBORReader().read(CBORWriter.encode(value)), value, hex(Data(input)))
        }
        XCTAssertGreaterThan(decoded, 500)
    }

    func testRandomValueTreesRoundTripAtBothFloatWidths() throws {
        var random = SplitMix64(seed: 0x7EE5)
        for _ in 0..<500 {
            let value = randomValue(&random, depth: 0)
            for width in [CBORWriter.FloatWidth.shortest, .double] {
                XCTAssertEqual(try CBORReader().read(CBORWriter.encode(value, floats: width)), value)
            }
        }
    }

    // MARK: - Helpers

    private func randomValue(_ random: inout SplitMix64, depth: Int) -> CBORValue {
        switch random.next(below: depth < 4 ? 12 : 9) {
        case 0: return .unsigned(random.next() >> random.next(below: 64))
        case 1: return .negative(random.next() >> random.next(below: 64))
        case 2: return .bytes(Data((0..<random.next(below: 40)).map { _ in UInt8(random.next(below: 256)) }))
        case 3: return .text(String((0..<random.next(below: 20)).map { _ in "aé日🎉\u{0}\"".randomElement(using: &random) ?? "a" }))
        case 4: return .float(Double(bitPattern: random.next()))
        case 5: return .float([0.0, -0.0, 1.5, 100000.0, 1.1, .infinity, 65504, 0x1p-24][random.next(below: 8)])
        case 6: return [.bool(true), .bool(false), .null, .undefined, .simple(0), .simple(19), .simple(32), .simple(255)][random.next(below: 8)]
        case 7: return .integer(Int64(bitPattern: random.next()))
        case 8: return .tag(random.next() >> random.next(below: 64), .unsigned(1))
        case 9: return .array((0..<random.next(below: 5)).map { _ in randomValue(&random, depth: depth + 1) })
        case 10: return .tag(1, randomValue(&random, depth: depth + 1))
        default:
            return .map((0..<random.next(below: 5)).map { _ in
                (key: randomValue(&random, depth: depth + 1), value: randomValue(&random, depth: depth + 1))
            })
        }
    }

    private func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    private func hex(_ data: Data) -> String {
        data.map { String(format: "%02x", $0) }.joined()
    }

    /// The body of test `id` in `../shared/testdata/protocol-tests/rpcv2Cbor.json` (a response test unless `request`).
    private func smithyBody(_ id: String, request: Bool = false) throws -> Data {
        let kind = request ? "smithy.test#httpRequestTests" : "smithy.test#httpResponseTests"
        guard let body = try smithyBodies(kinds: [kind]).first(where: { $0.id == id })?.body else {
            throw XCTSkip("no test \(id)")
        }
        return body
    }

    private func smithyBodies(
        kinds: [String] = ["smithy.test#httpRequestTests", "smithy.test#httpResponseTests"]
    ) throws -> [(id: String, body: Data)] {
        guard let url = RepositoryPaths.sharedFile("testdata/protocol-tests/rpcv2Cbor.json") else {
            throw XCTSkip("rpcv2Cbor.json is missing")
        }
        let model = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let shapes = model?["shapes"] as? [String: [String: Any]] ?? [:]
        return shapes.values.flatMap { shape in
            kinds.flatMap { kind in
                ((shape["traits"] as? [String: Any])?[kind] as? [[String: Any]] ?? []).compactMap { testCase in
                    guard let id = testCase["id"] as? String, let body = testCase["body"] as? String,
                        let data = Data(base64Encoded: body)
                    else { return nil }
                    return (id: id, body: data)
                }
            }
        }
    }
}

