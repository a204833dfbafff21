import Foundation

/// The header lines and signed-header list of a SigV4 canonical request.
struct CanonicalHeaders: Sendable, Equatable {
    /// `name:value\n` for each signed header, sorted by lowercase name.
    var block: String
    /// Lowercase names joined with `;`.
    var signedHeaders: String

    /// Headers never signed: proxies and clients add or rewrite them after signing.
    static let unsignedNames: [StaticString] = [
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding",
    ]

    init(_ headers: HTTPHeaders) {
        (block, signedHeaders) = CanonicalHeaders.withSorted(headers.fields) { sorted in
            (String(capacity: sorted.blockMaximumByteCount) { sorted.writeBlock(into: &$0) }, sorted.signedHeaders())
        }
    }

    /// Calls `body` with the signable `fields` (all but ``unsignedNames``) sorted by lowercase name, keeping
    /// the original order among repeated names: they join with "," in that order.
    ///
    /// Lowercase names and the sort live in temporary memory (on the stack for ordinary requests) and refer to
    /// the fields by position, so this allocates and retains nothing; `body` must not let the
    /// ``SortedHeaders`` escape.
    static func withSorted<Result>(
        _ fields: [HTTPHeaders.Field], _ body: (SortedHeaders) -> Result
    ) -> Result {
        var nameByteCount = 0
        for index in fields.indices { nameByteCount += fields[index].name.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(nameByteCount, 1)) { names in
            withUnsafeTemporaryAllocation(of: SortedHeaders.Entry.self, capacity: Swift.max(fields.count, 1)) {
                entries in
                var count = 0
                var nameEnd = 0
                for fieldIndex in fields.indices {
                    let nameStart = nameEnd
                    nameEnd += URIEncoding.withUTF8(fields[fieldIndex].name) { name in
                        lowercaseASCII(name, to: names.baseAddress! + nameStart)
                        return name.count
                    }
                    let name = UnsafeBufferPointer(rebasing: names[nameStart..<nameEnd])
                    if unsignedNames.contains(where: { equal(name, $0) }) {
                        nameEnd = nameStart
                        continue
                    }
                    entries[count] = SortedHeaders.Entry(
                        nameStart: nameStart, nameCount: name.count, fieldIndex: fieldIndex)
                    count += 1
                }
                let signable = UnsafeMutableBufferPointer(rebasing: entries[..<count])
                SortedHeaders.sort(signable, names: UnsafeBufferPointer(names))
                return body(
                    SortedHeaders(
                        fields: fields, names: UnsafeBufferPointer(names), entries: UnsafeBufferPointer(signable)))
            }
        }
    }

    /// Copies `bytes` to `output` with ASCII letters lowercased (header names are ASCII tokens; other bytes
    /// pass through, so no Unicode case mapping is involved). Eight bytes at a time, then byte by byte.
    @inline(__always)
    static func lowercaseASCII(_ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) {
        guard let input = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
            // Per byte, on its low seven bits (no carry between bytes): high bit set from "A", and from past "Z".
            let low7 = word & ~highs
            let fromA = low7 &+ ones &* (0x80 - 0x41)
            let pastZ = low7 &+ ones &* (0x80 - 0x5B)
            let isUpper = fromA & ~pastZ & ~word & highs
            UnsafeMutableRawPointer(output + index).storeBytes(of: word | (isUpper &>> 2), as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            let byte = input[index]
            output[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            index += 1
        }
    }

    /// Whether `name` (any case) is `lowercase`, comparing ASCII letters without case and allocating nothing.
    static func isNamed(_ name: String, _ lowercase: StaticString) -> Bool {
        guard name.utf8.count == lowercase.utf8CodeUnitCount else { return false }
        return URIEncoding.withUTF8(name) { bytes in
            lowercase.withUTF8Buffer { expected in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    if (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) != expected[index] { return false }
                }
                return true
            }
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && text.withUTF8Buffer { SortedHeaders.equal(bytes, $0) }
    }
}

/// The signed headers of one request in canonical order, borrowed from ``CanonicalHeaders/withSorted(_:_:)``.
struct SortedHeaders {
    /// One signed field: where its lowercase name sits in the name buffer, and which field it is.
    struct Entry {
        var nameStart: Int
        var nameCount: Int
        /// The field's position in the request, which also orders repeated names.
        var fieldIndex: Int
        /// Set once sorted: the name is the previous entry's, so this value continues that line.
        var repeatsPreviousName = false
    }

    /// The request's fields, read in place (the array is never copied or changed while sorted).
    let fields: [HTTPHeaders.Field]
    let names: UnsafeBufferPointer<UInt8>
    let entries: UnsafeBufferPointer<Entry>

    /// The raw value of `entry`.
    @inline(__always)
    func value(_ entry: Entry) -> String {
        fields[entry.fieldIndex].value
    }

    /// The lowercase name of `entry`.
    @inline(__always)
    func name(_ entry: Entry) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: names[entry.nameStart..<(entry.nameStart + entry.nameCount)])
    }


    /// Enough bytes for ``writeBlock(into:)``: trimming only ever shortens a value.
    var blockMaximumByteCount: Int {
        entries.reduce(0) { $0 + $1.nameCount + value($1).utf8.count + 2 }
    }

    /// The exact length of the signed-header list.
    var signedHeadersByteCount: Int {
        var count = 0
        for index in entries.indices where !entries[index].repeatsPreviousName {
            count += entries[index].nameCount + (index == 0 ? 0 : 1)
        }
        return count
    }

    /// Lowercase names joined with `;`, each name once.
    func signedHeaders() -> String {
        String(capacity: signedHeadersByteCount) { writeSignedHeaders(into: &$0) }
    }

    func writeSignedHeaders(into writer: inout ByteWriter) {
        for index in entries.indices where !entries[index].repeatsPreviousName {
            if index > 0 { writer.append(UInt8(ascii: ";")) }
            writer.append(name(entries[index]))
        }
    }

    /// Writes `name:value\n` per name; a repeated name's values join the first line, separated by ",".
    func writeBlock(into writer: inout ByteWriter) {
        for index in entries.indices {
            if entries[index].repeatsPreviousName {
                writer.removeLast()  // the newline: this value continues the previous line
                writer.append(UInt8(ascii: ","))
            } else {
                writer.append(name(entries[index]))
                writer.append(UInt8(ascii: ":"))
            }
            SortedHeaders.writeTrimmed(value(entries[index]), into: &writer)
            writer.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes `value` without leading and trailing whitespace and with each inner run of whitespace (including
    /// the line breaks of folded header lines) folded into one space.
    static func writeTrimmed(_ value: String, into writer: inout ByteWriter) {
        URIEncoding.withUTF8(value) { bytes in
            if !containsControlOrSpace(bytes) {
                writer.append(bytes)
                return
            }
            var wroteAny = false
            var pendingSpace = false
            for byte in bytes {
                if isWhitespace(byte) {
                    pendingSpace = wroteAny
                } else {
                    if pendingSpace { writer.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    writer.append(byte)
                    wroteAny = true
                }
            }
        }
    }

    /// Whether any byte is ≤ 0x20 (space or a control character, so possibly whitespace to fold), eight bytes
    /// at a time: values are usually plain, and then they are copied as they are.
    static func containsControlOrSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x21 borrows into its own high bit, which `~word` keeps only for bytes below 0x80.
            if (word &- ones &* 0x21) & ~word & highs != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] <= 0x20 { return true }
            index += 1
        }
        return false
    }

    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Sorts by lowercase name (bytes), keeping the original order among equal names, and marks the repeats.
    /// Insertion sort: requests carry a handful of headers, and it needs no scratch memory; long lists take the
    /// standard library's sort with the original position as tie-breaker.
    static func sort(_ entries: UnsafeMutableBufferPointer<Entry>, names: UnsafeBufferPointer<UInt8>) {
        var entries = entries  // the buffer's memory changes, not the pointer
        func name(_ entry: Entry) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: names[entry.nameStart..<(entry.nameStart + entry.nameCount)])
        }
        if entries.count <= 16 {
            for index in entries.indices.dropFirst() {
                var position = index
                while position > 0, precedes(name(entries[position]), name(entries[position - 1])) {
                    entries.swapAt(position, position - 1)
                    position -= 1
                }
            }
        } else {
            entries.sort { lhs, rhs in
                let left = name(lhs), right = name(rhs)
                return equal(left, right) ? lhs.fieldIndex < rhs.fieldIndex : precedes(left, right)
            }
        }
        for index in entries.indices.dropFirst() {
            entries[index].repeatsPreviousName = equal(name(entries[index]), name(entries[index - 1]))
        }
    }

    @inline(__always)
    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        lhs.count == rhs.count && (lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0)
    }

    /// Byte order, a prefix first.
    @inline(__always)
    static func precedes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = Swift.min(lhs.count, rhs.count)
        let order = common == 0 ? 0 : memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
        return order != 0 ? order < 0 : lhs.count < rhs.count
    }
}
