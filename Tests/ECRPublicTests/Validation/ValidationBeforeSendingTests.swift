import AWSRuntime
import ECRPublic
import Foundation
import XCTest

/// Validation runs before anything is signed or sent, and each client chooses which checks run.
final class ValidationBeforeSendingTests: XCTestCase {
    func testInvalidInputNeverReachesTheTransport() async {
        let transport = ScriptedTransport.mustNotBeCalled()
        let client = ECRPublicClient.scripted(transport)
        do {
            _ = try await client.createRepository(repositoryName: "UPPER!")
            XCTFail("expected a ValidationError")
        } catch let error as ValidationError {
            XCTAssertEqual(error.operation, "CreateRepository")
            XCTAssertEqual(error.violations.map(\.path), ["repositoryName"])
        } catch {
            XCTFail("expected a ValidationError, got \(error)")
        }
        XCTAssertEqual(transport.requests.count, 0)
    }

    func testValidationCanBeSwitchedOffPerClient() async throws {
        let transport = ScriptedTransport { _, _ in .json(#"{"repository": {"repositoryName": "UPPER!"}}"#) }
        let client = ECRPublicClient.scripted(transport, validation: .none)
        let output = try await client.createRepository(repositoryName: "UPPER!")
        XCTAssertEqual(output.repository?.repositoryName, "UPPER!")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testAChosenSetOfChecksRuns() async throws {
        // Only maximums are checked: a too-short (min) and badly formed (pattern) name goes through.
        let transport = ScriptedTransport { _, _ in .json("{}") }
        let client = ECRPublicClient.scripted(transport, validation: [.max])
        _ = try await client.deleteRepository(repositoryName: "X")
        XCTAssertEqual(transport.requests.count, 1)
        do {
            _ = try await client.deleteRepository(repositoryName: String(repeating: "a", count: 206))
            XCTFail("expected a ValidationError")
        } catch let error as ValidationError {
            XCTAssertEqual(error.violations.map(\.constraint), [.maxLength(205)])
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testResponsesAreNeverValidated() async throws {
        // The service may return values our input constraints would reject (here, a 1-character name).
        let transport = ScriptedTransport { _, _ in .json(#"{"repositories": [{"repositoryName": "x"}]}"#) }
        let output = try await ECRPublicClient.scripted(transport).describeRepositories(DescribeRepositoriesRequest())
        XCTAssertEqual(output.repositories?.first?.repositoryName, "x")
    }

    func testSensitiveValuesAreNeverShown() {
        var validator = Validator()
        validator.checkPattern("hunter2", ValidationPattern("^[0-9]+$"), path: MemberPath.root.member("secret"), sensitive: true)
        XCTAssertEqual(validator.violations.first?.description, "secret: value (sensitive value hidden) does not match the pattern ^[0-9]+$")
        XCTAssertFalse(validator.violations.description.contains("hunter2"))
    }

    func testPatternsAreNotImplicitlyAnchored() {
        XCTAssertTrue(ValidationPattern(#"\w+"#).matches("!hello!"))
        XCTAssertFalse(ValidationPattern(#"^\w+$"#).matches("!hello!"))
    }

    func testEnumValuesTheModelDoesNotListAreViolations() {
        var validator = Validator()
        validator.checkEnum(isKnown: false, rawValue: "PURPLE", path: MemberPath.root.member("color"))
        validator.checkEnum(isKnown: true, rawValue: "RED", path: MemberPath.root.member("color"))
        XCTAssertEqual(validator.violations.map(\.description), ["color: value \"PURPLE\" is not one of the values the model allows"])
    }
}
