import Foundation

/// The `User-Agent` every request carries: library, version, OS and Swift version.
enum UserAgent {
    static let libraryVersion = "0.1.0"

    static let value: String = {
        #if os(Linux)
        let os = "linux"
        #elseif os(macOS)
        let os = "macos"
        #else
        let os = "other"
        #endif
        let version = ProcessInfo.processInfo.operatingSystemVersion
        return "swift-aws-codegen/\(libraryVersion) os/\(os)#\(version.majorVersion).\(version.minorVersion) lang/swift#6"
    }()
}
