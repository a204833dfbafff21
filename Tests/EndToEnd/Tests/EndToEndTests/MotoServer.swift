import AWSRuntime
import EndToEndSupport
import Foundation
import XCTest

/// The checkout this package sits in (this file is `Tests/EndToEnd/Tests/EndToEndTests/MotoServer.swift`).
enum EndToEndPaths {
    static let checkout: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// A moto_server of its own for one test, started by `Tests/TestServices/moto_bootstrap.py` on 127.0.0.1
/// with signature checking on, and the IAM key it created; stopped by PID when the test ends.
struct MotoServer {
    let process: TestServiceProcess
    let accessKeyId: String
    let secretAccessKey: String
    let region: String

    /// Starts moto, or throws `XCTSkip` when python3, boto3 or moto is missing. `checkingSignatures: false` is
    /// for services whose signatures moto checks wrongly (it refuses boto3's own Lambda requests).
    static func start(for test: XCTestCase, checkingSignatures: Bool = true) async throws -> MotoServer {
        if let reason = TestServiceProcess.pythonUnavailability(requiring: ["boto3", "moto", "flask"]) {
            throw XCTSkip("SKIPPED: the moto end-to-end tests need python3 with moto[server] and boto3: \(reason)")
        }
        let process = try await TestServiceProcess.start(
            script: EndToEndPaths.checkout.appendingPathComponent("Tests/TestServices/moto_bootstrap.py"),
            arguments: ["--max-lifetime", "600"] + (checkingSignatures ? [] : ["--without-signature-checks"]),
            readiness: .launcherJSON(processMarker: "moto"),
            timeout: .seconds(90))
        test.addTeardownBlock { process.stop() }
        let announcement = process.announcementJSON()
        guard let accessKeyId = announcement["accessKeyId"] as? String,
              let secretAccessKey = announcement["secretAccessKey"] as? String,
              let region = announcement["region"] as? String
        else {
            throw TestServiceProcess.StartFailure(
                reason: "moto_bootstrap.py announced no credentials", logTail: process.announcement)
        }
        return MotoServer(process: process, accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, region: region)
    }

    /// A configuration for this server: its IAM key (or another secret), one attempt per call.
    func configuration(secretAccessKey: String? = nil, hooks: [any RequestHook] = []) -> ClientConfiguration {
        ClientConfiguration(
            region: region,
            credentialProvider: StaticCredentialProvider(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey ?? self.secretAccessKey),
            endpointURL: process.endpointURL,
            maxAttempts: 1,
            attemptTimeout: .seconds(30),
            operationTimeout: .seconds(60),
            hooks: hooks,
            environment: [:])
    }
}

/// Records the operation of every attempt (`willSend` runs for each, before signing).
struct AttemptRecorder: RequestHook {
    actor Log {
        private(set) var operations: [String] = []
        func record(_ operation: String) { operations.append(operation) }
    }

    let log = Log()

    func willSend(_ request: inout HTTPRequest, context: RequestHookContext) async throws {
        await log.record(context.operation)
    }
}
