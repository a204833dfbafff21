import Foundation

/// Decodes `Decodable` values (the generated shapes) from the JSON bodies of the JSON protocols, with the
/// protocols' rules: timestamps as epoch numbers or RFC 3339 / HTTP-date strings, blobs as base64, `"NaN"`,
/// `"Infinity"` and `"-Infinity"` for non-finite floats.
///
/// Foundation's `JSONDecoder` gives every object's keyed container a dictionary of its members, with a `String`
/// made for every key. This decoder parses the body once into a ``JSONTape`` and finds members by comparing the
/// key's bytes in place, making strings and numbers only for the members asked for.
public struct JSONTapeDecoder: Sendable {
    /// A decoder with the JSON protocols' rules.
    public init() {}

    /// The value of type `type` in `data`; throws `DecodingError`, never traps, on any input.
    public func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let reader = JSONTapeReader(tape: try JSONTape(data))
        // `EmptyOutput` (an operation without output) takes any body, as its own `init(from:)` does.
        if Value.self != EmptyOutput.self, let shape = Value.self as? any JSONShapeDecodable.Type {
            // A generated reader: no `Codable` on the way.
            guard reader.kind(0) == .object else { throw reader.mismatch([String: Any].self, 0, nil, nil) }
            return try shape.init(json: JSONObjectReader(reader: reader, index: 0, path: nil)) as! Value
        }
        return try reader.decode(Value.self, at: 0, path: nil, key: nil)
    }
}

/// The parsed body and the conversions of its values.
final class JSONTapeReader {
    let tape: JSONTape

    init(tape: JSONTape) {
        self.tape = tape
    }

    /// A reader of `null`, for the tape fields of a generated reader that reads a foreign decoder instead.
    static var unused: JSONTapeReader {
        // `null` is valid JSON: this parse cannot fail.
        JSONTapeReader(tape: try! JSONTape(Data("null".utf8)))
    }

    func kind(_ index: Int) -> JSONTape.Kind { tape.nodes[index].kind }

    /// The value at node `index` as a `Value`: scalars directly, anything else through its `init(from:)`.
    func decode<Value: Decodable>(_ type: Value.Type, at index: Int, path: JSONPathNode?, key: (any CodingKey)?) throws -> Value {
        if Value.self == String.self { return try string(index, path, key) as! Value }
        if Value.self == Int.self { return try integer(Int.self, index, path, key) as! Value }
        if Value.self == Int64.self { return try integer(Int64.self, index, path, key) as! Value }
        if Value.self == Int32.self { return try integer(Int32.self, index, path, key) as! Value }
        if Value.self == Double.self { return try double(index, path, key) as! Value }
        if Value.self == Bool.self { return try bool(index, path, key) as! Value }
        if Value.self == Date.self { return try date(index, path, key) as! Value }
        if Value.self == Data.self { return try data(index, path, key) as! Value }
        if Value.self == Float.self { return Float(try double(index, path, key)) as! Value }
        if Value.self == Int16.self { return try integer(Int16.self, index, path, key) as! Value }
        if Value.self == Int8.self { return try integer(Int8.self, index, path, key) as! Value }
        if Value.self == UInt64.self { return try integer(UInt64.self, index, path, key) as! Value }
        if Value.self == UInt32.self { return try integer(UInt32.self, index, path, key) as! Value }
        if Value.self == UInt16.self { return try integer(UInt16.self, index, path, key) as! Value }
        if Value.self == UInt8.self { return try integer(UInt8.self, index, path, key) as! Value }
        if Value.self == UInt.self { return try integer(UInt.self, index, path, key) as! Value }
        if Value.self == Decimal.self { return try decimal(index, path, key) as! Value }
        let childPath = key.map { JSONPathNode(parent: path, key: $0) } ?? path
        return try Value(from: JSONTapeDecoding(reader: self, index: index, path: childPath))
    }

    // MARK: Scalars

    func mismatch(_ type: Any.Type, _ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) -> DecodingError {
        let found: String
        switch kind(index) {
        case .object: found = "an object"
        case .array: found = "an array"
        case .string, .escapedString: found = "a string"
        case .number: found = "a number"
        case .trueValue, .falseValue: found = "a boolean"
        case .null: found = "null"
        }
        let context = DecodingError.Context(codingPath: Self.codingPath(path, key()), debugDescription: "Expected \(type) but found \(found) instead.")
        return kind(index) == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    func corrupted(_ message: String, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) -> DecodingError {
        .dataCorrupted(.init(codingPath: Self.codingPath(path, key()), debugDescription: message))
    }

    static func codingPath(_ path: JSONPathNode?, _ key: (any CodingKey)?) -> [any CodingKey] {
        JSONPathNode.codingPath(path) + (key.map { [$0] } ?? [])
    }

    func string(_ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) throws -> String {
        guard kind(index) == .string || kind(index) == .escapedString else { throw mismatch(String.self, index, path, key()) }
        return tape.string(at: index)
    }

    func integer<Value: FixedWidthInteger>(_ type: Value.Type, _ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?)
        throws -> Value
    {
        guard kind(index) == .number else { throw mismatch(Value.self, index, path, key()) }
        if let value = tape.integer(at: index), let exact = Value(exactly: value) { return exact }
        if Value.self == UInt64.self || Value.self == UInt.self, let value = UInt64(tape.numberText(at: index)),
           let exact = Value(exactly: value) {
            return exact
        }
        throw corrupted("Parsed JSON number <\(tape.numberText(at: index))> does not fit in \(Value.self).", path, key())
    }

    func double(_ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) throws -> Double {
        switch kind(index) {
        case .number:
            if let value = Double(tape.numberText(at: index)) { return value }
            throw corrupted("Parsed JSON number <\(tape.numberText(at: index))> is not a Double.", path, key())
        case .string:
            // The non-finite values, as strings (Smithy's JSON rules).
            switch tape.string(at: index) {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: throw mismatch(Double.self, index, path, key())
            }
        default:
            throw mismatch(Double.self, index, path, key())
        }
    }

    func bool(_ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) throws -> Bool {
        switch kind(index) {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch(Bool.self, index, path, key())
        }
    }

    /// Epoch seconds as a number, or a timestamp string in any of the forms the protocols allow.
    func date(_ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) throws -> Date {
        switch kind(index) {
        case .number:
            let seconds = try double(index, path, key())
            guard let date = TimestampFormat.date(epochSeconds: seconds) else {
                throw corrupted("\(seconds) is not a timestamp: epoch seconds must be finite and within years 1 to 9999", path, key())
            }
            return date
        case .string, .escapedString:
            // "NaN" and the infinities read as epoch seconds too (the float strings), and are refused as such.
            let text = tape.string(at: index)
            guard let date = TimestampFormat.date(from: text) else {
                throw corrupted("\"\(text)\" is not a timestamp in any supported format", path, key())
            }
            return date
        default:
            throw mismatch(Date.self, index, path, key())
        }
    }

    func data(_ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) throws -> Data {
        let text = try string(index, path, key())
        guard let data = Data(base64Encoded: text) else {
            throw corrupted("Encountered Data is not valid Base64.", path, key())
        }
        return data
    }

    func decimal(_ index: Int, _ path: JSONPathNode?, _ key: @autoclosure () -> (any CodingKey)?) throws -> Decimal {
        guard kind(index) == .number else { throw mismatch(Decimal.self, index, path, key()) }
        guard let value = Decimal(string: tape.numberText(at: index), locale: Locale(identifier: "en_US_POSIX")) else {
            throw corrupted("Parsed JSON number <\(tape.numberText(at: index))> is not a Decimal.", path, key())
        }
        return value
    }

    // MARK: Objects

    /// Objects with more members than this get a key index on their first lookup; smaller ones are scanned.
    private static let indexedMemberCount = 16
    /// The key indexes built so far, by object node: name → value node, the first of a repeated name.
    private var memberIndexes: [Int: [String: Int]] = [:]

    /// The value node of member `key` in object node `object`, or nil.
    ///
    /// A map is decoded by looking up every name it lists, so a scan per lookup would make a response holding a
    /// map of n entries cost n² comparisons (40,000 entries: 9 s); large objects are indexed once instead.
    func member(_ key: String, in object: Int) -> Int? {
        let node = tape.nodes[object]
        if node.count > Self.indexedMemberCount { return memberIndex(of: object)[key] }
        var index = object + 1
        for _ in 0..<node.count {
            if tape.string(at: index, equals: key) { return index + 1 }
            index = tape.nodes[index + 1].next
        }
        return nil
    }

    private func memberIndex(of object: Int) -> [String: Int] {
        if let index = memberIndexes[object] { return index }
        var members: [String: Int] = [:]
        members.reserveCapacity(tape.nodes[object].count)
        var index = object + 1
        for _ in 0..<tape.nodes[object].count {
            let name = tape.string(at: index)
            if members[name] == nil { members[name] = index + 1 }
            index = tape.nodes[index + 1].next
        }
        memberIndexes[object] = members
        return members
    }

    /// The member names of object node `object`, in order.
    func memberNames(in object: Int) -> [String] {
        let node = tape.nodes[object]
        var names: [String] = []
        names.reserveCapacity(node.count)
        var index = object + 1
        for _ in 0..<node.count {
            names.append(tape.string(at: index))
            index = tape.nodes[index + 1].next
        }
        return names
    }
}

/// The `Decoder` handed to each value.
struct JSONTapeDecoding: Decoder {
    let reader: JSONTapeReader
    let index: Int
    let path: JSONPathNode?

    var codingPath: [any CodingKey] { JSONPathNode.codingPath(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard reader.kind(index) == .object else { throw reader.mismatch([String: Any].self, index, path, nil) }
        return KeyedDecodingContainer(JSONTapeKeyed<Key>(decoding: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard reader.kind(index) == .array else { throw reader.mismatch([Any].self, index, path, nil) }
        return JSONTapeUnkeyed(decoding: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { JSONTapeSingle(decoding: self) }
}

struct JSONTapeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoding: JSONTapeDecoding
    var codingPath: [any CodingKey] { decoding.codingPath }
    private var reader: JSONTapeReader { decoding.reader }

    init(decoding: JSONTapeDecoding) {
        self.decoding = decoding
    }

    var allKeys: [Key] { reader.memberNames(in: decoding.index).compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { reader.member(key.stringValue, in: decoding.index) != nil }

    private func valueIndex(_ key: Key) throws -> Int {
        guard let index = reader.member(key.stringValue, in: decoding.index) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return index
    }

    func decodeNil(forKey key: Key) throws -> Bool { reader.kind(try valueIndex(key)) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.decode(T.self, at: try valueIndex(key), path: decoding.path, key: key)
    }

    /// One lookup for what the default implementation would look up three times.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = presentIndex(key) else { return nil }
        return try reader.decode(T.self, at: index, path: decoding.path, key: key)
    }

    private func presentIndex(_ key: Key) -> Int? {
        guard let index = reader.member(key.stringValue, in: decoding.index), reader.kind(index) != .null else { return nil }
        return index
    }

    // The types generated members use most, witnessed directly: the generic path would cast at run time.
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(try valueIndex(key), decoding.path, key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(try valueIndex(key), decoding.path, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(try valueIndex(key), decoding.path, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(Int.self, try valueIndex(key), decoding.path, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(Int32.self, try valueIndex(key), decoding.path, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.integer(Int64.self, try valueIndex(key), decoding.path, key) }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentIndex(key).map { try reader.string($0, decoding.path, key) }
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentIndex(key).map { try reader.bool($0, decoding.path, key) }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try presentIndex(key).map { try reader.double($0, decoding.path, key) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try presentIndex(key).map { try reader.integer(Int.self, $0, decoding.path, key) }
    }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        try presentIndex(key).map { try reader.integer(Int32.self, $0, decoding.path, key) }
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try presentIndex(key).map { try reader.integer(Int64.self, $0, decoding.path, key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try child(Key(stringValue: "super")!) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }

    private func child(_ key: Key) throws -> JSONTapeDecoding {
        JSONTapeDecoding(reader: reader, index: try valueIndex(key), path: JSONPathNode(parent: decoding.path, key: key))
    }
}

struct JSONTapeUnkeyed: UnkeyedDecodingContainer {
    let decoding: JSONTapeDecoding
    var codingPath: [any CodingKey] { decoding.codingPath }
    let count: Int?
    private(set) var currentIndex = 0
    /// The node of the next element.
    private var position: Int

    init(decoding: JSONTapeDecoding) {
        self.decoding = decoding
        count = decoding.reader.tape.nodes[decoding.index].count
        position = decoding.index + 1
    }

    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    private var currentKey: any CodingKey { AnyCodingKey(intValue: currentIndex)! }

    private func checkNotAtEnd(_ type: Any.Type) throws {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [currentKey], debugDescription: "Unkeyed container is at end."))
        }
    }

    private mutating func advance() {
        position = decoding.reader.tape.nodes[position].next
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        try checkNotAtEnd(Any?.self)
        guard decoding.reader.kind(position) == .null else { return false }
        advance()
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try checkNotAtEnd(T.self)
        let value = try decoding.reader.decode(T.self, at: position, path: decoding.path, key: currentKey)
        advance()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let child = try nextChild()
        return try child.container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let child = try nextChild()
        return try child.unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try nextChild() }

    private mutating func nextChild() throws -> JSONTapeDecoding {
        try checkNotAtEnd(Any.self)
        let child = JSONTapeDecoding(reader: decoding.reader, index: position, path: JSONPathNode(parent: decoding.path, key: currentKey))
        advance()
        return child
    }
}

struct JSONTapeSingle: SingleValueDecodingContainer {
    let decoding: JSONTapeDecoding
    var codingPath: [any CodingKey] { decoding.codingPath }

    func decodeNil() -> Bool { decoding.reader.kind(decoding.index) == .null }

    func decode(_ type: String.Type) throws -> String { try decoding.reader.string(decoding.index, decoding.path, nil) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoding.reader.bool(decoding.index, decoding.path, nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoding.reader.double(decoding.index, decoding.path, nil) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoding.reader.decode(T.self, at: decoding.index, path: decoding.path, key: nil)
    }
}
