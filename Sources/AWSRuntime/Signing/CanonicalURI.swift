/// The path line of a SigV4 canonical request.
enum CanonicalURI {
    /// Builds the canonical URI from a request path as it appears on the wire.
    ///
    /// - Parameters:
    ///   - path: the path part of the request target, already percent-encoded as sent (raw UTF-8 is accepted
    ///     too and encoded once).
    ///   - normalize: remove `.`, `..` and empty segments first (everything except S3).
    ///   - doubleEncode: percent-encode the wire path once more (everything except S3), so `%20` signs as `%2520`.
    static func make(path: String, normalize: Bool, doubleEncode: Bool) -> String {
        let path = prepared(path, normalize: normalize)
        return doubleEncode ? URIEncoding.encode(path, keepingSlashes: true) : path
    }

    /// The path before the final encoding: `/` for an empty path, normalised when asked.
    static func prepared(_ path: String, normalize: Bool) -> String {
        if path.isEmpty { return "/" }
        return normalize && needsNormalization(path) ? normalized(path) : path
    }

    /// The most bytes ``write(prepared:doubleEncode:into:)`` writes for a prepared path.
    static func maximumByteCount(prepared path: String, doubleEncode: Bool) -> Int {
        path.utf8.count * (doubleEncode ? 3 : 1)
    }

    /// Writes the canonical URI of a path that went through ``prepared(_:normalize:)``.
    static func write(prepared path: String, doubleEncode: Bool, into writer: inout ByteWriter) {
        if doubleEncode {
            URIEncoding.withUTF8(path) { URIEncoding.write($0, keepingSlashes: true, into: &writer) }
        } else {
            writer.append(path)
        }
    }

    /// Whether ``normalized(_:)`` would change `path`: it does not start with `/`, or has an empty segment
    /// before the last, or a `.` or `..` segment. Most paths need nothing, and this scan allocates nothing.
    static func needsNormalization(_ path: String) -> Bool {
        URIEncoding.withUTF8(path) { bytes in
            guard bytes.first == UInt8(ascii: "/") else { return true }
            var segmentStart = 1
            var index = 1
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                    let length = index - segmentStart
                    if length == 0, index < bytes.count { return true }
                    if length == 1, bytes[segmentStart] == UInt8(ascii: ".") { return true }
                    if length == 2, bytes[segmentStart] == UInt8(ascii: "."), bytes[segmentStart + 1] == UInt8(ascii: ".") {
                        return true
                    }
                    segmentStart = index + 1
                }
                index += 1
            }
            return false
        }
    }

    /// RFC 3986 dot-segment removal that also drops empty segments, as the SigV4 suite expects
    /// (`//example//` → `/example/`). A trailing slash survives, as does one implied by a final `.` or `..`.
    /// Segments are split at the byte `/`, as a server splits them, even before a combining mark.
    static func normalized(_ path: String) -> String {
        if path == "/" { return path }
        return URIEncoding.withUTF8(path) { bytes in
            let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            var segments: [Slice<UnsafeBufferPointer<UInt8>>] = []
            for part in parts {
                if part.elementsEqual(CollectionOfOne(UInt8(ascii: "."))) { continue }
                if part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                    if !segments.isEmpty { segments.removeLast() }
                    continue
                }
                segments.append(part)
            }
            if segments.isEmpty { return "/" }
            let lastIsDot = parts.last.map { $0.allSatisfy { $0 == UInt8(ascii: ".") } && $0.count <= 2 } ?? false
            let endsInDirectory = bytes.last == UInt8(ascii: "/") || lastIsDot
            return String(capacity: bytes.count + 2) { writer in
                for segment in segments {
                    writer.append(UInt8(ascii: "/"))
                    writer.append(UnsafeBufferPointer(rebasing: segment))
                }
                if endsInDirectory { writer.append(UInt8(ascii: "/")) }
            }
        }
    }
}
