import Foundation

@testable import AWSRuntime

/// Every transport of the runtime, for tests that must hold for each: URLSession everywhere, libcurl on Linux.
enum Transports {
    static func all(maximumResponseBodySize: Int = URLSessionHTTPClient.defaultMaximumResponseBodySize)
        -> [(name: String, client: any HTTPClient)]
    {
        var transports: [(name: String, client: any HTTPClient)] = [
            ("URLSession", URLSessionHTTPClient(maximumResponseBodySize: maximumResponseBodySize))
        ]
        #if os(Linux)
            transports.append(("libcurl", CurlHTTPClient(maximumResponseBodySize: maximumResponseBodySize)))
        #endif
        return transports
    }
}
