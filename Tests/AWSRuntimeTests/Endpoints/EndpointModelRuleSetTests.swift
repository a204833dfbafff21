import Foundation
import XCTest

@testable import AWSRuntime

/// Evaluates each shared Smithy model's own `smithy.rules#endpointRuleSet` against the model's
/// `smithy.rules#endpointTests`.
///
/// Cases with `operationInputs` are run through their `params`, which already hold the values the operation input
/// and built-ins bind to (including DynamoDB's `ResourceArn` / `ResourceArnList` context parameters).
final class EndpointModelRuleSetTests: XCTestCase {
    func testECRPublicEndpointTestsPass() throws {
        try runEndpointTests(model: "ecr-public.json", service: "com.amazonaws.ecrpublic#SpencerFrontendService")
    }

    func testECREndpointTestsPass() throws {
        try runEndpointTests(model: "ecr.json", service: "com.amazonaws.ecr#AmazonEC2ContainerRegistry_V20150921")
    }

    func testDynamoDBEndpointTestsPass() throws {
        try runEndpointTests(model: "dynamodb.json", service: "com.amazonaws.dynamodb#DynamoDB_20120810")
    }

    func testSecretsManagerEndpointTestsPass() throws {
        try runEndpointTests(model: "secrets-manager.json", service: "com.amazonaws.secretsmanager#secretsmanager")
    }

    /// The models' endpoint tests were generated when the `aws-iso` and `aws-iso-b` partitions had no dual-stack
    /// endpoints (they expect "DualStack is enabled but this partition does not support DualStack"); the newer
    /// `partitions.json` our table follows says they do. Cases for regions of those partitions therefore run
    /// against the facts they were written for: our table with dual-stack support turned off for those two.
    private static let partitionIDsWithoutDualStackInModelTests: Set<String> = ["aws-iso", "aws-iso-b"]

    private static let partitionsAsModelTestsAssume = AWSPartitionTable(
        partitions: AWSPartitionTable.standard.partitions.map { partition in
            guard partitionIDsWithoutDualStackInModelTests.contains(partition.id) else { return partition }
            return AWSPartition(
                id: partition.id, name: partition.name, dnsSuffix: partition.dnsSuffix,
                dualStackDnsSuffix: partition.dualStackDnsSuffix, supportsFIPS: partition.supportsFIPS,
                supportsDualStack: false, implicitGlobalRegion: partition.implicitGlobalRegion,
                regionRegex: partition.regionRegex, regions: partition.regions)
        })

    private func runEndpointTests(model: String, service: String) throws {
        let document = try EndpointSharedTestData.json("models/\(model)")
        let traits = try XCTUnwrap(document["shapes"]?[service]?["traits"], "\(model): no shape \(service)")
        let ruleSetDocument = try XCTUnwrap(traits["smithy.rules#endpointRuleSet"], "\(model): no rule set")
        let cases = try XCTUnwrap(
            traits["smithy.rules#endpointTests"]?["testCases"]?.arrayValue, "\(model): no endpoint tests")
        let ruleSet = try EndpointRuleSet(document: ruleSetDocument)
        let runner = EndpointTestCaseRunner(ruleSet: ruleSet)
        let olderFactsRunner = EndpointTestCaseRunner(ruleSet: ruleSet, partitions: Self.partitionsAsModelTestsAssume)

        var failures: [EndpointTestCaseRunner.Failure] = []
        var casesOnOlderFacts = 0
        for testCase in cases {
            let region = testCase["params"]?["Region"]?.stringValue
            let partitionID = region.map { AWSPartitionTable.standard.partition(forRegion: $0).id }
            if let partitionID, Self.partitionIDsWithoutDualStackInModelTests.contains(partitionID) {
                casesOnOlderFacts += 1
                if let failure = olderFactsRunner.run(testCase) { failures.append(failure) }
            } else if let failure = runner.run(testCase) {
                failures.append(failure)
            }
        }
        print(
            "endpoint tests \(model): \(cases.count - failures.count) passed / \(cases.count)"
                + " (\(casesOnOlderFacts) aws-iso/aws-iso-b cases run with those partitions' dual-stack off,"
                + " as the model's tests assume)")
        XCTAssertFalse(cases.isEmpty, "\(model) has no endpoint test cases")
        XCTAssert(
            failures.isEmpty,
            "\(model): \(failures.count) failure(s):\n"
                + failures.map(String.init(describing:)).joined(separator: "\n"))
    }
}
