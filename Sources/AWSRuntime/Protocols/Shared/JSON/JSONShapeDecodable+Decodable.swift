import Foundation

extension JSONShapeDecodable where Self: Decodable {
    /// `Decodable` through the generated reader, so a shape with one carries no `Codable` decoding of its own.
    ///
    /// Under ``JSONTapeDecoder`` (every JSON protocol's responses) the reader reads the parsed body in place.
    /// Under any other decoder (Foundation's `JSONDecoder` on a cached response, a property list) it reads that
    /// decoder's containers, so the decoder's own date and data strategies apply as they did to `init(from:)`.
    public init(from decoder: any Decoder) throws {
        if let tape = decoder as? JSONTapeDecoding {
            guard tape.reader.kind(tape.index) == .object else {
                throw tape.reader.mismatch([String: Any].self, tape.index, tape.path, nil)
            }
            self = try Self(json: JSONObjectReader(reader: tape.reader, index: tape.index, path: tape.path))
            return
        }
        self = try Self(json: JSONObjectReader(decoder: decoder))
    }
}
