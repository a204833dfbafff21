import AWSRuntime
import Foundation
import SNS
import XCTest

/// The client generated from `../shared/models/sns.json` (awsQuery) against moto_server.
final class SNSTests: XCTestCase {
    func testTopicsAreCreatedListedPublishedToAndDeleted() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = SNSClient(configuration: moto.configuration())
        var arns: [String] = []
        for index in 1...3 {
            let created = try await client.createTopic(name: "e2e-topic-\(index)", tags: [Tag(key: "n", value: "\(index)")])
            arns.append(try XCTUnwrap(created.topicArn))
        }
        var listed: [String] = []
        for try await page in client.listTopicsPaginator(ListTopicsInput()) {
            listed += page.topics?.compactMap(\.topicArn) ?? []
        }
        XCTAssertEqual(Set(listed), Set(arns))

        let published = try await client.publish(topicArn: arns[0], message: "hello & <goodbye>", subject: "e2e",
                                                 messageAttributes: ["kind": MessageAttributeValue(dataType: "String", stringValue: "test")])
        XCTAssertNotNil(published.messageId)
        let attributes = try await client.getTopicAttributes(topicArn: arns[0])
        XCTAssertEqual(attributes.attributes?["TopicArn"], arns[0])

        try await client.deleteTopic(topicArn: arns[1])
        let remaining = try await client.listTopics(ListTopicsInput()).topics?.compactMap(\.topicArn) ?? []
        XCTAssertEqual(Set(remaining), Set([arns[0], arns[2]]))
    }

    func testAMissingTopicIsTheTypedNotFoundError() async throws {
        let moto = try await MotoServer.start(for: self)
        let client = SNSClient(configuration: moto.configuration())
        do {
            _ = try await client.getTopicAttributes(topicArn: "arn:aws:sns:\(moto.region):123456789012:absent")
            XCTFail("expected NotFound")
        } catch let error as SNSError {
            XCTAssertEqual(error.code, .notFoundException, "\(error)")
        }
    }
}
