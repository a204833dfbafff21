/// The header lines and signed-header list of a SigV4 canonical request.
struct CanonicalHeaders: Sendable, Equatable {
    /// `name:value\n` for each signed header, sorted by lowercase name.
    var block: String
    /// Lowercase names joined with `;`.
    var signedHeaders: String

    /// Headers never signed: proxies and clients add or rewrite them after signing.
    static let unsignedNames: Set<String> = [
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding",
    ]

    init(_ headers: HTTPHeaders) {
        self.init(lowercasedFields: headers.fields.map { (CanonicalHeaders.lowercasedASCII($0.name), $0.value) })
    }

    /// Builds from fields whose names are already lowercase, in the order they were added.
    init(lowercasedFields fields: [(name: String, value: String)]) {
        // Sort by name, keeping the original order among repeated names: they join with "," in that order.
        let order = fields.indices
            .filter { !CanonicalHeaders.unsignedNames.contains(fields[$0].name) }
            .sorted { lhs, rhs in
                let left = fields[lhs].name, right = fields[rhs].name
                return left == right ? lhs < rhs : left.utf8.lexicographicallyPrecedes(right.utf8)
            }
        var block = ""
        var signed = ""
        var previous: String?
        for index in order {
            let (name, value) = fields[index]
            if name == previous {
                block.removeLast()  // the newline: this value continues the previous line
                block += ","
            } else {
                if previous != nil { signed += ";" }
                signed += name
                block += name
                block += ":"
            }
            block += CanonicalHeaders.trimmed(value)
            block += "\n"
            previous = name
        }
        self.block = block
        self.signedHeaders = signed
    }

    /// Lowercases ASCII letters; header names are ASCII tokens, and this avoids Unicode case mapping.
    static func lowercasedASCII(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return name }
        return String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Trims leading and trailing whitespace and folds each inner run of whitespace (including the line
    /// breaks of folded header lines) into one space.
    static func trimmed(_ value: String) -> String {
        let utf8 = value.utf8
        let isPlain = !utf8.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if isPlain { return value }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
