import Foundation

/// Results as `aws --output json` prints them: the model's member names, timestamps as ISO 8601 strings,
/// blobs as base64, 4-space indentation, `"key": value`; keys sorted so output is stable.
enum JSONOutput {
    /// The printed JSON text of `value`.
    static func render<Value: Encodable>(_ value: Value) throws -> String {
        let compact = try makeEncoder().encode(value)
        return indent(String(decoding: compact, as: UTF8.self))
    }

    /// An encoder for compact output in the CLI's value formats.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dataEncodingStrategy = .base64
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601(date))
        }
        return encoder
    }

    /// Re-indents compact JSON text the way Python's `json.dumps(indent=4)` does (see ``JSONIndenter``).
    static func indent(_ compact: String) -> String {
        var indenter = JSONIndenter()
        return indenter.indent(compact)
    }
}
