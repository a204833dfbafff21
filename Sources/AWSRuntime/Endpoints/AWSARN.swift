import Foundation

/// The result of the rules-engine `aws.parseArn` function, for ARNs such as
/// `arn:aws:s3:us-east-2:012345678:outpost:op-1234`.
struct AWSARN: Sendable, Equatable {
    let partition: String
    let service: String
    /// Empty when the ARN has no region.
    let region: String
    /// Empty when the ARN has no account.
    let accountID: String
    /// The resource split at every `:` and `/`, so `outpost:op-1234` gives `["outpost", "op-1234"]`.
    let resourceID: [String]

    /// Parses `text`; returns `nil` (unset) unless it has the `arn` prefix, six parts, and a non-empty partition,
    /// service and resource.
    init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            return nil
        }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        accountID = String(parts[4])
        resourceID = parts[5].split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "/" }.map(String.init)
    }

    /// The parsed ARN as the object rule sets read with `getAttr`.
    var value: JSONValue {
        .object([
            "partition": .string(partition),
            "service": .string(service),
            "region": .string(region),
            "accountId": .string(accountID),
            "resourceId": .array(resourceID.map(JSONValue.string)),
        ])
    }
}
