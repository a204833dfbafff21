import Foundation

/// One AWS partition (a group of regions sharing DNS suffixes and features), as returned by the rules-engine
/// `aws.partition` function.
public struct AWSPartition: Sendable {
    /// The partition identifier, such as `aws` or `aws-cn`.
    public let id: String
    /// The partition name rule sets compare against (`PartitionResult#name`).
    public let name: String
    /// The DNS suffix of regular endpoints, such as `amazonaws.com`.
    public let dnsSuffix: String
    /// The DNS suffix of dual-stack (IPv4 and IPv6) endpoints, such as `api.aws`.
    public let dualStackDnsSuffix: String
    /// Whether the partition has FIPS endpoints.
    public let supportsFIPS: Bool
    /// Whether the partition has dual-stack endpoints.
    public let supportsDualStack: Bool
    /// The region global endpoints of this partition sign for.
    public let implicitGlobalRegion: String
    /// The pattern that names of this partition's regions match, including ones launched after this table.
    public let regionRegex: String
    /// The regions known by name, which win over any other partition's pattern.
    public let regions: Set<String>

    /// The partition as the object rule sets read with `getAttr`, built once instead of per request.
    let outputs: JSONValue
    /// `regionRegex` compiled once; `nil` only if the pattern were invalid, which the table test rules out.
    private let compiledRegionRegex: NSRegularExpression?

    /// Creates a partition from its facts.
    public init(
        id: String,
        name: String,
        dnsSuffix: String,
        dualStackDnsSuffix: String,
        supportsFIPS: Bool,
        supportsDualStack: Bool,
        implicitGlobalRegion: String,
        regionRegex: String,
        regions: Set<String>
    ) {
        self.id = id
        self.name = name
        self.dnsSuffix = dnsSuffix
        self.dualStackDnsSuffix = dualStackDnsSuffix
        self.supportsFIPS = supportsFIPS
        self.supportsDualStack = supportsDualStack
        self.implicitGlobalRegion = implicitGlobalRegion
        self.regionRegex = regionRegex
        self.regions = regions
        // NSRegularExpression rather than Swift `Regex`, which is not `Sendable` and so cannot sit in a static table.
        self.compiledRegionRegex = try? NSRegularExpression(pattern: regionRegex)
        self.outputs = .object([
            "name": .string(name),
            "dnsSuffix": .string(dnsSuffix),
            "dualStackDnsSuffix": .string(dualStackDnsSuffix),
            "supportsFIPS": .bool(supportsFIPS),
            "supportsDualStack": .bool(supportsDualStack),
            "implicitGlobalRegion": .string(implicitGlobalRegion),
        ])
    }

    /// Whether the regex compiled; false would mean a typo in the table.
    var hasValidRegionRegex: Bool { compiledRegionRegex != nil }

    /// Whether `region` matches this partition's region pattern.
    func matchesRegionPattern(_ region: String) -> Bool {
        guard let compiledRegionRegex else { return false }
        let range = NSRange(region.startIndex..., in: region)
        // The patterns carry their own `^…$` anchors; `.anchored` also pins the match to the start.
        return compiledRegionRegex.firstMatch(in: region, options: [.anchored], range: range) != nil
    }
}
