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
        try Data().write(to: extra)
        let check = try codegen(["--model", model, "--output", scratch.path, "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.errors.contains("stale:   \(client.path)"), check.errors)
        XCTAssertTrue(check.errors.contains("extra:   \(extra.path)"), check.errors)
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
