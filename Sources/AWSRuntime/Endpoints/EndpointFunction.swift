import Foundation

/// The standard rules-engine functions a rule set may call.
enum EndpointFunction: Sendable, Equatable {
    case isSet
    case not
    case booleanEquals
    case stringEquals
    /// `getAttr`, with its literal path already parsed.
    case getAttr(EndpointAttributePath)
    case substring
    case uriEncode
    case parseURL
    case isValidHostLabel
    case awsPartition
    case awsParseArn
    case awsIsVirtualHostableS3Bucket

    /// The function for a rule-set `fn` name other than `getAttr`, whose path needs its arguments.
    init?(name: String) {
        switch name {
        case "isSet": self = .isSet
        case "not": self = .not
        case "booleanEquals": self = .booleanEquals
        case "stringEquals": self = .stringEquals
        case "substring": self = .substring
        case "uriEncode": self = .uriEncode
        case "parseURL": self = .parseURL
        case "isValidHostLabel": self = .isValidHostLabel
        case "aws.partition": self = .awsPartition
        case "aws.parseArn": self = .awsParseArn
        case "aws.isVirtualHostableS3Bucket": self = .awsIsVirtualHostableS3Bucket
        default: return nil
        }
    }

    /// How many arguments the function takes; checked when the rule set loads.
    var arity: Int {
        switch self {
        case .isSet, .not, .uriEncode, .parseURL, .awsPartition, .awsParseArn: 1
        case .getAttr: 1  // the path argument is folded into the case
        case .booleanEquals, .stringEquals, .isValidHostLabel, .awsIsVirtualHostableS3Bucket: 2
        case .substring: 4
        }
    }
}
