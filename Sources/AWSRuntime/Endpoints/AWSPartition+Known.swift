import Foundation

// The partition facts published in AWS's `partitions.json` (a test compares them field by field). New regions that
// follow a partition's naming pattern resolve without an update here.
extension AWSPartition {
    /// The `aws` partition.
    public static let aws = AWSPartition(
        id: "aws", name: "aws",
        dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "us-east-1",
        regionRegex: #"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$"#,
        regions: [
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
            "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
            "us-east-2", "us-west-1", "us-west-2",
        ]
    )

    /// The `aws-cn` partition.
    public static let awsChina = AWSPartition(
        id: "aws-cn", name: "aws-cn",
        dnsSuffix: "amazonaws.com.cn", dualStackDnsSuffix: "api.amazonwebservices.com.cn",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "cn-northwest-1",
        regionRegex: #"^cn\-\w+\-\d+$"#,
        regions: [
            "aws-cn-global", "cn-north-1", "cn-northwest-1",
        ]
    )

    /// The `aws-eusc` partition.
    public static let awsEuropeanSovereignCloud = AWSPartition(
        id: "aws-eusc", name: "aws-eusc",
        dnsSuffix: "amazonaws.eu", dualStackDnsSuffix: "api.amazonwebservices.eu",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "eusc-de-east-1",
        regionRegex: #"^eusc\-(de)\-\w+\-\d+$"#,
        regions: [
            "eusc-de-east-1",
        ]
    )

    /// The `aws-iso` partition.
    public static let awsISO = AWSPartition(
        id: "aws-iso", name: "aws-iso",
        dnsSuffix: "c2s.ic.gov", dualStackDnsSuffix: "api.aws.ic.gov",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "us-iso-east-1",
        regionRegex: #"^us\-iso\-\w+\-\d+$"#,
        regions: [
            "aws-iso-global", "us-iso-east-1", "us-iso-west-1",
        ]
    )

    /// The `aws-iso-b` partition.
    public static let awsISOB = AWSPartition(
        id: "aws-iso-b", name: "aws-iso-b",
        dnsSuffix: "sc2s.sgov.gov", dualStackDnsSuffix: "api.aws.scloud",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "us-isob-east-1",
        regionRegex: #"^us\-isob\-\w+\-\d+$"#,
        regions: [
            "aws-iso-b-global", "us-isob-east-1", "us-isob-west-1",
        ]
    )

    /// The `aws-iso-e` partition.
    public static let awsISOE = AWSPartition(
        id: "aws-iso-e", name: "aws-iso-e",
        dnsSuffix: "cloud.adc-e.uk", dualStackDnsSuffix: "api.cloud-aws.adc-e.uk",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "eu-isoe-west-1",
        regionRegex: #"^eu\-isoe\-\w+\-\d+$"#,
        regions: [
            "aws-iso-e-global", "eu-isoe-west-1",
        ]
    )

    /// The `aws-iso-f` partition.
    public static let awsISOF = AWSPartition(
        id: "aws-iso-f", name: "aws-iso-f",
        dnsSuffix: "csp.hci.ic.gov", dualStackDnsSuffix: "api.aws.hci.ic.gov",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "us-isof-south-1",
        regionRegex: #"^us\-isof\-\w+\-\d+$"#,
        regions: [
            "aws-iso-f-global", "us-isof-east-1", "us-isof-south-1",
        ]
    )

    /// The `aws-us-gov` partition.
    public static let awsGovCloud = AWSPartition(
        id: "aws-us-gov", name: "aws-us-gov",
        dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws",
        supportsFIPS: true, supportsDualStack: true,
        implicitGlobalRegion: "us-gov-west-1",
        regionRegex: #"^us\-gov\-\w+\-\d+$"#,
        regions: [
            "aws-us-gov-global", "us-gov-east-1", "us-gov-west-1",
        ]
    )
}
