import Foundation
import XCTest

@testable import AWSRuntime

/// `credential_process` output is read only up to 1 MiB: a command that prints without end is stopped, and
/// memory does not grow with what it prints.
final class ProcessOutputLimitTests: XCTestCase {
    private let prefix = #"{"Version": 1, "AccessKeyId": "PADDED", "SecretAccessKey": "S""#

    /// A JSON credentials object padded with spaces to exactly `size` bytes.
    private func paddedCredentialsCommand(size: Int) -> String {
        let padding = size - prefix.utf8.count - 1
        return "printf '%s' '\(prefix)'; head -c \(padding) /dev/zero | tr '\\0' ' '; printf '}'"
    }

    func testOutputOfExactlyOneMiBIsRead() async throws {
        let provider = ProcessCredentialProvider(command: paddedCredentialsCommand(size: 1 << 20), environment: [:])
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials.accessKeyId, "PADDED")
    }

    func testOutputOneByteOverOneMiBStopsTheCommand() async {
        let provider = ProcessCredentialProvider(command: paddedCredentialsCommand(size: (1 << 20) + 1), environment: [:])
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.hasSuffix("printed more than 1048576 bytes; it was stopped"), reason)
        }
    }

    func testEndlessOutputIsStoppedLongBeforeTheTimeout() async {
        let provider = ProcessCredentialProvider(command: "yes | tr y Q", environment: [:], timeout: .seconds(60))
        let clock = ContinuousClock()
        let started = clock.now
        await assertThrows(provider) { error in
            guard case .failed(_, let reason) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(reason.hasSuffix("printed more than 1048576 bytes; it was stopped"), reason)
            XCTAssertFalse(reason.contains("Q\nQ"), "the output is never quoted: \(reason)")
        }
        XCTAssertLessThan(clock.now - started, .seconds(10))
    }

    func testEndlessStandardErrorIsDrainedWithoutBlockingTheCommand() async throws {
        // 8 MiB on standard error (far over what is kept) before the credentials: the command must not block.
        let provider = ProcessCredentialProvider(
            command: #"head -c 8388608 /dev/zero >&2; echo '{"Version": 1, "AccessKeyId": "AFTER", "SecretAccessKey": "S"}'"#,
            environment: [:], timeout: .seconds(20))
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials.accessKeyId, "AFTER")
    }
}
