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

/// A JSON object in a parsed body, as a generated reader reads it: each member by its wire name; absent and
/// `null` members read as nil.
public struct JSONObjectReader {
    let reader: JSONTapeReader
    let index: Int
    let path: JSONPathNode?

    init(reader: JSONTapeReader, index: Int, path: JSONPathNode?) {
        self.reader = reader
        self.index = index
        self.path = path
    }

    /// The value of member `name`; nil when it is absent or `null`.
    public func value(_ name: String) -> JSONValueReader? {
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

    /// A required member with no zero value that the body left out: the error to throw.
    public func missing<Value>(_ name: String, as type: Value.Type) throws -> Value {
        throw DecodingError.keyNotFound(AnyCodingKey(name), DecodingError.Context(
            codingPath: JSONPathNode.codingPath(path), debugDescription: "the required member \(name) is missing"))
    }

    /// Smithy error correction for a required structure member the body left out: the structure read from `{}`,
    /// or the missing member's error when that structure has required members of its own.
    public func correctingMissing<Value>(_ name: String, _ read: (JSONObjectReader) throws -> Value) throws -> Value {
        do {
            return try read(JSONObjectReader(reader: JSONTapeReader(tape: try JSONTape(Data("{}".utf8))), index: 0, path: path))
        } catch {
            return try missing(name, as: Value.self)
        }
    }

    /// The one member a union object sets (`__type` and `null` members are not values): its name and value.
    public func unionMember(of typeName: String) throws -> (name: String, value: JSONValueReader) {
        var found: (name: String, value: JSONValueReader)?
        var count = 0
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
        guard count == 1, let found else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: JSONPathNode.codingPath(path),
                debugDescription: "a \(typeName) union must have exactly one member set, found \(count)"))
        }
        return found
    }
}

/// One JSON value in a parsed body, read as the member's type: a mismatch is a `DecodingError` naming where.
public struct JSONValueReader {
    let reader: JSONTapeReader
    let index: Int
    let parent: JSONPathNode?
    let key: JSONPathKey

    public func string() throws -> String { try reader.string(index, parent, key.codingKey) }
    public func bool() throws -> Bool { try reader.bool(index, parent, key.codingKey) }
    public func int() throws -> Int { try reader.integer(Int.self, index, parent, key.codingKey) }
    public func int8() throws -> Int8 { try reader.integer(Int8.self, index, parent, key.codingKey) }
    public func int16() throws -> Int16 { try reader.integer(Int16.self, index, parent, key.codingKey) }
    public func int64() throws -> Int64 { try reader.integer(Int64.self, index, parent, key.codingKey) }
    public func float() throws -> Float { Float(try reader.double(index, parent, key.codingKey)) }
    public func double() throws -> Double { try reader.double(index, parent, key.codingKey) }
    public func decimal() throws -> Decimal { try reader.decimal(index, parent, key.codingKey) }
    /// Epoch seconds as a number, or a timestamp string in any of the forms the protocols allow.
    public func timestamp() throws -> Date { try reader.date(index, parent, key.codingKey) }
    /// Base64 text.
    public func blob() throws -> Data { try reader.data(index, parent, key.codingKey) }
    /// Any JSON value.
    public func document() throws -> JSONValue { try reader.decode(JSONValue.self, at: index, path: parent, key: key.codingKey) }

    /// A structure or union, read by `read`.
    public func object<Value>(_ read: (JSONObjectReader) throws -> Value) throws -> Value {
        guard reader.kind(index) == .object else { throw reader.mismatch([String: Any].self, index, parent, key.codingKey) }
        return try read(JSONObjectReader(reader: reader, index: index, path: JSONPathNode(parent: parent, key: key.codingKey)))
    }

    public func list<Element>(_ element: (JSONValueReader) throws -> Element) throws -> [Element] {
        let path = try arrayPath()
        var values: [Element] = []
        values.reserveCapacity(reader.tape.nodes[index].count)
        var position = index + 1
        for offset in 0..<reader.tape.nodes[index].count {
            values.append(try element(JSONValueReader(reader: reader, index: position, parent: path, key: .element(offset))))
            position = reader.tape.nodes[position].next
        }
        return values
    }

    public func sparseList<Element>(_ element: (JSONValueReader) throws -> Element) throws -> [Element?] {
        let path = try arrayPath()
        var values: [Element?] = []
        values.reserveCapacity(reader.tape.nodes[index].count)
        var position = index + 1
        for offset in 0..<reader.tape.nodes[index].count {
            values.append(reader.kind(position) == .null
                ? nil : try element(JSONValueReader(reader: reader, index: position, parent: path, key: .element(offset))))
            position = reader.tape.nodes[position].next
        }
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
            if values.index(forKey: name) == nil {
                values[name] = .some(value.reader.kind(value.index) == .null ? nil : try element(value))
            }
        }
        return values
    }

    /// Each entry of an object, in order.
    private func forEachEntry(_ body: (String, JSONValueReader) throws -> Void) throws {
        guard reader.kind(index) == .object else { throw reader.mismatch([String: Any].self, index, parent, key.codingKey) }
        let path = JSONPathNode(parent: parent, key: key.codingKey)
        var keyIndex = index + 1
        for _ in 0..<reader.tape.nodes[index].count {
            let name = reader.tape.string(at: keyIndex)
            try body(name, JSONValueReader(reader: reader, index: keyIndex + 1, parent: path, key: .member(name)))
            keyIndex = reader.tape.nodes[keyIndex + 1].next
        }
    }

    private func arrayPath() throws -> JSONPathNode {
        guard reader.kind(index) == .array else { throw reader.mismatch([Any].self, index, parent, key.codingKey) }
        return JSONPathNode(parent: parent, key: key.codingKey)
    }
}

extension EmptyOutput: JSONShapeDecodable {
    /// The empty output (or a union member targeting `Unit`): nothing to read.
    public init(json: JSONObjectReader) throws {
        self.init()
    }
}
