import AWSRuntime
import DynamoDB
import DynamoDBCodable
import Foundation
import SmithyModel
import XCTest

/// The generated JSON readers (`Templates/JSONDecoding.mustache`) must read every body exactly as `Codable`
/// decoding does: DynamoDB's outputs (structures, the recursive `AttributeValue` union, maps, sparse lists, sets,
/// enums, timestamps, blobs, numbers of every width) from random documents built from the model, valid and broken
/// (missing and null members, wrong types, out-of-range numbers, unknown members, two union members, bad base64).
/// `DynamoDB` is generated as every client is; `DynamoDBCodable` from the same model with `--codable-decoding`,
/// the `Codable` `init(from:)` the readers replaced. Each document is decoded by both: the same value (compared
/// as the JSON each encodes to, keys sorted), or an error from both.
///
/// Built and run by `.ci/check-generated-models.sh`, which generates both modules.
final class JSONReaderDifferentialTests: XCTestCase {
    enum Outcome: Equatable {
        case same(decoded: Bool)
        case different(String)
    }

    static func compare<Reader: Codable, Coded: Codable>(_ reader: Reader.Type, _ coded: Coded.Type, _ body: Data) -> Outcome {
        let generated = Result { try JSONTapeDecoder().decode(Reader.self, from: body) }
        let codable = Result { try JSONTapeDecoder().decode(Coded.self, from: body) }
        switch (generated, codable) {
        case (.success(let readerValue), .success(let codedValue)):
            let left = canonical(readerValue)
            let right = canonical(codedValue)
            return left == right ? .same(decoded: true) : .different("reader: \(left)\ncodable: \(right)")
        case (.failure, .failure):
            return .same(decoded: false)
        case (.success(let value), .failure(let error)):
            return .different("the reader accepted \(canonical(value)); Codable threw \(error)")
        case (.failure(let error), .success(let value)):
            return .different("the reader threw \(error); Codable read \(canonical(value))")
        }
    }

    /// The value as JSON with sorted keys (NaN written as a string), so values of the two modules compare.
    static func canonical(_ value: some Encodable) -> String {
        guard let data = try? JSONStreamEncoder().encode(value),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return "(not encodable)" }
        return String(decoding: sorted, as: UTF8.self)
    }

    /// The outputs compared, by shape name.
    static let outputs: [String: @Sendable (Data) -> Outcome] = [
        "ScanOutput": { compare(DynamoDB.ScanOutput.self, DynamoDBCodable.ScanOutput.self, $0) },
        "QueryOutput": { compare(DynamoDB.QueryOutput.self, DynamoDBCodable.QueryOutput.self, $0) },
        "GetItemOutput": { compare(DynamoDB.GetItemOutput.self, DynamoDBCodable.GetItemOutput.self, $0) },
        "BatchGetItemOutput": { compare(DynamoDB.BatchGetItemOutput.self, DynamoDBCodable.BatchGetItemOutput.self, $0) },
        "BatchWriteItemOutput": { compare(DynamoDB.BatchWriteItemOutput.self, DynamoDBCodable.BatchWriteItemOutput.self, $0) },
        "BatchExecuteStatementOutput": {
            compare(DynamoDB.BatchExecuteStatementOutput.self, DynamoDBCodable.BatchExecuteStatementOutput.self, $0)
        },
        "DescribeTableOutput": { compare(DynamoDB.DescribeTableOutput.self, DynamoDBCodable.DescribeTableOutput.self, $0) },
        "ExecuteStatementOutput": { compare(DynamoDB.ExecuteStatementOutput.self, DynamoDBCodable.ExecuteStatementOutput.self, $0) },
        "ExecuteTransactionOutput": {
            compare(DynamoDB.ExecuteTransactionOutput.self, DynamoDBCodable.ExecuteTransactionOutput.self, $0)
        },
        "TransactGetItemsOutput": { compare(DynamoDB.TransactGetItemsOutput.self, DynamoDBCodable.TransactGetItemsOutput.self, $0) },
        "UpdateItemOutput": { compare(DynamoDB.UpdateItemOutput.self, DynamoDBCodable.UpdateItemOutput.self, $0) },
        "DescribeContinuousBackupsOutput": {
            compare(DynamoDB.DescribeContinuousBackupsOutput.self, DynamoDBCodable.DescribeContinuousBackupsOutput.self, $0)
        },
        "DescribeGlobalTableSettingsOutput": {
            compare(DynamoDB.DescribeGlobalTableSettingsOutput.self, DynamoDBCodable.DescribeGlobalTableSettingsOutput.self, $0)
        },
        "DescribeExportOutput": { compare(DynamoDB.DescribeExportOutput.self, DynamoDBCodable.DescribeExportOutput.self, $0) },
        "DescribeImportOutput": { compare(DynamoDB.DescribeImportOutput.self, DynamoDBCodable.DescribeImportOutput.self, $0) },
        "ListBackupsOutput": { compare(DynamoDB.ListBackupsOutput.self, DynamoDBCodable.ListBackupsOutput.self, $0) },
        "ListTablesOutput": { compare(DynamoDB.ListTablesOutput.self, DynamoDBCodable.ListTablesOutput.self, $0) },
        "DescribeTableReplicaAutoScalingOutput": {
            compare(DynamoDB.DescribeTableReplicaAutoScalingOutput.self, DynamoDBCodable.DescribeTableReplicaAutoScalingOutput.self, $0)
        },
        "DescribeEndpointsResponse": {
            compare(DynamoDB.DescribeEndpointsResponse.self, DynamoDBCodable.DescribeEndpointsResponse.self, $0)
        },
    ]

    func testGeneratedReadersReadWhatCodableReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let modelURL = root.deletingLastPathComponent().appendingPathComponent("shared/models/dynamodb.json")
        guard FileManager.default.fileExists(atPath: modelURL.path) else {
            print("SKIPPED: JSON reader differential test: \(modelURL.path) is missing")
            throw XCTSkip("\(modelURL.path) is missing")
        }
        let model = try ModelLoader.load(contentsOf: modelURL)
        var documents = 0
        var decoded = 0
        var failures: [String] = []
        for (name, check) in Self.outputs.sorted(by: { $0.key < $1.key }) {
            let id = try XCTUnwrap(ShapeID("com.amazonaws.dynamodb#\(name)"))
            XCTAssertNotNil(model.shape(id), "\(name) is not in the model")
            // Seeded by the name, so a failure reproduces.
            let seed = name.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
            var generator = DocumentGenerator(model: model, random: SplitMix64(seed: seed))
            for round in 0..<300 {
                // A third of the documents valid, the rest with a few faults each.
                generator.faultRate = round % 3 == 0 ? 0 : 0.06
                let body = Data(generator.document(for: id, depth: 0).utf8)
                documents += 1
                switch check(body) {
                case .same(let wasDecoded):
                    if wasDecoded { decoded += 1 }
                case .different(let reason):
                    if failures.count < 5 { failures.append("\(name): \(String(decoding: body.prefix(600), as: UTF8.self))\n\(reason)") }
                }
            }
        }
        print("JSON reader differential: \(documents) documents, \(decoded) decoded by both, \(documents - decoded - failures.count) refused by both, \(failures.count) differ")
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n\n"))
        // Both kinds must be well represented, or the comparison proves little.
        XCTAssertGreaterThan(decoded, documents / 4)
        XCTAssertGreaterThan(documents - decoded, documents / 4)
    }
}

/// Random JSON documents for a shape of a model: valid ones, and with `faultRate` the faults a service or proxy
/// could send.
struct DocumentGenerator {
    let model: Model
    var random: SplitMix64
    var faultRate = 0.0

    private mutating func chance(_ probability: Double) -> Bool {
        Double(random.next() % 1_000_000) / 1_000_000 < probability
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

    private mutating func fault() -> Bool { faultRate > 0 && chance(faultRate) }

    mutating func document(for id: ShapeID, depth: Int) -> String {
        guard let shape = model.shape(id) else { return "null" }
        if fault() {
            return pick(["null", "\"text\"", "12", "1.5", "-3", "true", "[]", "{}", "[1, \"a\"]", "99999999999999999999"])
        }
        switch shape.type {
        case .structure:
            var members: [String] = []
            for member in shape.members where depth < 6 && (chance(0.75) || fault()) {
                members.append("\(quoted(member.name)): \(fault() ? "null" : document(for: member.target, depth: depth + 1))")
            }
            if fault() { members.append("\"unknownMember\": {\"x\": 1}") }
            return "{" + members.joined(separator: ", ") + "}"
        case .union:
            var chosen = [pick(shape.members)]
            if fault() { chosen.append(pick(shape.members)) }
            var members = chosen.map { "\(quoted($0.name)): \(depth >= 5 ? "\"deep\"" : document(for: $0.target, depth: depth + 1))" }
            if fault() { members = ["\"NewKind\": \"value\""] }
            if chance(0.1) { members.append("\"__type\": \"com.amazonaws.dynamodb#AttributeValue\"") }
            if fault() { members.append("\(quoted(chosen[0].name == "S" ? "N" : "S")): null") }
            return "{" + members.joined(separator: ", ") + "}"
        case .list, .set:
            guard let element = shape.listMember, depth < 6 else { return "[]" }
            let count = Int(random.next() % 4)
            let elements = (0..<count).map { _ in shape.traits.isSparse && chance(0.2) ? "null" : document(for: element.target, depth: depth + 1) }
            return "[" + elements.joined(separator: ", ") + "]"
        case .map:
            guard let value = shape.mapValue, depth < 6 else { return "{}" }
            let count = Int(random.next() % 4)
            var entries = (0..<count).map { index in
                "\(quoted("k\(index)")): \(shape.traits.isSparse && chance(0.2) ? "null" : document(for: value.target, depth: depth + 1))"
            }
            if count > 0, chance(0.05) { entries.append("\"k0\": \(document(for: value.target, depth: depth + 1))") }
            return "{" + entries.joined(separator: ", ") + "}"
        case .string:
            if let definitions = shape.traits.legacyEnumDefinitions, !definitions.isEmpty, chance(0.8) {
                return quoted(pick(definitions).value)
            }
            return quoted(pick(["", "plain", "with \\\"quotes\\\"", "ünïcödé ✓", "line\\nbreak", "\\u00e9t\\u00e9", "arn:aws:dynamodb:us-east-1:123:table/t"]))
        case .enum:
            let values = shape.members.map { $0.traits.enumValue?.stringValue ?? $0.name }
            return quoted(chance(0.9) && !values.isEmpty ? pick(values) : "FUTURE_VALUE")
        case .intEnum:
            return pick(["1", "2", "7"])
        case .boolean:
            return pick(["true", "false"])
        case .byte:
            return pick(["0", "-128", "127", "5"])
        case .short:
            return pick(["0", "-32768", "32767", "300"])
        case .integer:
            return pick(["0", "1", "-7", "2147483647", "1000", "1.0"])
        case .long:
            return pick(["0", "9007199254740993", "-9223372036854775808", "1700000000000", "12"])
        case .float, .double:
            return pick(["0", "1.5", "-2.25", "1e3", "3.4028234663852886e38", "\"Infinity\"", "\"-Infinity\"", "0.1"])
        case .bigInteger, .bigDecimal:
            return pick(["0", "123456789012345678901234567890", "-1.25", "3.14159265358979323846"])
        case .timestamp:
            return pick(["1700000000", "1700000000.5", "\"2024-01-02T03:04:05Z\"", "\"Tue, 29 Apr 2014 18:30:38 GMT\"", "0"])
        case .blob:
            return pick(["\"aGVsbG8=\"", "\"\"", "\"AAECAwQ=\""])
        case .document:
            return pick(["{\"a\": [1, true, null]}", "\"text\"", "3"])
        default:
            return "null"
        }
    }

    private func quoted(_ text: String) -> String { "\"" + text + "\"" }
}

/// SplitMix64: a small, seedable generator, so every run builds the same documents.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
