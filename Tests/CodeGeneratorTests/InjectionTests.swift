import CodeGenerator
import Foundation
import SmithyModel
import TestSupport
import XCTest

/// Model text never becomes code. `hostile-text.json` puts the marker `INJECT`, wrapped in quotes, line
/// breaks of every kind, NUL, bidi controls, `*/`, `"""`, `\(`, `#if` and `"#`, into every free-text position
/// the generator reads (documentation, titles, deprecation messages, patterns, enum values, defaults, error
/// codes, the endpoint rule set, the service version and signing name). The generated code must keep every
/// marker inside a comment or a string literal, and must declare exactly what the same model with plain text
/// declares. (`.ci/check-generated-models.sh` compiles the hostile client, warning-free.)
final class InjectionTests: XCTestCase {
    private static let marker = "INJECT"

    private func hostileModel() throws -> JSONNode {
        let url = RepositoryPaths.repository("Tests/CodeGeneratorTests/Models/hostile-text.json")
        return try JSONParser.parse(Array(Data(contentsOf: url)))
    }

    /// The same model with each distinct hostile string replaced by a distinct plain one.
    private func plainModel(_ node: JSONNode) -> JSONNode {
        var replacements: [String: String] = [:]
        func walk(_ node: JSONNode) -> JSONNode {
            switch node {
            case .string(let text) where text.contains(Self.marker):
                if let plain = replacements[text] { return .string(plain) }
                let plain = "plain\(replacements.count)"
                replacements[text] = plain
                return .string(plain)
            case .array(let elements):
                return .array(elements.map(walk))
            case .object(let object):
                return .object(JSONObject(object.entries.map { ($0.key, walk($0.value)) }))
            default:
                return node
            }
        }
        return walk(node)
    }

    private func generate(_ node: JSONNode) throws -> (files: [GeneratedFile], diagnostics: [Diagnostic]) {
        let model = try ModelLoader.load(data: Data(JSONWriter.compact(node).utf8))
        let collector = DiagnosticCollector()
        let files = try GeneratorFixture.generator().generate(model: model, diagnostics: collector)
        return (files, collector.diagnostics)
    }

    func testHostileTextStaysInsideCommentsAndLiterals() throws {
        let (files, diagnostics) = try generate(hostileModel())
        XCTAssertEqual(diagnostics, [], "every hostile pattern is still checked")
        var markersInComments = 0, markersInLiterals = 0
        for file in files {
            let scanner = try SwiftTokenScanner.scan(file.contents)
            for token in scanner.tokens {
                switch token {
                case .code(let text):
                    XCTAssertFalse(text.contains(Self.marker), "\(file.path): model text became code: \(text)")
                case .literal(let text):
                    if text.contains(Self.marker) { markersInLiterals += 1 }
                }
            }
            markersInComments += scanner.comments.filter { $0.contains(Self.marker) }.count
            for comment in scanner.comments {
                XCTAssertFalse(comment.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F },
                               "\(file.path): control character in a comment: \(comment)")
            }
        }
        XCTAssertGreaterThan(markersInComments, 30, "the hostile text did reach the comments")
        XCTAssertGreaterThan(markersInLiterals, 15, "the hostile text did reach the literals")
    }

    func testHostileTextDeclaresExactlyWhatPlainTextDeclares() throws {
        let hostile = try generate(hostileModel()).files
        let plain = try generate(plainModel(hostileModel())).files
        XCTAssertEqual(hostile.map(\.path), plain.map(\.path))
        for (hostileFile, plainFile) in zip(hostile, plain) {
            let hostileTokens = try SwiftTokenScanner.scan(hostileFile.contents).tokens.map(Self.shape)
            let plainTokens = try SwiftTokenScanner.scan(plainFile.contents).tokens.map(Self.shape)
            XCTAssertEqual(hostileTokens, plainTokens, "\(hostileFile.path) declares something else than with plain text")
        }
    }

    func testProtocolTestIdsAndDocumentationStayInCommentsAndLiterals() throws {
        guard case .object(var document) = try hostileModel(), case .object(var shapes)? = document["shapes"],
              case .object(var operation)? = shapes["h.x#DoThing"], case .object(var traits)? = operation["traits"]
        else { return XCTFail("unexpected fixture layout") }
        let hostileID = "INJECT\"\n}\nfunc injectedTest() {}\n//\u{2028}"
        traits["smithy.test#httpRequestTests"] = .array([.object(JSONObject([
            ("id", .string(hostileID)), ("documentation", .string(hostileID)),
            ("protocol", .string("aws.protocols#awsJson1_1")), ("method", .string("POST")), ("uri", .string("/")),
            ("params", .object(JSONObject([("label", .string("abc"))]))),
        ]))])
        operation["traits"] = .object(traits)
        shapes["h.x#DoThing"] = .object(operation)
        document["shapes"] = .object(shapes)
        let model = try ModelLoader.load(data: Data(JSONWriter.compact(.object(document)).utf8))
        let files = try GeneratorFixture.generator().generateTests(model: model)
        XCTAssertTrue(files.contains { $0.path == "ProtocolTests.swift" })
        for file in files {
            for case .code(let text) in try SwiftTokenScanner.scan(file.contents).tokens {
                XCTAssertFalse(text.contains(Self.marker), "\(file.path): model text became code: \(text)")
            }
        }
    }

    /// A token with literal contents left out: what the code declares and does, not what its strings say.
    /// Pattern properties are numbered in the order of their texts, which plain text changes.
    private static func shape(_ token: SwiftTokenScanner.Token) -> String {
        switch token {
        case .code(let text) where text.hasPrefix("pattern") && Int(text.dropFirst("pattern".count)) != nil:
            return "pattern#"
        case .code(let text): return text
        case .literal: return "\"…\""
        }
    }
}
