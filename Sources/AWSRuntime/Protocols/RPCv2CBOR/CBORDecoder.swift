import Foundation

/// Decodes `Decodable` values (the generated shapes) from CBOR: maps keyed by member name, tag 1 (or plain
/// numbers) as timestamps, byte strings as blobs; integers and floats read across widths when exact.
public struct CBORDecoder: Sendable {
    /// A decoder.
    public init() {}

    /// A `type` from `data`; an empty body reads as the empty map.
    public func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let value = data.isEmpty ? CBORValue.map([]) : try CBORReader().read(data)
        return try Value(from: CBORDecodingState(value: value, codingPath: []))
    }
}

struct CBORDecodingState: Decoder {
    let value: CBORValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = value.mapValue else { throw mismatch("a map") }
        var entries: [String: CBORValue] = [:]
        for pair in pairs {
            guard let key = pair.key.textValue else { throw mismatch("a map with text keys") }
            entries[key] = pair.value
        }
        return KeyedDecodingContainer(CBORKeyedDecoding<Key>(entries: entries, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = value.arrayValue else { throw mismatch("an array") }
        return CBORUnkeyedDecoding(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { CBORSingleValueDecoding(state: self) }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected) in the CBOR body"))
    }

    /// `type` read from this value: scalars and the CBOR-native types directly, anything else by its own
    /// `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let scalar = try scalar(type) { return scalar }
        return try T(from: self)
    }

    private func scalar<T>(_ type: T.Type) throws -> T? {
        let result: Any?
        switch type {
        case is String.Type: result = value.textValue
        case is Bool.Type: result = value.boolValue
        case is Double.Type: result = number
        case is Float.Type: result = number.map { Float($0) }
        case is Int.Type: result = value.int64Value.flatMap { Int(exactly: $0) } ?? integralNumber.flatMap { Int(exactly: $0) }
        case is Int8.Type: result = (value.int64Value ?? integralNumber.flatMap { Int64(exactly: $0) }).flatMap { Int8(exactly: $0) }
        case is Int16.Type: result = (value.int64Value ?? integralNumber.flatMap { Int64(exactly: $0) }).flatMap { Int16(exactly: $0) }
        case is Int32.Type: result = (value.int64Value ?? integralNumber.flatMap { Int64(exactly: $0) }).flatMap { Int32(exactly: $0) }
        case is Int64.Type: result = value.int64Value ?? integralNumber.flatMap { Int64(exactly: $0) }
        case is Decimal.Type: result = number.map { Decimal($0) }
        case is Data.Type: result = value.bytesValue
        case is Date.Type:
            var seconds: Double?
            if case .tag(1, let inner) = value { seconds = CBORDecodingState(value: inner, codingPath: codingPath).number }
            else { seconds = number }
            guard let seconds, let date = TimestampFormat.date(epochSeconds: seconds) else { throw mismatch("a timestamp") }
            result = date
        default: return nil
        }
        guard let result = result as? T else { throw mismatch("\(T.self)") }
        return result
    }

    /// Any number as a double; every NaN reads as the quiet NaN (a payload or signalling bit carries nothing).
    private var number: Double? {
        if let double = value.doubleValue { return double.isNaN ? .nan : double }
        return value.int64Value.map(Double.init)
    }

    /// A float that holds an integer exactly.
    private var integralNumber: Double? {
        guard let double = value.doubleValue, double.rounded() == double else { return nil }
        return double
    }
}

struct CBORKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [String: CBORValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { entries.keys.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { entries[key.stringValue] != nil }

    private func state(_ key: Key) throws -> CBORDecodingState {
        guard let value = entries[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no \(key.stringValue) in the CBOR map"))
        }
        return CBORDecodingState(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = entries[key.stringValue] else { return true }
        if case .null = value { return true }
        if case .undefined = value { return true }
        return false
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try state(key).decode(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeNil(forKey: key) ? nil : try decode(type, forKey: key)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> { try state(key).container(keyedBy: type) }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try state(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { CBORDecodingState(value: .map([]), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try state(key) }
}

struct CBORUnkeyedDecoding: UnkeyedDecodingContainer {
    let items: [CBORValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [CBORValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    private mutating func next() throws -> CBORDecodingState {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the CBOR array ended"))
        }
        defer { currentIndex += 1 }
        return CBORDecodingState(value: items[currentIndex], codingPath: codingPath + [AnyCodingKey(String(currentIndex))])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        switch items[currentIndex] {
        case .null, .undefined:
            currentIndex += 1
            return true
        default:
            return false
        }
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct CBORSingleValueDecoding: SingleValueDecodingContainer {
    let state: CBORDecodingState
    var codingPath: [any CodingKey] { state.codingPath }

    func decodeNil() -> Bool {
        switch state.value {
        case .null, .undefined: return true
        default: return false
        }
    }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try state.decode(type) }
}
