import Foundation

/// The rules-engine `aws.isVirtualHostableS3Bucket` function: whether a bucket name can be used as a host label
/// (`bucket.s3.amazonaws.com`) instead of a path segment.
enum S3BucketName {
    /// Whether `name` is 3–63 lowercase letters, digits and hyphens forming a valid host label and not an IP
    /// address; with `allowSubDomains`, every dot-separated label must be one.
    static func isVirtualHostable(_ name: String, allowSubDomains: Bool) -> Bool {
        guard allowSubDomains else { return isVirtualHostableLabel(name) }
        guard !EndpointURL.isIPv4Address(name) else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
            isVirtualHostableLabel(String($0))
        }
    }

    private static func isVirtualHostableLabel(_ label: String) -> Bool {
        (3...63).contains(label.utf8.count)
            && EndpointStandardLibrary.isHostLabel(label.utf8)
            && !label.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}
