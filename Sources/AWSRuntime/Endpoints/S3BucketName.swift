import Foundation

/// The rules-engine `aws.isVirtualHostableS3Bucket` function: whether a bucket name can be used as a host label
/// (`bucket.s3.amazonaws.com`) instead of a path segment.
enum S3BucketName {
    /// Whether `name` follows S3's DNS-compatible naming: 3–63 lowercase letters, digits, hyphens (and, with
    /// `allowSubDomains`, dots), starting and ending with a letter or digit, every label a valid host label, no
    /// label starting or ending with a hyphen next to a dot, and not shaped like an IPv4 address.
    static func isVirtualHostable(_ name: String, allowSubDomains: Bool) -> Bool {
        let bytes = name.utf8
        guard EndpointStandardLibrary.isValidHostLabel(name, allowSubDomains: allowSubDomains),
            (3...63).contains(bytes.count),
            bytes.allSatisfy({ isLowercaseAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
            let first = bytes.first, let last = bytes.last,
            isLowercaseAlphanumeric(first), isLowercaseAlphanumeric(last)
        else { return false }
        return !name.contains(".-") && !name.contains("-.") && !isShapedLikeIPv4(name)
    }

    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Four dot-separated runs of digits, whatever their values: S3 refuses such names even when not a real
    /// address (`999.1.1.1`).
    private static func isShapedLikeIPv4(_ name: String) -> Bool {
        let groups = name.split(separator: ".", omittingEmptySubsequences: false)
        return groups.count == 4 && groups.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }
}
