import AWSRuntime
import DynamoDB
import Foundation
import XCTest

/// The generated DynamoDB waiters against moto_server with signature checking on: create a table, wait until
/// it exists, describe it; delete it, wait until it is gone.
final class DynamoDBWaiterTests: XCTestCase {
    func testTableExistsAndTableNotExists() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = DynamoDBClient(configuration: moto.configuration())
        _ = try await client.createTable(CreateTableInput(
            attributeDefinitions: [AttributeDefinition(attributeName: "id", attributeType: .s)],
            tableName: "e2e-waiter", keySchema: [KeySchemaElement(attributeName: "id", keyType: .hash)],
            billingMode: .payPerRequest))
        let exists = try await client.waitUntilTableExists(DescribeTableInput(tableName: "e2e-waiter"), maxWaitTime: .seconds(60))
        XCTAssertEqual(exists.output?.table?.tableStatus, .active)
        XCTAssertGreaterThanOrEqual(exists.attempts, 1)
        let described = try await client.describeTable(DescribeTableInput(tableName: "e2e-waiter"))
        XCTAssertEqual(described.table?.tableName, "e2e-waiter")

        _ = try await client.deleteTable(DeleteTableInput(tableName: "e2e-waiter"))
        let gone = try await client.waitUntilTableNotExists(DescribeTableInput(tableName: "e2e-waiter"), maxWaitTime: .seconds(60))
        XCTAssertNil(gone.output, "the wait ended on ResourceNotFoundException, not on an output")
    }

    func testAWaitOnATableThatNeverComesTimesOut() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = DynamoDBClient(configuration: moto.configuration())
        do {
            // minDelay is 20 s: after the first attempt 21 s leave 1 s of delay before a second, and after it no
            // room for another minDelay, so the wait ends as timed out after about a second.
            _ = try await client.waitUntilTableExists(DescribeTableInput(tableName: "never-created"), maxWaitTime: .seconds(21))
            XCTFail("a table that never comes must time out")
        } catch WaiterError.timedOut(let name, let attempts, _) {
            XCTAssertEqual(name, "TableExists")
            XCTAssertEqual(attempts, 2)
        }
    }
}
