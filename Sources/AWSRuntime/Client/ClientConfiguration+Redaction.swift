/// Printing a configuration or a client never shows the environment it reads, which may hold
/// `AWS_SECRET_ACCESS_KEY`: `print(client)`, `dump(client)` and string interpolation show how many variables
/// there are, not what they are.
extension ClientConfiguration: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "region": region as Any, "profile": profile as Any, "credentialProvider": credentialProvider as Any, "tokenProvider": tokenProvider as Any,
                "endpointURL": endpointURL as Any, "useFIPS": useFIPS as Any, "useDualStack": useDualStack as Any,
                "maxAttempts": maxAttempts as Any, "attemptTimeout": attemptTimeout,
                "operationTimeout": operationTimeout as Any, "validation": validation, "httpClient": httpClient as Any,
                "hooks": hooks, "environment": EnvironmentSummary(environment), "retryStrategy": retryStrategy as Any,
                "disableRequestCompression": disableRequestCompression,
                "requestMinCompressionSizeBytes": requestMinCompressionSizeBytes,
                "maximumResponseBodySize": maximumResponseBodySize, "accountIDEndpointMode": accountIDEndpointMode as Any,
                "retryMode": retryMode as Any, "appID": appID as Any, "stsRegionalEndpoints": stsRegionalEndpoints as Any,
                "endpointParameters": endpointParameters,
            ],
            displayStyle: .struct)
    }
}

/// A client's runtime prints as its service's name and its configuration; the shared state behind it
/// (credential chain, signing keys) is not shown, nor the service's endpoint rule set (kilobytes of JSON).
extension ServiceRuntime: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["service": metadata.sdkId, "configuration": configuration], displayStyle: .struct)
    }
}

/// Stands in for a set of environment variables when printed: their number only.
struct EnvironmentSummary: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let count: Int

    init(_ environment: [String: String]) {
        count = environment.count
    }

    var description: String { "<\(count) variables, not shown>" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
