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
        // Repeated names join with "," in the order they were added; names sort by byte order.
        var values: [String: [String]] = [:]
        for field in headers {
            let name = field.name.lowercased()
            if CanonicalHeaders.unsignedNames.contains(name) { continue }
            values[name, default: []].append(CanonicalHeaders.trimmed(field.value))
        }
        let names = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var block = ""
        for name in names {
            block += name
            block += ":"
            block += values[name]!.joined(separator: ",")
            block += "\n"
        }
        self.block = block
        self.signedHeaders = names.joined(separator: ";")
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
