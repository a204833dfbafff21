import Foundation

extension JSONShapeDecodable where Self: Decodable {
    /// `Decodable` through the generated reader, so a shape with one carries no `Codable` decoding of its own.
    ///
    /// Under ``JSONTapeDecoder`` (every JSON protocol's responses) the reader reads the parsed body in place.
    /// Under any other decoder (Foundation's `JSONDecoder` on a cached response, say), the value is first
    /// written back as JSON text, numbers exactly as that decoder gives them, then read.
    public init(from decoder: any Decoder) throws {
        if let tape = decoder as? JSONTapeDecoding {
            guard tape.reader.kind(tape.index) == .object else {
                throw tape.reader.mismatch([String: Any].self, tape.index, tape.path, nil)
            }
            self = try Self(json: JSONObjectReader(reader: tape.reader, index: tape.index, path: tape.path))
            return
        }
        var text = ""
        try DecodedJSONText.write(decoder, into: &text)
        let reader = JSONTapeReader(tape: try JSONTape(Data(text.utf8)))
        guard reader.kind(0) == .object else {
            throw DecodingError.typeMismatch(Self.self, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "Expected an object for \(Self.self)."))
        }
        self = try Self(json: JSONObjectReader(reader: reader, index: 0, path: nil))
    }
}

/// Writes what any `Decoder` holds as JSON text: objects, arrays, `null`, booleans, integers exactly (64 bits,
/// signed or not), other numbers, and strings.
enum DecodedJSONText {
    static func write(_ decoder: any Decoder, into text: inout String) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            text += "{"
            for (offset, key) in object.allKeys.enumerated() {
                if offset > 0 { text += "," }
                quote(key.stringValue, into: &text)
                text += ":"
                try write(try object.superDecoder(forKey: key), into: &text)
            }
            text += "}"
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            text += "["
            var first = true
            while !array.isAtEnd {
                if !first { text += "," }
                first = false
                try write(try array.superDecoder(), into: &text)
            }
            text += "]"
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            text += "null"
        } else if let flag = try? single.decode(Bool.self) {
            text += flag ? "true" : "false"
        } else if let integer = try? single.decode(Int64.self) {
            text += String(integer)
        } else if let integer = try? single.decode(UInt64.self) {
            text += String(integer)
        } else if let number = try? single.decode(Double.self) {
            text += number.isNaN ? "\"NaN\"" : number.isInfinite ? (number < 0 ? "\"-Infinity\"" : "\"Infinity\"") : "\(number)"
        } else {
            quote(try single.decode(String.self), into: &text)
        }
    }

    private static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
