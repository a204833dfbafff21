import Foundation

/// A shape with a generated JSON reader: decoded member by member from a parsed body, without `Codable`'s
/// containers, dynamic casts or `CodingKeys`. The generator writes one for every structure and union an output
/// of a JSON protocol reaches; ``JSONTapeDecoder`` uses it when the type has one.
public protocol JSONShapeDecodable {
    /// Reads the shape from a JSON object.
    init(json: JSONObjectReader) throws
}

/// Where a value sits in the body, for error messages: only turned into coding keys when something fails.
enum JSONPathKey {
    case member(String)
    case element(Int)

    var codingKey: any CodingKey {
        switch self {
        case .member(let name): return AnyCodingKey(name)
        case .element(let index): return AnyCodingKey(intValue: index)!
        }
    }
}

/// A JSON object as a generated reader reads it: each member by its wire name; absent and `null` members read as
/// nil. Usually a node of a parsed body; under another `Decoder` (Foundation's `JSONDecoder` on a cached response,
/// a property list), that decoder's keyed container, so its own date and data strategies apply.
public struct JSONObjectReader {
    let reader: JSONTapeReader
    let index: Int
    let path: JSONPathNode?
    /// Set when the object is a foreign decoder's (then the tape fields are unused).
    let foreign: ForeignContainer?

    init(reader: JSONTapeReader, index: Int, path: JSONPathNode?) {
        self.reader = reader
        self.index = index
        self.path = path
        foreign = nil
    }

    /// The object a foreign decoder holds.
    init(decoder: any Decoder) throws {
        foreign = ForeignContainer(try decoder.container(keyedBy: AnyCodingKey.self))
        reader = JSONTapeReader.unused
        index = 0
        path = nil
    }

    /// The value of member `name`; nil when it is absent or `null`.
    public func value(_ name: String) -> JSONValueReader? {
        if let foreign {
            let key = AnyCodingKey(name)
            guard foreign.container.contains(key), (try? foreign.container.decodeNil(forKey: key)) == false,
                  let decoder = try? foreign.container.superDecoder(forKey: key) else { return nil }
            return JSONValueReader(foreign: decoder)
        }
        guard let valueIndex = reader.member(name, in: index), reader.kind(valueIndex) != .null else { return nil }
        return JSONValueReader(reader: reader, index: valueIndex, parent: path, key: .member(name))
    }

    public func string(_ name: String) throws -> String? { try value(name)?.string() }
    public func bool(_ name: String) throws -> Bool? { try value(name)?.bool() }
    public func int(_ name: String) throws -> Int? { try value(name)?.int() }
    public func int8(_ name: String) throws -> Int8? { try value(name)?.int8() }
    public func int16(_ name: String) throws -> Int16? { try value(name)?.int16() }
    public func int64(_ name: String) throws -> Int64? { try value(name)?.int64() }
    public func float(_ name: String) throws -> Float? { try value(name)?.float() }
    public func double(_ name: String) throws -> Double? { try value(name)?.double() }
    public func decimal(_ name: String) throws -> Decimal? { try value(name)?.decimal() }
    public func timestamp(_ name: String) throws -> Date? { try value(name)?.timestamp() }
    public func blob(_ name: String) throws -> Data? { try value(name)?.blob() }
    public func document(_ name: String) throws -> JSONValue? { try value(name)?.document() }

    /// A structure or union member, read by `read`.
    public func object<Value>(_ name: String, _ read: (JSONObjectReader) throws -> Value) throws -> Value? {
        try value(name)?.object(read)
    }

    /// A list member, each element read by `element`.
    public func list<Element>(_ name: String, _ element: (JSONValueReader) throws -> Element) throws -> [Element]? {
        try value(name)?.list(element)
    }

    /// A sparse list member: `null` elements are nil.
    public func sparseList<Element>(_ name: String, _ element: (JSONValueReader) throws -> Element) throws -> [Element?]? {
        try value(name)?.sparseList(element)
    }

    /// A map member, each value read by `element`.
    public func map<Element>(_ name: String, _ element: (JSONValueReader) throws -> Element) throws -> [String: Element]? {
        try value(name)?.map(element)
    }

    /// A sparse map member: `null` values are nil.
    public func sparseMap<Element>(_ name: String, _ element: (JSONValueReader) throws -> Element) throws -> [String: Element?]? {
        try value(name)?.sparseMap(element)
    }

    private var codingPath: [any CodingKey] { foreign?.container.codingPath ?? JSONPathNode.codingPath(path) }

    /// A required member with no zero value that the body left out: the error to throw.
    public func missing<Value>(_ name: String, as type: Value.Type) throws -> Value {
        throw DecodingError.keyNotFound(AnyCodingKey(name), DecodingError.Context(
            codingPath: codingPath, debugDescription: "the required member \(name) is missing"))
    }

    /// Smithy error correction for a required structure member the body left out: the structure read from `{}`,
    /// or the missing member's error when that structure has required members of its own.
    public func correctingMissing<Value>(_ name: String, _ read: (JSONObjectReader) throws -> Value) throws -> Value {
        do {
            return try read(JSONObjectReader(reader: JSONTapeReader(tape: try JSONTape(Data("{}".utf8))), index: 0, path: nil))
        } catch {
            return try missing(name, as: Value.self)
        }
    }

    /// The one member a union object sets (`__type` and `null` members are not values): its name and value.
    public func unionMember(of typeName: String) throws -> (name: String, value: JSONValueReader) {
        var found: (name: String, value: JSONValueReader)?
        var count = 0
        if let foreign {
            let container = foreign.container
            for key in container.allKeys where key.stringValue != "__type" && (try? container.decodeNil(forKey: key)) == false {
                count += 1
                found = (key.stringValue, JSONValueReader(foreign: try container.superDecoder(forKey: key)))
            }
        } else {
            let node = reader.tape.nodes[index]
            var keyIndex = index + 1
            for _ in 0..<node.count {
                let valueIndex = keyIndex + 1
                if reader.kind(valueIndex) != .null, !reader.tape.string(at: keyIndex, equals: "__type") {
                    count += 1
                    let name = reader.tape.string(at: keyIndex)
                    found = (name, JSONValueReader(reader: reader, index: valueIndex, parent: path, key: .member(name)))
                }
                keyIndex = reader.tape.nodes[valueIndex].next
            }
        }
        guard count == 1, let found else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath, debugDescription: "a \(typeName) union must have exactly one member set, found \(count)"))
        }
        return found
    }
}

/// One JSON value, read as the member's type: a mismatch is a `DecodingError` naming where. A node of a parsed
/// body, or a foreign decoder's value (see ``JSONObjectReader``).
public struct JSONValueReader {
    let reader: JSONTapeReader
    let index: Int
    let parent: JSONPathNode?
    let key: JSONPathKey
    /// Set when the value is a foreign decoder's (then the tape fields are unused).
    let foreign: ForeignDecoder?

    init(reader: JSONTapeReader, index: Int, parent: JSONPathNode?, key: JSONPathKey) {
        self.reader = reader
        self.index = index
        self.parent = parent
        self.key = key
        foreign = nil
    }

    init(foreign decoder: any Decoder) {
        reader = JSONTapeReader.unused
        index = 0
        parent = nil
        key = .element(0)
        foreign = ForeignDecoder(decoder)
    }

    public func string() throws -> String {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(String.self) }
        return try reader.string(index, parent, key.codingKey)
    }
    public func bool() throws -> Bool {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Bool.self) }
        return try reader.bool(index, parent, key.codingKey)
    }
    public func int() throws -> Int {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Int.self) }
        return try reader.integer(Int.self, index, parent, key.codingKey)
    }
    public func int8() throws -> Int8 {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Int8.self) }
        return try reader.integer(Int8.self, index, parent, key.codingKey)
    }
    public func int16() throws -> Int16 {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Int16.self) }
        return try reader.integer(Int16.self, index, parent, key.codingKey)
    }
    public func int64() throws -> Int64 {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Int64.self) }
        return try reader.integer(Int64.self, index, parent, key.codingKey)
    }
    public func float() throws -> Float {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Float.self) }
        return Float(try reader.double(index, parent, key.codingKey))
    }
    public func double() throws -> Double {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Double.self) }
        return try reader.double(index, parent, key.codingKey)
    }
    public func decimal() throws -> Decimal {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Decimal.self) }
        return try reader.decimal(index, parent, key.codingKey)
    }
    /// Epoch seconds as a number, or a timestamp string in any of the forms the protocols allow (a foreign
    /// decoder's own date strategy otherwise).
    public func timestamp() throws -> Date {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Date.self) }
        return try reader.date(index, parent, key.codingKey)
    }
    /// Base64 text (a foreign decoder's own data strategy otherwise).
    public func blob() throws -> Data {
        if let foreign { return try foreign.decoder.singleValueContainer().decode(Data.self) }
        return try reader.data(index, parent, key.codingKey)
    }
    /// Any JSON value.
    public func document() throws -> JSONValue {
        if let foreign { return try JSONValue(from: foreign.decoder) }
        return try reader.decode(JSONValue.self, at: index, path: parent, key: key.codingKey)
    }

    /// A structure or union, read by `read`.
    public func object<Value>(_ read: (JSONObjectReader) throws -> Value) throws -> Value {
        if let foreign { return try read(JSONObjectReader(decoder: foreign.decoder)) }
        guard reader.kind(index) == .object else { throw reader.mismatch([String: Any].self, index, parent, key.codingKey) }
        return try read(JSONObjectReader(reader: reader, index: index, path: JSONPathNode(parent: parent, key: key.codingKey)))
    }

    public func list<Element>(_ element: (JSONValueReader) throws -> Element) throws -> [Element] {
        var values: [Element] = []
        if foreign == nil { values.reserveCapacity(reader.tape.nodes[index].count) }
        try forEachElement { item in values.append(try element(item)) }
        return values
    }

    public func sparseList<Element>(_ element: (JSONValueReader) throws -> Element) throws -> [Element?] {
        var values: [Element?] = []
        try forEachElement { item in values.append(item.isNull ? nil : try element(item)) }
        return values
    }

    public func map<Element>(_ element: (JSONValueReader) throws -> Element) throws -> [String: Element] {
        var values: [String: Element] = [:]
        try forEachEntry { name, value in
            // A repeated name keeps its first value, as `JSONTapeDecoder` does.
            if values[name] == nil { values[name] = try element(value) }
        }
        return values
    }

    public func sparseMap<Element>(_ element: (JSONValueReader) throws -> Element) throws -> [String: Element?] {
        var values: [String: Element?] = [:]
        try forEachEntry { name, value in
            if values.index(forKey: name) == nil { values[name] = .some(value.isNull ? nil : try element(value)) }
        }
        return values
    }

    /// Whether the value is `null`.
    private var isNull: Bool {
        if let foreign { return (try? foreign.decoder.singleValueContainer().decodeNil()) ?? false }
        return reader.kind(index) == .null
    }

    private func forEachElement(_ body: (JSONValueReader) throws -> Void) throws {
        if let foreign {
            var array = try foreign.decoder.unkeyedContainer()
            while !array.isAtEnd { try body(JSONValueReader(foreign: try array.superDecoder())) }
            return
        }
        guard reader.kind(index) == .array else { throw reader.mismatch([Any].self, index, parent, key.codingKey) }
        let path = JSONPathNode(parent: parent, key: key.codingKey)
        var position = index + 1
        for offset in 0..<reader.tape.nodes[index].count {
            try body(JSONValueReader(reader: reader, index: position, parent: path, key: .element(offset)))
            position = reader.tape.nodes[position].next
        }
    }

    private func forEachEntry(_ body: (String, JSONValueReader) throws -> Void) throws {
        if let foreign {
            let object = try foreign.decoder.container(keyedBy: AnyCodingKey.self)
            for key in object.allKeys { try body(key.stringValue, JSONValueReader(foreign: try object.superDecoder(forKey: key))) }
            return
        }
        guard reader.kind(index) == .object else { throw reader.mismatch([String: Any].self, index, parent, key.codingKey) }
        let path = JSONPathNode(parent: parent, key: key.codingKey)
        var keyIndex = index + 1
        for _ in 0..<reader.tape.nodes[index].count {
            let name = reader.tape.string(at: keyIndex)
            try body(name, JSONValueReader(reader: reader, index: keyIndex + 1, parent: path, key: .member(name)))
            keyIndex = reader.tape.nodes[keyIndex + 1].next
        }
    }
}

/// A foreign decoder's keyed container, boxed (see ``JSONObjectReader``).
final class ForeignContainer {
    let container: KeyedDecodingContainer<AnyCodingKey>
    init(_ container: KeyedDecodingContainer<AnyCodingKey>) { self.container = container }
}

/// A foreign decoder, boxed (see ``JSONValueReader``).
final class ForeignDecoder {
    let decoder: any Decoder
    init(_ decoder: any Decoder) { self.decoder = decoder }
}
