import Foundation
import TestSupport
import XCTest

/// The launcher every end-to-end test relies on: it finds the port, and stops the server cleanly by PID.
final class TestServiceProcessTests: XCTestCase {
    func testTheServerAnnouncesItsPortAndShutsDownCleanlyOnSIGTERM() async throws {
        let service = try await ECRPublicTestService.start(for: self)
        let server = service.server
        XCTAssertTrue(server.isRunning)
        XCTAssertEqual(server.announcement, "\(server.port)\n")
        XCTAssertEqual(server.endpointURL, "http://127.0.0.1:\(server.port)")
        XCTAssertNil(server.ending)

        let started = ContinuousClock.now
        server.stop(grace: .seconds(5))
        // Exit status 0 is the server's own SIGTERM handler; SIGKILL after the grace period would be 9.
        XCTAssertEqual(server.ending, .exited(0))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
        XCTAssertFalse(server.isRunning)
        server.stop()  // a second stop does nothing
        XCTAssertEqual(server.ending, .exited(0))
    }

    func testAScriptThatFailsBeforeAnnouncingAPortIsAStartFailureWithItsOutput() async throws {
        if let reason = TestServiceProcess.pythonUnavailability(requiring: ["botocore"]) {
            throw XCTSkip("SKIPPED: needs python3 with botocore: \(reason)")
        }
        do {
            // The server refuses to start without its required --access-key and --secret-key.
            let server = try await TestServiceProcess.start(
                script: RepositoryPaths.repository("Tests/TestServices/ecr_public_server.py"), timeout: .seconds(30))
            server.stop()
            XCTFail("expected a StartFailure")
        } catch let failure as TestServiceProcess.StartFailure {
            XCTAssertEqual(failure.reason, "ecr_public_server.py: exited with status 2 before announcing a port")
            XCTAssertTrue(failure.logTail.contains("the following arguments are required: --access-key, --secret-key"),
                          failure.logTail)
        }
    }
}
