import Foundation

/// Encodes `Encodable` values (the generated shapes) as the JSON body of the JSON protocols, in one pass into one
/// buffer: timestamps as epoch seconds, blobs as base64 written in place, non-finite floats as `"NaN"`,
/// `"Infinity"` and `"-Infinity"`.
///
/// Foundation's `JSONEncoder` builds a tree of every value, turns a blob into a base64 `String`, then scans that
/// string byte by byte for characters to escape while writing it again; for a 20 MiB layer part that is three
/// copies and most of the call's CPU. This encoder writes each value as its `encode(to:)` produces it. It relies
/// on what generated code and the standard library do: a value's containers are used one after another, never
/// interleaved. Members come out in the order they are encoded, not sorted.
public struct JSONStreamEncoder: Sendable {
    /// Passed to the values being encoded (the idempotency-token generator rides here).
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    /// An encoder with no user info.
    public init() {}

    /// The JSON bytes of `value`.
    public func encode(_ value: some Encodable) throws -> Data {
        let writer = JSONStreamWriter(output: JSONOutputBuffer(), userInfo: userInfo)
        try writer.writeValue(value, path: nil)
        return writer.output.takeData()
    }
}

/// Where a value sits, for `codingPath`: built only when something asks for it.
final class JSONPathNode {
    let parent: JSONPathNode?
    let key: any CodingKey

    init(parent: JSONPathNode?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func codingPath(_ node: JSONPathNode?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = node
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// One JSON value being written: the container its encoder opened, how many entries it has so far, and a nested
/// container still open inside it, closed before the value's next entry.
final class JSONFrame {
    enum Kind { case nothing, object, array, single }
    var kind = Kind.nothing
    var count = 0
    var openChild: JSONFrame?
}

/// Writes values into one output buffer.
final class JSONStreamWriter {
    let output: JSONOutputBuffer
    let userInfo: [CodingUserInfoKey: any Sendable]

    init(output: JSONOutputBuffer, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.output = output
        self.userInfo = userInfo
    }

    /// Writes `value` whole: a scalar directly, anything else through its `encode(to:)`, then closes what it opened.
    /// The path is only made for values that have members (a scalar has no coding path of its own to report).
    func writeValue<T: Encodable>(_ value: T, path: @autoclosure () -> JSONPathNode?) throws {
        if writeScalar(value) { return }
        let frame = JSONFrame()
        try value.encode(to: JSONStreamState(writer: self, frame: frame, path: path()))
        close(frame)
    }

    /// The JSON of the types JSON has its own form for; false for anything else.
    func writeScalar<T: Encodable>(_ value: T) -> Bool {
        switch value {
        case let text as String: output.appendString(text)
        case let data as Data: output.appendBase64(data)
        case let number as Int: output.append(ascii: String(number))
        case let number as Int64: output.append(ascii: String(number))
        case let number as Int32: output.append(ascii: String(number))
        case let number as Double: output.appendNumber(number)
        case let flag as Bool: output.append(ascii: flag ? "true" : "false")
        case let date as Date: output.appendNumber(date.timeIntervalSince1970)
        case let number as Float: output.appendNumber(Double(number))
        case let number as Int16: output.append(ascii: String(number))
        case let number as Int8: output.append(ascii: String(number))
        case let number as UInt64: output.append(ascii: String(number))
        case let number as UInt32: output.append(ascii: String(number))
        case let number as UInt16: output.append(ascii: String(number))
        case let number as UInt8: output.append(ascii: String(number))
        case let number as UInt: output.append(ascii: String(number))
        case let decimal as Decimal: output.append(ascii: decimal.isFinite ? decimal.description : "null")
        default: return false
        }
        return true
    }

    func close(_ frame: JSONFrame) {
        closeOpenChild(of: frame)
        switch frame.kind {
        case .nothing: output.append(ascii: "{}")  // a value that wrote nothing is an empty object, as in JSONEncoder
        case .object: output.append(UInt8(ascii: "}"))
        case .array: output.append(UInt8(ascii: "]"))
        case .single: break
        }
    }

    func closeOpenChild(of frame: JSONFrame) {
        if let child = frame.openChild {
            frame.openChild = nil
            close(child)
        }
    }

    /// `,"key":` in an object.
    func beginEntry(_ frame: JSONFrame, key: String) {
        closeOpenChild(of: frame)
        if frame.count > 0 { output.append(UInt8(ascii: ",")) }
        frame.count += 1
        output.appendString(key)
        output.append(UInt8(ascii: ":"))
    }

    /// `,` between array items.
    func beginItem(_ frame: JSONFrame) {
        closeOpenChild(of: frame)
        if frame.count > 0 { output.append(UInt8(ascii: ",")) }
        frame.count += 1
    }

    /// A new frame for a nested container or super encoder, left open in `parent` until its next entry or its end.
    func openChild(in parent: JSONFrame) -> JSONFrame {
        let child = JSONFrame()
        parent.openChild = child
        return child
    }
}

/// The `Encoder` handed to each value.
struct JSONStreamState: Encoder {
    let writer: JSONStreamWriter
    let frame: JSONFrame
    let path: JSONPathNode?

    var codingPath: [any CodingKey] { JSONPathNode.codingPath(path) }
    var userInfo: [CodingUserInfoKey: Any] { writer.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if frame.kind == .nothing {
            frame.kind = .object
            writer.output.append(UInt8(ascii: "{"))
        }
        return KeyedEncodingContainer(JSONStreamKeyed<Key>(state: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if frame.kind == .nothing {
            frame.kind = .array
            writer.output.append(UInt8(ascii: "["))
        }
        return JSONStreamUnkeyed(state: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONStreamSingle(state: self) }

    func child(_ frame: JSONFrame, key: (any CodingKey)?) -> JSONStreamState {
        JSONStreamState(writer: writer, frame: frame, path: key.map { JSONPathNode(parent: path, key: $0) } ?? path)
    }
}

struct JSONStreamKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: JSONStreamState
    var codingPath: [any CodingKey] { state.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        state.writer.output.append(ascii: "null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        try state.writer.writeValue(value, path: JSONPathNode(parent: state.path, key: key))
    }

    // The types generated members use most, witnessed directly: the generic path would cast at run time.
    mutating func encode(_ value: String, forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        state.writer.output.appendString(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        state.writer.output.append(ascii: value ? "true" : "false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        state.writer.output.append(ascii: String(value))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        state.writer.output.append(ascii: String(value))
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        state.writer.output.appendNumber(value)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        return state.child(state.writer.openChild(in: state.frame), key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        return state.child(state.writer.openChild(in: state.frame), key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        state.writer.beginEntry(state.frame, key: key.stringValue)
        return state.child(state.writer.openChild(in: state.frame), key: key)
    }
}

struct JSONStreamUnkeyed: UnkeyedEncodingContainer {
    let state: JSONStreamState
    var codingPath: [any CodingKey] { state.codingPath }
    var count: Int { state.frame.count }

    mutating func encodeNil() throws {
        state.writer.beginItem(state.frame)
        state.writer.output.append(ascii: "null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = state.frame.count
        state.writer.beginItem(state.frame)
        try state.writer.writeValue(value, path: JSONPathNode(parent: state.path, key: AnyCodingKey(intValue: index)!))
    }

    mutating func encode(_ value: String) throws {
        state.writer.beginItem(state.frame)
        state.writer.output.appendString(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        state.writer.beginItem(state.frame)
        return state.child(state.writer.openChild(in: state.frame), key: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        state.writer.beginItem(state.frame)
        return state.child(state.writer.openChild(in: state.frame), key: nil).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        state.writer.beginItem(state.frame)
        return state.child(state.writer.openChild(in: state.frame), key: nil)
    }
}

struct JSONStreamSingle: SingleValueEncodingContainer {
    let state: JSONStreamState
    var codingPath: [any CodingKey] { state.codingPath }

    mutating func encodeNil() throws {
        state.frame.kind = .single
        state.writer.output.append(ascii: "null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        state.frame.kind = .single
        try state.writer.writeValue(value, path: state.path)
    }
}
