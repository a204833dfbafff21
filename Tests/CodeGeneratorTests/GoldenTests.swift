import CodeGenerator
import Foundation
import TestSupport
import XCTest

/// The checked-in client must be exactly what the generator makes from the checked-in model and templates.
final class GoldenTests: XCTestCase {
    func testCheckedInECRPublicClientMatchesFreshOutput() throws {
        let files = try GeneratorFixture.generator().generate(model: GeneratorFixture.model(at: "models/ecr-public.json"))
        let folder = RepositoryPaths.repository("Generated/ECRPublic")
        // Every entry counts, hidden and non-Swift ones included (a half-written staging file once slipped in).
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(onDisk, files.map(\.path).sorted(), "Generated/ECRPublic has other files; run `swift run codegen`")
        let modules = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.repository("Generated").path)
        XCTAssertEqual(
            modules.sorted(),
            ["ECRPublic", "ECRPublicTests", "IdentitySSO", "IdentitySSOOIDC", "IdentitySSOOIDCTests", "IdentitySSOTests",
             "IdentitySTS", "IdentitySTSTests"],
            "Generated/ holds only the checked-in modules")
        for file in files {
            let existing = try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            XCTAssertTrue(existing == file.contents, "\(file.path) is stale; run `swift run codegen`")
        }
    }

    /// The identity services' clients, generated from our own models with their sibling `.codegen.json` settings
    /// (module name, and the runtime's own credential chain since AWSIdentity calls them).
    func testCheckedInIdentityClientsMatchFreshOutput() throws {
        for name in ["identity-sts", "identity-sso", "identity-sso-oidc"] {
            let settings = try GeneratorConfigFile.load(from: RepositoryPaths.repository("models/\(name).codegen.json"))
            XCTAssertFalse(settings.options.usesIdentityChain, "\(name) must not import AWSIdentity, which imports it")
            let module = try XCTUnwrap(settings.options.moduleName)
            let files = try GeneratorFixture.generator().generate(
                model: GeneratorFixture.model(at: "models/\(name).json"), options: settings.options)
            let folder = RepositoryPaths.repository("Generated/\(module)")
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            XCTAssertEqual(onDisk, files.map(\.path).sorted(), "Generated/\(module) has other files; run `swift run codegen`")
            for file in files {
                let existing = try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
                XCTAssertTrue(existing == file.contents, "\(module)/\(file.path) is stale; run `swift run codegen`")
                XCTAssertFalse(existing.contains("import AWSIdentity"), "\(module)/\(file.path) imports AWSIdentity")
            }
        }
    }

    func testOutputIsDeterministic() throws {
        let generator = try GeneratorFixture.generator()
        let first = try generator.generate(model: GeneratorFixture.model(at: "models/ecr-public.json"))
        let second = try generator.generate(model: GeneratorFixture.model(at: "models/ecr-public.json"))
        XCTAssertEqual(first, second)
    }

    func testEveryServiceProducesTheFixedFileList() throws {
        let generator = try GeneratorFixture.generator()
        let files = try generator.generate(model: GeneratorFixture.model(at: "Tests/CodeGeneratorTests/Models/kitchen-sink.json"))
        XCTAssertEqual(files.map(\.path), ClientGenerator.outputFileNames.sorted())
    }

    func testNoGeneratedFileIsHuge() throws {
        let generator = try GeneratorFixture.generator()
        for name in ["ecr-public", "ecr", "dynamodb", "secrets-manager"] {
            guard let url = RepositoryPaths.sharedFile("models/\(name).json") else { continue }
            let files = try generator.generate(model: ModelLoaderShortcut.load(url))
            for file in files {
                let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).count
                XCTAssertLessThan(lines, 3_000, "\(name): \(file.path) has \(lines) lines")
            }
        }
    }

    func testGeneratesTheOfficialECRPublicModelWithHTMLDocumentation() throws {
        guard let url = RepositoryPaths.sharedFile("models/ecr-public.json") else { return }
        let files = try GeneratorFixture.generator().generate(model: ModelLoaderShortcut.load(url))
        let client = try XCTUnwrap(files.first { $0.path == "Client.swift" })
        XCTAssertFalse(client.contents.contains("<p>"), "HTML must be turned into text")
        XCTAssertTrue(client.contents.contains("func describeImages(_ input: DescribeImagesRequest) async throws -> DescribeImagesResponse"))
    }
}

import SmithyModel

enum ModelLoaderShortcut {
    static func load(_ url: URL) throws -> Model { try ModelLoader.load(contentsOf: url) }
}
