import Foundation

@testable import AWSRuntime

/// One generated answer of the response fuzzer: what the server sends back to one ECR Public call, and a
/// label naming how it was made (for the figures).
struct HostileResponse: Sendable {
    var label: String
    var reply: LoopbackHTTPServer.Reply
}

/// Deterministic pseudo-random numbers (SplitMix64), so a run is repeated exactly from its seed.
struct FuzzRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(1, bound)))
    }

    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    mutating func bytes(_ count: Int) -> Data {
        Data((0..<count).map { _ in UInt8(truncatingIfNeeded: next()) })
    }
}

/// Builds hostile answers: wrong types and values in the JSON, truncated, oversized, endless and gzip-bomb
/// bodies, odd statuses and headers, connections closed or reset at any byte, slow trickles.
struct HostileResponseGenerator {
    /// The client's body limit in the fuzzer: small, so oversized bodies are cheap to send.
    static let bodyLimit = 256 << 10
    /// Inflates to 1 GiB.
    private let bomb: Data

    init(bomb: Data) {
        self.bomb = bomb
    }

    /// Values that replace one JSON value of a valid body: other types, non-finite and out-of-range numbers,
    /// broken strings, deep nesting.
    private static let replacements: [String] = [
        "null", "true", "0", "-1", "1.5", "\"\"", "[]", "{}", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e400",
        "-1e400", "1e300", "9223372036854775808", "-9223372036854775809", "253402300800", "\"2026-13-45T99:99:99Z\"",
        "\"\\ud800\"", "\"\\u0000\"", "\"caf\\u00e9\"", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"\(String(repeating: "x", count: 4096))\"",
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), "tru", "\"unterminated",
        "00", "+1", ".5", "0x10", "\"\\x\"",
    ]

    mutating func make(for operation: FuzzOperation, random: inout FuzzRandom) -> HostileResponse {
        var label: String
        var status = 200
        var body: Data
        var headers: [(String, String)] = [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", "fuzz")]

        switch random.below(14) {
        case 0, 1, 2:
            label = "valid"
            body = Data(operation.validBody.utf8)
        case 3, 4, 5:
            let replacement = random.pick(Self.replacements)
            label = "value replaced"
            body = Data(Self.replaceOneValue(in: operation.validBody, with: replacement, random: &random).utf8)
        case 6:
            label = "truncated JSON"
            let valid = Data(operation.validBody.utf8)
            body = valid.prefix(random.below(valid.count))
        case 7:
            label = "garbage body"
            body = random.chance(50) ? random.bytes(random.below(512)) : Data(random.pick(
                ["", "null", "[]", "\"text\"", "<html>502</html>", "{\"__type\": 5}", "\u{FEFF}{}", "{}{}", "{\"a\":1,\"a\":2}"]).utf8)
        case 8:
            label = "oversized body"
            body = Data("{\"nextToken\": \"".utf8) + Data(repeating: 0x61, count: Self.bodyLimit + random.below(4096)) + Data("\"}".utf8)
        case 9:
            label = "error response"
            status = random.pick([400, 400, 403, 404, 409, 429, 500, 503, 599, 302, 307, 204, 100, 999])
            let type = random.pick([
                "RepositoryNotFoundException", "com.amazonaws.ecrpublic#ServerException", "ThrottlingException",
                "NoSuchThing", "", "RepositoryNotFoundException:http://x", String(repeating: "E", count: 10_000),
            ])
            body = Data(random.pick([
                "{\"__type\": \"\(type)\", \"message\": \"fuzz\"}", "{\"__type\": 7}", "{\"code\": \"\(type)\"}", "not json",
                "{\"__type\": \"\(type)\", \"message\": [1]}",
            ]).utf8)
            if (300..<400).contains(status) { headers.append(("Location", "http://127.0.0.1:9/elsewhere")) }
            if random.chance(30) { headers.append(("x-amzn-ErrorType", type)) }
        case 10:
            label = "gzip bomb"
            body = bomb
            headers.append(("Content-Encoding", "gzip"))
        case 11:
            label = "bad content encoding"
            body = Data(operation.validBody.utf8)
            headers.append(("Content-Encoding", random.pick(["gzip", "deflate", "br", "zstd", "x-unknown"])))
        case 12:
            label = "odd headers"
            body = Data(operation.validBody.utf8)
            headers.append(random.pick([
                ("X-Fuzz", String(repeating: "h", count: 200_000)), ("Date", "NaN"), ("Date", "Thu, 01 Jan 99999 00:00:00 GMT"),
                ("x-amzn-RequestId", String(repeating: "r", count: 50_000)), ("Content-Type", "text/html"), ("", "empty name"),
            ]))
        default:
            label = "wrong content length"
            body = Data(operation.validBody.utf8)
        }

        var response = HTTPResponseBytes(status: status, headers: headers, body: body)
        if label == "wrong content length" { response.declaredLength = body.count + 1 + random.below(1000) }
        let bytes = response.serialized()

        switch random.below(20) {
        case 0, 1:
            label += ", closed mid-response"
            return HostileResponse(label: label, reply: .raw(bytes.prefix(random.below(bytes.count))))
        case 2, 3:
            label += ", reset mid-response"
            return HostileResponse(label: label, reply: .reset(after: bytes.prefix(random.below(bytes.count))))
        case 4:
            label += ", slow trickle"
            return HostileResponse(
                label: label, reply: .slowly(bytes, chunk: 1 + random.below(512), interval: .milliseconds(1 + random.below(20))))
        case 5:
            label = "endless body"
            let head = random.chance(50)
                ? "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nConnection: close\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            let chunk = head.contains("chunked")
                ? Data("1000\r\n".utf8) + Data(repeating: 0x20, count: 0x1000) + Data("\r\n".utf8)
                : Data(repeating: 0x20, count: 0x1000)
            return HostileResponse(label: label, reply: .endless(head: head, chunk: chunk))
        case 6:
            label = "garbage status line"
            return HostileResponse(label: label, reply: .raw(Data(random.pick([
                "HTTP/1.1 abc OK\r\n\r\n", "HTTP/9.9 200 OK\r\nContent-Length: 2\r\n\r\n{}", "SSH-2.0-OpenSSH\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}", "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", "\r\n\r\n",
            ]).utf8) + random.bytes(random.below(64))))
        case 7:
            label = "no answer"
            return HostileResponse(label: label, reply: .close)
        default:
            return HostileResponse(label: label, reply: .raw(bytes))
        }
    }

    /// Replaces one JSON value (a string, number, literal, list or object, picked at random) with `replacement`.
    static func replaceOneValue(in json: String, with replacement: String, random: inout FuzzRandom) -> String {
        let text = Array(json.utf8)
        // Value starts: after `:` or `[` or `,` inside a list, skipping spaces.
        var starts: [Int] = []
        for (index, byte) in text.enumerated() where byte == UInt8(ascii: ":") || byte == UInt8(ascii: "[") {
            var start = index + 1
            while start < text.count, text[start] == UInt8(ascii: " ") { start += 1 }
            if start < text.count { starts.append(start) }
        }
        guard !starts.isEmpty else { return replacement }
        let start = random.pick(starts)
        let end = valueEnd(text, from: start)
        return String(decoding: text[..<start], as: UTF8.self) + replacement + String(decoding: text[end...], as: UTF8.self)
    }

    /// The index just past the JSON value starting at `start`.
    private static func valueEnd(_ text: [UInt8], from start: Int) -> Int {
        var depth = 0
        var inString = false
        var index = start
        while index < text.count {
            let byte = text[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                if depth == 0 { return index }
                depth -= 1
                if depth == 0 { return index + 1 }
            } else if depth == 0, byte == UInt8(ascii: ",") {
                return index
            }
            index += 1
        }
        return text.count
    }
}

/// A response as bytes on the wire, with a `Content-Length` that may lie.
struct HTTPResponseBytes {
    var status: Int
    var headers: [(String, String)]
    var body: Data
    var declaredLength: Int?

    func serialized() -> Data {
        var head = "HTTP/1.1 \(status) Fuzz\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(declaredLength ?? body.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }
}
