import Foundation
import TestSupport
import XCTest

/// The `codegen` command as users run it: exit codes, messages, and that a failed run writes nothing.
final class CommandLineToolTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    private func codegen(_ arguments: [String]) throws -> Run {
        let executable = RepositoryPaths.productsDirectory.appendingPathComponent("codegen")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("codegen is not built at \(executable.path)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = RepositoryPaths.root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    private var model: String { RepositoryPaths.repository("models/ecr-public.json").path }

    func testHelpListsTheOptions() throws {
        let run = try codegen(["--help"])
        XCTAssertEqual(run.status, 0)
        for option in ["--model", "--output", "--templates", "--module", "--check"] {
            XCTAssertTrue(run.output.contains(option), option)
        }
    }

    func testDiffPrintsTheAPIChangesAndWritesNothing() throws {
        let text = try String(contentsOf: RepositoryPaths.repository("models/ecr-public.json"), encoding: .utf8)
        // The same model without DeleteRepositoryPolicy: for users of the old client, an operation removed.
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var shapes = try XCTUnwrap(object["shapes"] as? [String: Any])
        let serviceID = try XCTUnwrap(shapes.first { ($0.value as? [String: Any])?["type"] as? String == "service" }?.key)
        var service = try XCTUnwrap(shapes[serviceID] as? [String: Any])
        let operations = try XCTUnwrap(service["operations"] as? [[String: String]])
        service["operations"] = operations.filter { !($0["target"] ?? "").hasSuffix("#DeleteRepositoryPolicy") }
        shapes[serviceID] = service
        object["shapes"] = shapes
        let newer = scratch.appendingPathComponent("newer.json")
        try JSONSerialization.data(withJSONObject: object).write(to: newer)
        let output = scratch.appendingPathComponent("out")
        let run = try codegen(["--model", newer.path, "--diff", model, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "API changes: 1 (1 breaking)\n  BREAKING: operation removed: DeleteRepositoryPolicy\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "--diff writes nothing")
    }

    func testRegeneratingOverAClientReportsWhatChangedForItsUsers() throws {
        let output = scratch.appendingPathComponent("out")
        XCTAssertEqual(try codegen(["--model", model, "--output", output.path, "--quiet"]).status, 0)
        let newer = try modelWithout("DeleteRepositoryPolicy")
        let check = try codegen(["--model", newer.path, "--output", output.path, "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.errors.contains("ECRPublic: API changes: 1 (1 breaking)\n  BREAKING: operation removed: deleteRepositoryPolicy"),
                      check.errors)
        let run = try codegen(["--model", newer.path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.hasPrefix("ECRPublic: API changes: 1 (1 breaking)\n  BREAKING: operation removed: deleteRepositoryPolicy\n"),
                      run.output)
        let again = try codegen(["--model", newer.path, "--output", output.path])
        XCTAssertFalse(again.output.contains("API changes"), "an unchanged client reports nothing: \(again.output)")
    }

    /// The ECR Public model without one operation, written to the scratch folder.
    private func modelWithout(_ operation: String) throws -> URL {
        let text = try String(contentsOf: RepositoryPaths.repository("models/ecr-public.json"), encoding: .utf8)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var shapes = try XCTUnwrap(object["shapes"] as? [String: Any])
        let serviceID = try XCTUnwrap(shapes.first { ($0.value as? [String: Any])?["type"] as? String == "service" }?.key)
        var service = try XCTUnwrap(shapes[serviceID] as? [String: Any])
        let operations = try XCTUnwrap(service["operations"] as? [[String: String]])
        service["operations"] = operations.filter { !($0["target"] ?? "").hasSuffix("#\(operation)") }
        shapes[serviceID] = service
        object["shapes"] = shapes
        let url = scratch.appendingPathComponent("without-\(operation).json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url
    }

    func testUnknownOptionIsAUsageError() throws {
        let run = try codegen(["--frobnicate"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.hasPrefix("error: unknown option --frobnicate"), run.errors)
    }

    func testMissingModelFileIsAClearError() throws {
        let run = try codegen(["--model", "no/such/model.json", "--output", scratch.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("error: no model file or folder at no/such/model.json"), run.errors)
    }

    func testGeneratesThenCheckPassesThenAStaleFileFailsTheCheck() throws {
        XCTAssertEqual(try codegen(["--model", model, "--output", scratch.path, "--quiet"]).status, 0)
        let client = scratch.appendingPathComponent("ECRPublic/Client.swift")
        XCTAssertTrue(FileManager.default.fileExists(atPath: client.path))
        XCTAssertEqual(try codegen(["--model", model, "--output", scratch.path, "--check"]).status, 0)

        try Data("// edited by hand\n".utf8).write(to: client)
        let extra = scratch.appendingPathComponent("ECRPublic/Extra.swift")
        try Data("// Generated by swift-aws-codegen. Do not edit.\n// From an operation that no longer exists.\n".utf8)
            .write(to: extra)
        let userCode = scratch.appendingPathComponent("ECRPublic/UserCode.swift")
        try Data("// Our own extension, not generated.\n".utf8).write(to: userCode)
        // Starts like our marker but is not it: a user's file from another generator.
        let lookalike = scratch.appendingPathComponent("ECRPublic/Lookalike.swift")
        try Data("// Generated by swift-aws-codegen.py\n".utf8).write(to: lookalike)
        // What a run killed mid-write leaves behind.
        let staging = scratch.appendingPathComponent("ECRPublic/.Client.swift.codegen-832B4473-3EDE-4997-BE53-FBFE8CFAF04F")
        try Data("half".utf8).write(to: staging)
        let check = try codegen(["--model", model, "--output", scratch.path, "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.errors.contains("stale:      \(client.path)"), check.errors)
        XCTAssertTrue(check.errors.contains("extra:      \(extra.path)"), check.errors)
        XCTAssertTrue(check.errors.contains("extra:      \(staging.path)"), check.errors)
        XCTAssertTrue(check.errors.contains("unexpected: \(userCode.path) (not written by codegen)"), check.errors)
        XCTAssertTrue(check.errors.contains("unexpected: \(lookalike.path) (not written by codegen)"), check.errors)

        XCTAssertEqual(try codegen(["--model", model, "--output", scratch.path, "--quiet"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: extra.path), "a stale generated file is removed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path), "a left-over staging file is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: userCode.path), "the user's own file is kept")
        XCTAssertTrue(FileManager.default.fileExists(atPath: lookalike.path), "a file that only looks like ours is kept")
    }

    func testUnchangedFilesAreNotRewritten() throws {
        XCTAssertEqual(try codegen(["--model", model, "--output", scratch.path, "--quiet"]).status, 0)
        let client = scratch.appendingPathComponent("ECRPublic/Client.swift")
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: client.path)
        let run = try codegen(["--model", model, "--output", scratch.path])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.output.contains("0 file(s) changed"), run.output)
        let modified = try FileManager.default.attributesOfItem(atPath: client.path)[.modificationDate] as? Date
        XCTAssertEqual(modified, past)
    }

    func testABrokenModelWritesNothingAndNamesThePlaceAtFault() throws {
        XCTAssertEqual(try codegen(["--model", model, "--output", scratch.path, "--quiet"]).status, 0)
        let before = try snapshot(scratch)
        var text = try String(contentsOfFile: model, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"target\": \"com.amazonaws.ecrpublic#RepositoryName\"",
                                         with: "\"target\": \"com.amazonaws.ecrpublic#Missing\"")
        let broken = scratch.appendingPathComponent("broken.json")
        try Data(text.utf8).write(to: broken)
        let run = try codegen(["--model", broken.path, "--output", scratch.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("error: member targets com.amazonaws.ecrpublic#Missing, which is not defined"), run.errors)
        XCTAssertTrue(run.errors.contains("$.shapes[\"com.amazonaws.ecrpublic#"), run.errors)
        XCTAssertTrue(run.errors.contains("nothing was written"), run.errors)
        try FileManager.default.removeItem(at: broken)
        XCTAssertEqual(try snapshot(scratch), before)
    }

    func testInvalidJSONReportsLineAndColumn() throws {
        let broken = scratch.appendingPathComponent("bad.json")
        try Data("{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n}}}".utf8).write(to: broken)
        let run = try codegen(["--model", broken.path, "--output", scratch.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("\(broken.path): error: invalid JSON at line 4, column 3"), run.errors)
    }

    func testUserTemplatesOverrideOursFileByFile() throws {
        let templates = scratch.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("// Acme Corp generated client for {{service.serviceID}}.\n".utf8)
            .write(to: templates.appendingPathComponent("Header.mustache"))
        let output = scratch.appendingPathComponent("out")
        let run = try codegen(["--model", model, "--output", output.path, "--templates", templates.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.errors)
        let client = try String(contentsOf: output.appendingPathComponent("ECRPublic/Client.swift"), encoding: .utf8)
        XCTAssertTrue(client.hasPrefix("// Acme Corp generated client for com.amazonaws.ecrpublic#SpencerFrontendService.\n"))
        XCTAssertTrue(client.contains("public struct ECRPublicClient"), "other templates are still ours")
    }

    func testModuleNameOption() throws {
        XCTAssertEqual(try codegen(["--model", model, "--output", scratch.path, "--module", "PublicRegistry", "--quiet"]).status, 0)
        let client = try String(contentsOf: scratch.appendingPathComponent("PublicRegistry/Client.swift"), encoding: .utf8)
        XCTAssertTrue(client.contains("public struct PublicRegistryClient: PublicRegistryClientProtocol"))
    }

    func testTwoServicesWithOneSdkIdAreAnErrorAndNothingIsWritten() throws {
        let twin = """
            {"smithy": "2.0", "shapes": {
              "a.b#One": {"type": "service", "version": "1", "traits": {"aws.protocols#awsJson1_1": {}, "aws.api#service": {"sdkId": "Twin"}}},
              "c.d#Two": {"type": "service", "version": "1", "traits": {"aws.protocols#awsJson1_1": {}, "aws.api#service": {"sdkId": "Twin"}}}
            }}
            """
        let file = scratch.appendingPathComponent("twins.json")
        try Data(twin.utf8).write(to: file)
        let output = scratch.appendingPathComponent("out")
        let run = try codegen(["--model", file.path, "--output", output.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("would both be written to \(output.path)/Twin"), run.errors)
        XCTAssertTrue(run.errors.contains("nothing was written"), run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testModuleNameAndFilePrefixMustBeSafe() throws {
        for module in ["My Module", "a\"b", "Foundation", "9Lives", "class"] {
            let run = try codegen(["--model", model, "--output", scratch.path, "--module", module])
            XCTAssertEqual(run.status, 2, module)
            XCTAssertTrue(run.errors.contains("error: --module"), run.errors)
        }
        for prefix in ["../x+", ".hidden+", "a/b+", "a b+"] {
            let run = try codegen(["--model", model, "--output", scratch.path, "--flat", "--file-prefix", prefix])
            XCTAssertEqual(run.status, 2, prefix)
            XCTAssertTrue(run.errors.contains("error: --file-prefix"), run.errors)
        }
        XCTAssertEqual(try snapshot(scratch), [:], "nothing was written")
    }

    func testCheckOfAModelsFolderReportsAModuleNobodyGenerates() throws {
        let models = scratch.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: model, toPath: models.appendingPathComponent("ecr-public.json").path)
        let output = scratch.appendingPathComponent("Generated")
        XCTAssertEqual(try codegen(["--model", models.path, "--output", output.path, "--quiet"]).status, 0)
        XCTAssertEqual(try codegen(["--model", models.path, "--output", output.path, "--check"]).status, 0)
        let orphan = output.appendingPathComponent("Retired")
        try FileManager.default.createDirectory(at: orphan, withIntermediateDirectories: true)
        let check = try codegen(["--model", models.path, "--output", output.path, "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.errors.contains("unexpected: \(orphan.standardizedFileURL.path)"), check.errors)
    }

    /// Every file under `folder` with its bytes.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
