import Foundation

/// The `User-Agent` every request carries, in the AWS SDKs' user-agent format: library, UA version, service API,
/// OS, language, retry mode and the application's id, each `name/value#version` token made of allowed characters.
///
/// `swift-aws-codegen/0.1.0 ua/2.1 api/ecr_public#0.1.0 os/linux#6.1 lang/swift#6 cfg/retry-mode#standard app/my-app`
enum UserAgent {
    static let libraryVersion = "0.1.0"

    /// The user agent of one client.
    static func value(sdkId: String, retryMode: RetryMode, appID: String?) -> String {
        var tokens = [
            "swift-aws-codegen/\(libraryVersion)", "ua/2.1",
            "api/\(token(sdkId.lowercased().replacingOccurrences(of: " ", with: "_")))#\(libraryVersion)",
            platform, "lang/swift#6", "cfg/retry-mode#\(retryMode.rawValue)",
        ]
        if let appID, !appID.isEmpty { tokens.append("app/\(token(String(appID.prefix(50))))") }
        return tokens.joined(separator: " ")
    }

    /// The OS family and version.
    private static let platform: String = {
        #if os(Linux)
        let os = "linux"
        #elseif os(macOS)
        let os = "macos"
        #else
        let os = "other"
        #endif
        let version = ProcessInfo.processInfo.operatingSystemVersion
        return "os/\(os)#\(version.majorVersion).\(version.minorVersion)"
    }()

    /// `text` with every character a user-agent token may not hold replaced by `-`.
    static func token(_ text: String) -> String {
        let allowed = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let isAlphanumeric = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            return isAlphanumeric || allowed.contains(scalar) ? scalar : "-"
        }))
    }
}
