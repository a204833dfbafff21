import Foundation

/// The JSON encoder and decoder settings of the awsJson 1.0 / 1.1 protocols.
public enum AWSJSONCoding {
    /// Timestamps as epoch seconds, blobs as base64, NaN and infinities as strings, as Smithy's JSON rules say.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.dataEncodingStrategy = .base64
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Accepts timestamps as epoch numbers or as RFC 3339 / HTTP-date strings, and the float strings above.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            // With the non-conforming float strategy above, "NaN" and "Infinity" strings decode as doubles too.
            if let seconds = try? container.decode(Double.self) {
                guard let date = TimestampFormat.date(epochSeconds: seconds) else {
                    throw DecodingError.dataCorruptedError(
                        in: container,
                        debugDescription: "\(seconds) is not a timestamp: epoch seconds must be finite and within years 1 to 9999")
                }
                return date
            }
            let text = try container.decode(String.self)
            guard let date = TimestampFormat.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not a timestamp in any supported format")
            }
            return date
        }
        return decoder
    }
}

extension AWSJSONCoding {
    /// A timestamp from a model's `default` string (RFC 3339, HTTP-date or epoch seconds); the epoch when unreadable.
    public static func timestamp(_ text: String) -> Date {
        TimestampFormat.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}
