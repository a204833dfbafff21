import Foundation
import XCTest

@testable import AWSRuntime

/// Runs rule-set test cases in the shared `endpointTests` format:
/// `{documentation, params, expect: {endpoint: {url, headers, properties}} | {error}}`.
struct EndpointTestCaseRunner {
    /// One failed case, with what was expected and what happened.
    struct Failure: CustomStringConvertible {
        let documentation: String
        let expected: String
        let actual: String
        var description: String { "\(documentation)\n    expected: \(expected)\n    actual:   \(actual)" }
    }

    let evaluator: EndpointRuleEvaluator

    init(ruleSet: EndpointRuleSet, partitions: AWSPartitionTable = .standard) {
        evaluator = EndpointRuleEvaluator(ruleSet: ruleSet, partitions: partitions)
    }

    /// Runs one case; returns `nil` when it passes.
    func run(_ testCase: JSONValue) -> Failure? {
        let documentation = testCase["documentation"]?.stringValue ?? "(undocumented case)"
        let parameters = EndpointParameters(testCase["params"]?.objectValue ?? [:])
        let outcome: Result<ResolvedEndpoint, any Error> = Result { try evaluator.resolve(parameters) }
        let expect = testCase["expect"]
        if let expectedError = expect?["error"]?.stringValue {
            if case .failure(EndpointError.ruleSetError(let message)) = outcome, message == expectedError {
                return nil
            }
            return Failure(documentation: documentation, expected: "error \(expectedError)", actual: describe(outcome))
        }
        guard let expectedEndpoint = expect?["endpoint"], let url = expectedEndpoint["url"]?.stringValue else {
            return Failure(documentation: documentation, expected: "(malformed expectation)", actual: describe(outcome))
        }
        var headers: [String: [String]] = [:]
        for (name, values) in expectedEndpoint["headers"]?.objectValue ?? [:] {
            headers[name] = values.arrayValue?.compactMap(\.stringValue) ?? []
        }
        let expected = ResolvedEndpoint(
            url: url, headers: headers, properties: expectedEndpoint["properties"]?.objectValue ?? [:])
        if case .success(let actual) = outcome, actual == expected { return nil }
        return Failure(documentation: documentation, expected: describe(.success(expected)), actual: describe(outcome))
    }

    private func describe(_ outcome: Result<ResolvedEndpoint, any Error>) -> String {
        switch outcome {
        case .success(let endpoint):
            let headers = JSONValue.object(endpoint.headers.mapValues { .array($0.map(JSONValue.string)) })
            return "endpoint \(endpoint.url) headers \(headers.jsonText) properties "
                + JSONValue.object(endpoint.properties).jsonText
        case .failure(let error):
            return "\(type(of: error)) \(error)"
        }
    }
}
