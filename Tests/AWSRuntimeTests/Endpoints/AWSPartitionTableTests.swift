import Foundation
import XCTest

@testable import AWSRuntime

/// Checks our Swift partition table against the published `partitions.json`, and the region lookup rules.
final class AWSPartitionTableTests: XCTestCase {
    func testTableMatchesPublishedPartitionsFieldByField() throws {
        let published = try XCTUnwrap(
            try EndpointSharedTestData.json("testdata/endpoints/partitions.json")["partitions"]?.arrayValue)
        let ours = AWSPartitionTable.standard.partitions
        XCTAssertEqual(ours.map(\.id), published.compactMap { $0["id"]?.stringValue }, "partition ids or order")

        for entry in published {
            let id = entry["id"]?.stringValue ?? "(no id)"
            guard let partition = ours.first(where: { $0.id == id }) else { continue }
            let outputs = entry["outputs"]
            XCTAssertEqual(partition.name, outputs?["name"]?.stringValue, "\(id).name")
            XCTAssertEqual(partition.dnsSuffix, outputs?["dnsSuffix"]?.stringValue, "\(id).dnsSuffix")
            XCTAssertEqual(
                partition.dualStackDnsSuffix, outputs?["dualStackDnsSuffix"]?.stringValue, "\(id).dualStackDnsSuffix")
            XCTAssertEqual(partition.supportsFIPS, outputs?["supportsFIPS"]?.boolValue, "\(id).supportsFIPS")
            XCTAssertEqual(
                partition.supportsDualStack, outputs?["supportsDualStack"]?.boolValue, "\(id).supportsDualStack")
            XCTAssertEqual(
                partition.implicitGlobalRegion, outputs?["implicitGlobalRegion"]?.stringValue,
                "\(id).implicitGlobalRegion")
            // The whole object too, so an output field added upstream shows up here rather than in a rule set.
            XCTAssertEqual(partition.outputs, outputs, "\(id).outputs")
            XCTAssertEqual(partition.regionRegex, entry["regionRegex"]?.stringValue, "\(id).regionRegex")
            XCTAssertTrue(partition.hasValidRegionRegex, "\(id).regionRegex does not compile")

            let regions = entry["regions"]?.objectValue ?? [:]
            XCTAssertEqual(partition.regions, Set(regions.keys), "\(id).regions")
            for (region, facts) in regions {
                // We carry no per-region output overrides; fail loudly if upstream starts using them.
                let keys = facts.objectValue.map { Set($0.keys) } ?? []
                XCTAssertEqual(keys, ["description"], "\(id).regions.\(region) has overrides")
            }
        }
    }

    func testEveryListedRegionResolvesToItsOwnPartition() {
        for partition in AWSPartitionTable.standard.partitions {
            for region in partition.regions {
                XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: region).id, partition.id, region)
            }
        }
    }

    func testUnlistedRegionResolvesByPattern() {
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "us-east-10").id, "aws")
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "cn-north-5").id, "aws-cn")
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "us-gov-central-7").id, "aws-us-gov")
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "us-isob-south-2").id, "aws-iso-b")
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "eusc-de-west-2").id, "aws-eusc")
    }

    func testListedRegionWinsOverAnotherPartitionsPattern() {
        // `aws-cn-global` matches no pattern; only the explicit list places it in aws-cn.
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "aws-cn-global").id, "aws-cn")
        // `us-west-99` fits the aws pattern, which is tried first, but a later partition naming it wins.
        let custom = AWSPartitionTable(partitions: [.aws, partition(id: "test", regions: ["us-west-99"])])
        XCTAssertEqual(custom.partition(forRegion: "us-west-99").id, "test")
        XCTAssertEqual(custom.partition(forRegion: "us-west-98").id, "aws")
        XCTAssertEqual(custom.partition(forRegion: "test-north-1").id, "test")
    }

    func testRegionNoPartitionClaimsFallsBackToAWS() {
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "mars-global").id, "aws")
        XCTAssertEqual(AWSPartitionTable.standard.partition(forRegion: "").id, "aws")
        XCTAssertEqual(AWSPartitionTable(partitions: []).partition(forRegion: "us-east-1").id, "aws")
    }

    private func partition(id: String, regions: Set<String>) -> AWSPartition {
        AWSPartition(
            id: id, name: id, dnsSuffix: "\(id).example", dualStackDnsSuffix: "dualstack.\(id).example",
            supportsFIPS: false, supportsDualStack: false, implicitGlobalRegion: "\(id)-global",
            regionRegex: #"^test\-\w+\-\d+$"#, regions: regions)
    }
}
