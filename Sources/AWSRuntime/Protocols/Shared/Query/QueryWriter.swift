import Foundation

/// The body of an awsQuery or ec2Query request: `key=value` pairs joined by `&`, in the order they were added.
///
/// ```swift
/// var query = QueryWriter(action: "QueryLists", version: "2020-01-08")
/// query.add("ListArg.member.1", "foo")
/// query.add("Time", "2015-01-25T08:00:00Z")
/// query.encodedBody()  // Action=QueryLists&Version=2020-01-08&ListArg.member.1=foo&Time=2015-01-25T08%3A00%3A00Z
/// ```
///
/// Keys and values are percent-encoded as RFC 3986 and SigV4 do, which is what the Smithy protocol tests expect:
/// the unreserved characters `A–Z a–z 0–9 - . _ ~` stay as they are, and every other UTF-8 byte becomes `%XX`
/// with uppercase hex (`+` is `%2B`, `*` is `%2A`, `é` is `%C3%A9`) — except a space, which is `+` as in every
/// form body and in botocore's: a service (or emulator) that re-encodes the parsed form to check the signature
/// gets the same bytes.
/// Pairs are written in order, never sorted; an empty value is written `key=`.
public struct QueryWriter: Sendable {
    /// The `Content-Type` of the body.
    public static let contentType = "application/x-www-form-urlencoded"

    /// The pairs added so far, in order, not encoded.
    public private(set) var pairs: [(key: String, value: String)] = []

    /// A body with no pairs.
    public init() {}

    /// A body that starts with `Action=action&Version=version`, as every awsQuery and ec2Query request does.
    public init(action: String, version: String) {
        pairs = [(key: "Action", value: action), (key: "Version", value: version)]
    }

    /// Appends one pair.
    public mutating func add(_ key: String, _ value: String) {
        pairs.append((key: key, value: value))
    }

    /// The encoded body.
    public func encodedBody() -> Data {
        Data(encodedBytes())
    }

    /// The encoded body as bytes.
    public func encodedBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(pairs.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 2 })
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            Self.appendEncoded(pair.key, to: &output)
            output.append(UInt8(ascii: "="))
            Self.appendEncoded(pair.value, to: &output)
        }
        return output
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends the UTF-8 bytes of `text`, a space as `+` and each other byte that is not unreserved as `%XX`.
    private static func appendEncoded(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            if URIEncoding.isUnreserved(byte) {
                output.append(byte)
            } else if byte == UInt8(ascii: " ") {
                output.append(UInt8(ascii: "+"))
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }
}

extension QueryWriter {
    /// The pairs of an encoded form body, decoded (`+` is a space): a presigned query request moves them
    /// into its URL.
    static func pairs(fromEncodedBody body: Data) -> [(key: String, value: String)] {
        String(decoding: body, as: UTF8.self).split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
