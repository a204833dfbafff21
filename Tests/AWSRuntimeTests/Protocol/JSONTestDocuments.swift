import AWSRuntime
import Foundation
import TestSupport

/// Shapes and documents both JSON body tests use, compared against Foundation's coders.
enum JSONTestDocuments {
    struct Inner: Codable, Equatable {
        var name: String
        var tags: [String]?
    }

    /// A member of every kind the generated shapes have.
    struct Sample: Codable, Equatable {
        var text: String
        var blob: Data
        var when: Date
        var count: Int64
        var small: Int8? = nil
        var ratio: Double
        var flag: Bool? = nil
        var inner: Inner? = nil
        var list: [Inner]
        var map: [String: [Int32]]
        var sparse: [String?]? = nil
        var document: JSONValue? = nil
        var decimal: Decimal? = nil
    }

    /// A seeded random JSON document: nested arrays and objects, numbers, and strings with quotes, escapes,
    /// control characters and non-ASCII.
    static func random(_ random: inout SplitMix64, depth: Int = 0) -> JSONValue {
        switch random.next(below: depth > 4 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(random.next(below: 2) == 0)
        case 2: return .number(Double(random.next(below: 2_000_000) - 1_000_000) / Double(1 + random.next(below: 1000)))
        case 3:
            let characters: [Character] = ["a", "\"", "\\", "\n", "\u{1}", "é", "😀", "/", " ", "\u{7F}"]
            return .string(String((0..<random.next(below: 12)).map { _ in characters[random.next(below: characters.count)] }))
        case 4: return .array((0..<random.next(below: 5)).map { _ in Self.random(&random, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for index in 0..<random.next(below: 5) {
                object["k\(index)\(random.next(below: 3) == 0 ? "\"" : "")"] = Self.random(&random, depth: depth + 1)
            }
            return .object(object)
        }
    }
}
