import Foundation

/// A set of AWS partitions and the region-to-partition lookup behind the rules-engine `aws.partition` function.
///
/// `standard` holds the partitions this runtime knows; callers may build their own table, for example to add a
/// partition announced after this release.
public struct AWSPartitionTable: Sendable {
    /// The partitions, in the order their region patterns are tried.
    public let partitions: [AWSPartition]
    /// Named regions to their partition, so the common case is one dictionary lookup.
    private let partitionByRegion: [String: AWSPartition]
    /// Where regions no partition claims go.
    private let fallback: AWSPartition

    /// Creates a table; the partition with id `aws` (or, without one, the built-in `aws`) receives unknown regions.
    public init(partitions: [AWSPartition]) {
        self.partitions = partitions
        var partitionByRegion: [String: AWSPartition] = [:]
        // Reversed so that, should two partitions name one region, the earlier partition wins.
        for partition in partitions.reversed() {
            for region in partition.regions { partitionByRegion[region] = partition }
        }
        self.partitionByRegion = partitionByRegion
        self.fallback = partitions.first { $0.id == "aws" } ?? .aws
    }

    /// The partitions this runtime ships with.
    public static let standard = AWSPartitionTable(partitions: [
        .aws, .awsChina, .awsEuropeanSovereignCloud, .awsISO, .awsISOB, .awsISOE, .awsISOF, .awsGovCloud,
    ])

    /// The partition of `region`: a partition that names it, else the first whose pattern matches, else `aws`
    /// (so unknown regions still get the standard partition's suffixes, as the rules-engine specification says).
    public func partition(forRegion region: String) -> AWSPartition {
        if let partition = partitionByRegion[region] { return partition }
        return partitions.first { $0.matchesRegionPattern(region) } ?? fallback
    }
}
