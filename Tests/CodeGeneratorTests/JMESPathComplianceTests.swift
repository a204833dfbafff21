import CodeGenerator
import Foundation
import SmithyModel
import TestSupport
import XCTest

/// The JMESPath layer on the official JMESPath compliance suite (`../shared/testdata/jmespath`): every case's
/// expression is parsed, and evaluated on its document; a result must equal the expected one, an error must
/// be of the expected kind. Benchmark cases have no expected result: they are parsed and evaluated only.
final class JMESPathComplianceTests: XCTestCase {
    /// A model's waiter path is input: nesting without end is a syntax error, never a stack overflow.
    func testDeepNestingIsASyntaxErrorNotACrash() {
        for path in [String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000),
                     String(repeating: "!", count: 100_000) + "a", String(repeating: "[", count: 100_000),
                     (0..<50_000).map { "a\($0)" }.joined(separator: " || ")] {
            XCTAssertThrowsError(try JMESPathParser.parse(path)) { error in
                XCTAssertEqual((error as? JMESPathError)?.kind, .syntax)
            }
        }
    }

    func testComplianceSuite() throws {
        guard let folder = RepositoryPaths.sharedFile("testdata/jmespath") else {
            throw XCTSkip("../shared/testdata/jmespath is missing")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var ran = 0
        var failures: [String] = []
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            guard case .array(let groups) = try JSONParser.parse(Array(data)) else { continue }
            var fileRan = 0
            var fileFailed = 0
            for group in groups {
                let given = JMESValue(group.objectValue?["given"] ?? .null)
                for testCase in group.objectValue?["cases"]?.arrayValue ?? [] {
                    guard let object = testCase.objectValue, let expression = object["expression"]?.stringValue else { continue }
                    ran += 1
                    fileRan += 1
                    let outcome: Result<JMESValue, JMESPathError>
                    do {
                        outcome = .success(try JMESPathEvaluator.evaluate(try JMESPathParser.parse(expression), given))
                    } catch {
                        outcome = .failure(error)
                    }
                    let problem: String?
                    switch (outcome, object["error"]?.stringValue, object["result"]) {
                    case (.failure(let error), let kind?, _):
                        problem = error.kind.rawValue == kind ? nil : "error \(error), expected \(kind)"
                    case (.success(let value), nil, let expected?):
                        problem = value == JMESValue(expected) ? nil : "got \(value.json), expected \(JMESValue(expected).json)"
                    case (.success, nil, nil):
                        problem = object["bench"] == nil ? "no expectation" : nil
                    case (.success(let value), let kind?, _):
                        problem = "got \(value.json), expected error \(kind)"
                    case (.failure(let error), nil, _):
                        problem = object["bench"] == nil ? "unexpected error \(error)" : "benchmark case failed: \(error)"
                    }
                    if let problem {
                        fileFailed += 1
                        failures.append("\(file): \(expression): \(problem)")
                    }
                }
            }
            print("JMESPATH COMPLIANCE \(file): ran \(fileRan), passed \(fileRan - fileFailed), failed \(fileFailed)")
        }
        print("JMESPATH COMPLIANCE total: ran \(ran), passed \(ran - failures.count), failed \(failures.count), skipped 0")
        XCTAssertGreaterThan(ran, 900)
        for failure in failures.prefix(60) { XCTFail(failure) }
    }
}
