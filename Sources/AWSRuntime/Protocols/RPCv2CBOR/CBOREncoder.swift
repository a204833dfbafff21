import Foundation

/// Encodes `Encodable` values (the generated shapes) as CBOR, the body of the rpcv2Cbor protocol: structures
/// as maps of member name to value, timestamps as tag 1 epoch seconds, blobs as byte strings.
public struct CBOREncoder: Sendable {
    /// Passed to the values being encoded (the idempotency-token generator rides here).
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    /// An encoder with no user info.
    public init() {}

    /// The CBOR bytes of `value`.
    public func encode(_ value: some Encodable) throws -> Data {
        let root = CBOREncodingBox()
        try value.encode(to: CBOREncodingState(box: root, codingPath: [], userInfo: userInfo))
        return CBORWriter.encode(root.value)
    }
}

/// A value under construction: a map, an array or a finished value. A reference, so nested containers can fill
/// it after it is placed in its parent.
final class CBOREncodingBox {
    enum Content {
        case empty
        case value(CBORValue)
        case map([(key: String, box: CBOREncodingBox)])
        case array([CBOREncodingBox])
    }

    var content: Content = .empty

    init() {}
    init(_ value: CBORValue) { content = .value(value) }

    /// The finished value (an unwritten box is an empty map, as an encoder that asked for nothing).
    var value: CBORValue {
        switch content {
        case .empty: return .map([])
        case .value(let value): return value
        case .map(let entries): return .map(entries.map { (key: .text($0.key), value: $0.box.value) })
        case .array(let items): return .array(items.map(\.value))
        }
    }

    func appendEntry(_ key: String, _ box: CBOREncodingBox) {
        if case .map(var entries) = content {
            // A key written twice keeps its last value.
            entries.removeAll { $0.key == key }
            entries.append((key, box))
            content = .map(entries)
        } else {
            content = .map([(key, box)])
        }
    }

    func appendItem(_ box: CBOREncodingBox) {
        if case .array(var items) = content {
            items.append(box)
            content = .array(items)
        } else {
            content = .array([box])
        }
    }

    var count: Int {
        switch content {
        case .array(let items): return items.count
        case .map(let entries): return entries.count
        default: return 0
        }
    }
}

/// The `Encoder` handed to each value.
struct CBOREncodingState: Encoder {
    let box: CBOREncodingBox
    let codingPath: [any CodingKey]
    let userInfoValues: [CodingUserInfoKey: any Sendable]
    var userInfo: [CodingUserInfoKey: Any] { userInfoValues }

    init(box: CBOREncodingBox, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.box = box
        self.codingPath = codingPath
        self.userInfoValues = userInfo
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = box.content { box.content = .map([]) }
        return KeyedEncodingContainer(CBORKeyedEncoding<Key>(state: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = box.content { box.content = .array([]) }
        return CBORUnkeyedEncoding(state: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { CBORSingleValueEncoding(state: self) }

    /// The CBOR of `value`: scalars and the types CBOR has its own form for directly, anything else through its
    /// own `encode(to:)` into a new box.
    func box(for value: some Encodable, key: (any CodingKey)?) throws -> CBOREncodingBox {
        if let scalar = Self.scalar(value) { return CBOREncodingBox(scalar) }
        let child = CBOREncodingBox()
        try value.encode(to: CBOREncodingState(box: child, codingPath: codingPath + (key.map { [$0] } ?? []),
                                               userInfo: userInfoValues))
        return child
    }

    static func scalar(_ value: some Encodable) -> CBORValue? {
        switch value {
        case let date as Date: return .tag(1, .float(date.timeIntervalSince1970))
        case let data as Data: return .bytes(data)
        case let decimal as Decimal: return .float(NSDecimalNumber(decimal: decimal).doubleValue)
        case let text as String: return .text(text)
        case let flag as Bool: return .bool(flag)
        case let number as Double: return .float(number)
        case let number as Float: return .float(Double(number))
        case let number as Int: return .integer(Int64(number))
        case let number as Int8: return .integer(Int64(number))
        case let number as Int16: return .integer(Int64(number))
        case let number as Int32: return .integer(Int64(number))
        case let number as Int64: return .integer(number)
        default: return nil
        }
    }
}

struct CBORKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: CBOREncodingState
    var codingPath: [any CodingKey] { state.codingPath }

    mutating func encodeNil(forKey key: Key) throws { state.box.appendEntry(key.stringValue, CBOREncodingBox(.null)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        state.box.appendEntry(key.stringValue, try state.box(for: value, key: key))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = CBOREncodingBox()
        state.box.appendEntry(key.stringValue, child)
        return CBOREncodingState(box: child, codingPath: codingPath + [key], userInfo: state.userInfoValues).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = CBOREncodingBox()
        state.box.appendEntry(key.stringValue, child)
        return CBOREncodingState(box: child, codingPath: codingPath + [key], userInfo: state.userInfoValues).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = CBOREncodingBox()
        state.box.appendEntry(key.stringValue, child)
        return CBOREncodingState(box: child, codingPath: codingPath + [key], userInfo: state.userInfoValues)
    }
}

struct CBORUnkeyedEncoding: UnkeyedEncodingContainer {
    let state: CBOREncodingState
    var codingPath: [any CodingKey] { state.codingPath }
    var count: Int { state.box.count }

    mutating func encodeNil() throws { state.box.appendItem(CBOREncodingBox(.null)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        state.box.appendItem(try state.box(for: value, key: AnyCodingKey(String(count))))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = CBOREncodingBox()
        state.box.appendItem(child)
        return CBOREncodingState(box: child, codingPath: codingPath, userInfo: state.userInfoValues).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = CBOREncodingBox()
        state.box.appendItem(child)
        return CBOREncodingState(box: child, codingPath: codingPath, userInfo: state.userInfoValues).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        let child = CBOREncodingBox()
        state.box.appendItem(child)
        return CBOREncodingState(box: child, codingPath: codingPath, userInfo: state.userInfoValues)
    }
}

struct CBORSingleValueEncoding: SingleValueEncodingContainer {
    let state: CBOREncodingState
    var codingPath: [any CodingKey] { state.codingPath }

    mutating func encodeNil() throws { state.box.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        state.box.content = try state.box(for: value, key: nil).content
    }
}
