/// Why a request could not be signed.
public enum SigV4Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// A presigned URL's lifetime must be between 1 second and 7 days.
    case invalidExpiry(seconds: Int)
    /// The request URL has no host to sign.
    case missingHost(url: String)

    public var description: String {
        switch self {
        case .invalidExpiry(let seconds):
            return "presigned URL expiry of \(seconds) s is outside the allowed 1 s … 604800 s (7 days)"
        case .missingHost(let url):
            return "cannot sign a request without a host: \(url)"
        }
    }
}
