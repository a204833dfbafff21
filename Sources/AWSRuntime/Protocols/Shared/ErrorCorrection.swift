import Foundation

extension KeyedDecodingContainer {
    /// A required structure member, or — Smithy's client error correction, when the service did not send it — the
    /// structure decoded from `{}` (its own required members corrected the same way).
    public func decodeCorrectingMissing<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        if let value = try decodeIfPresent(Value.self, forKey: key) { return value }
        do {
            return try AWSJSONCoding.makeDecoder().decode(Value.self, from: Data("{}".utf8))
        } catch {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "the required member \(key.stringValue) is missing"))
        }
    }
}
