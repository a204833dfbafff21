import AWSRuntime
import CodeGenerator
import Foundation
import SmithyModel
import WaiterExample
import XCTest

/// The waiters generated from `Tests/CodeGeneratorTests/Models/waiters.json`, whose matchers were compiled into
/// Swift, must end every wait as the reference JMESPath evaluator says the model's matchers do: the same output
/// JSON is decoded into the typed output for the generated waiter, and evaluated as JSON by the reference.
///
/// Built and run by `.ci/check-generated-models.sh`, which generates the `WaiterExample` module this imports.
final class WaiterDifferentialTests: XCTestCase {
    /// A client that answers every call with one output, as a user's unit test would stub it.
    struct StubFleets: WaiterExampleClientProtocol {
        let output: DescribeFleetOutput
        func describeFleet(_ input: DescribeFleetInput) async throws -> DescribeFleetOutput { output }
    }

    /// How one wait ends after one attempt (`maxWaitTime: .zero`): a retry state and no match both time out.
    enum Outcome: Hashable, CustomStringConvertible {
        case success
        case failure(acceptor: String)
        case timedOut

        var description: String {
            switch self {
            case .success: "success"
            case .failure(let acceptor): "failure (\(acceptor))"
            case .timedOut: "timed out"
            }
        }
    }

    typealias Wait = @Sendable (StubFleets, DescribeFleetInput) async throws -> Void

    /// Every waiter in the model; the test fails if the model has one this table lacks.
    static let waits: [String: Wait] = [
        "FleetActive": { _ = try await $0.waitUntilFleetActive($1, maxWaitTime: .zero) },
        "InstancesRunning": { _ = try await $0.waitUntilInstancesRunning($1, maxWaitTime: .zero) },
        "NamesReady": { _ = try await $0.waitUntilNamesReady($1, maxWaitTime: .zero) },
        "MatrixDone": { _ = try await $0.waitUntilMatrixDone($1, maxWaitTime: .zero) },
        "Healthy": { _ = try await $0.waitUntilHealthy($1, maxWaitTime: .zero) },
        "Echoed": { _ = try await $0.waitUntilEchoed($1, maxWaitTime: .zero) },
        "Gone": { _ = try await $0.waitUntilGone($1, maxWaitTime: .zero) },
        "HasGroups": { _ = try await $0.waitUntilHasGroups($1, maxWaitTime: .zero) },
        "BigAndFew": { _ = try await $0.waitUntilBigAndFew($1, maxWaitTime: .zero) },
        "MatrixFilled": { _ = try await $0.waitUntilMatrixFilled($1, maxWaitTime: .zero) },
        "BigGroup": { _ = try await $0.waitUntilBigGroup($1, maxWaitTime: .zero) },
        "SomeRunning": { _ = try await $0.waitUntilSomeRunning($1, maxWaitTime: .zero) },
        "NameListed": { _ = try await $0.waitUntilNameListed($1, maxWaitTime: .zero) },
        "Labelled": { _ = try await $0.waitUntilLabelled($1, maxWaitTime: .zero) },
        "LastInstanceRunning": { _ = try await $0.waitUntilLastInstanceRunning($1, maxWaitTime: .zero) },
        "Sized": { _ = try await $0.waitUntilSized($1, maxWaitTime: .zero) },
        "Unset": { _ = try await $0.waitUntilUnset($1, maxWaitTime: .zero) },
        "LabelEchoed": { _ = try await $0.waitUntilLabelEchoed($1, maxWaitTime: .zero) },
        "AnyGroupFilled": { _ = try await $0.waitUntilAnyGroupFilled($1, maxWaitTime: .zero) },
        "Piped": { _ = try await $0.waitUntilPiped($1, maxWaitTime: .zero) },
    ]

    func testEveryWaiterEndsAsTheReferenceEvaluatorSays() async throws {
        let waiters = try Self.modelWaiters()
        XCTAssertEqual(Set(waiters.keys), Set(Self.waits.keys), "the table lists exactly the model's waiters")
        var random = SampleRandom(seed: 20_261_204)
        var samples = Self.handWrittenSamples
        for _ in 0..<400 { samples.append((SampleRandom.name(&random), SampleRandom.fleetOutput(&random))) }

        var compared = 0
        var disagreements: [String] = []
        var seen: [String: Set<Outcome>] = [:]
        for (name, outputJSON) in samples {
            let data = try JSONSerialization.data(withJSONObject: outputJSON, options: [.sortedKeys])
            let output = try AWSJSONCoding.makeDecoder().decode(DescribeFleetOutput.self, from: data)
            let outputValue = JMESValue(try JSONParser.parse(Array(data)))
            let inputValue = JMESValue.object([(key: "name", value: .string(name))])
            let client = StubFleets(output: output)
            for (waiterName, acceptors) in waiters.sorted(by: { $0.key < $1.key }) {
                let expected = try Self.referenceOutcome(acceptors, input: inputValue, output: outputValue)
                let actual = await Self.run(Self.waits[waiterName]!, client: client, input: DescribeFleetInput(name: name))
                compared += 1
                seen[waiterName, default: []].insert(actual)
                if actual != expected {
                    disagreements.append("\(waiterName) on \(String(decoding: data, as: UTF8.self)) (input \(name)): "
                                         + "generated \(actual), reference \(expected)")
                }
            }
        }
        print("WAITER DIFFERENTIAL: \(waiters.count) waiters × \(samples.count) outputs = \(compared) waits compared, "
              + "\(compared - disagreements.count) agree, \(disagreements.count) disagree")
        for disagreement in disagreements.prefix(20) { XCTFail(disagreement) }
        // Not vacuous: every waiter whose matchers can go both ways was seen to end in more than one way.
        for (waiterName, outcomes) in seen where !["Gone", "Echoed"].contains(waiterName) {
            XCTAssertGreaterThan(outcomes.count, 1, "\(waiterName) always ended \(outcomes): the samples do not exercise it")
        }
    }

    /// The generated waiter's end, after one attempt.
    static func run(_ wait: Wait, client: StubFleets, input: DescribeFleetInput) async -> Outcome {
        do {
            try await wait(client, input)
            return .success
        } catch WaiterError.failureStateMatched(_, let acceptor, _) {
            return .failure(acceptor: acceptor)
        } catch {
            return .timedOut
        }
    }

    /// What the Smithy waiters spec says one attempt that returned `output` ends in: the first acceptor that
    /// matches decides; a path whose evaluation fails does not match.
    static func referenceOutcome(_ acceptors: [JSONNode], input: JMESValue, output: JMESValue) throws -> Outcome {
        for acceptor in acceptors {
            let state = acceptor.objectValue?["state"]?.stringValue ?? ""
            guard let (kind, matcher) = acceptor.objectValue?["matcher"]?.objectValue?.entries.first else { continue }
            var matched = false
            var description = ""
            switch kind {
            case "success":
                matched = matcher.boolValue == true
                description = matched ? "the call succeeded" : "the call failed"
            case "output", "inputOutput":
                let object = try XCTUnwrap(matcher.objectValue)
                let path = try XCTUnwrap(object["path"]?.stringValue)
                let comparator = try XCTUnwrap(object["comparator"]?.stringValue)
                let expected = try XCTUnwrap(object["expected"]?.stringValue)
                description = "\(path) \(comparator) \(expected)"
                let root = kind == "output" ? output : .object([(key: "input", value: input), (key: "output", value: output)])
                if let value = try? JMESPathEvaluator.evaluate(try JMESPathParser.parse(path), root) {
                    matched = compare(value, comparator, expected)
                }
            default:
                matched = false  // errorType: the call succeeded
            }
            guard matched else { continue }
            switch state {
            case "success": return .success
            case "failure": return .failure(acceptor: description)
            default: return .timedOut
            }
        }
        return .timedOut
    }

    static func compare(_ value: JMESValue, _ comparator: String, _ expected: String) -> Bool {
        switch comparator {
        case "stringEquals": return value == .string(expected)
        case "booleanEquals": return value == .bool(expected == "true")
        case "allStringEquals":
            guard case .array(let elements) = value, !elements.isEmpty else { return false }
            return elements.allSatisfy { $0 == .string(expected) }
        case "anyStringEquals":
            guard case .array(let elements) = value else { return false }
            return elements.contains(.string(expected))
        default: return false
        }
    }

    /// The waiters of waiters.json: name → acceptors.
    static func modelWaiters() throws -> [String: [JSONNode]] {
        // This file is copied to .build-generated/Checks/<target>/ inside the checkout.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let model = try JSONParser.parse(Array(try Data(contentsOf: root.appendingPathComponent(
            "Tests/CodeGeneratorTests/Models/waiters.json"))))
        let trait = model.objectValue?["shapes"]?.objectValue?["example.waiters#DescribeFleet"]?
            .objectValue?["traits"]?.objectValue?["smithy.waiters#waitable"]?.objectValue
        var waiters: [String: [JSONNode]] = [:]
        for (name, waiter) in try XCTUnwrap(trait).entries {
            waiters[name] = waiter.objectValue?["acceptors"]?.arrayValue ?? []
        }
        return waiters
    }

    /// Edges written out: missing parents, empty lists, nulls in the sparse list, one of each state.
    static var handWrittenSamples: [(String, [String: Any])] {
        [
        ("x", [:]),
        ("x", ["fleet": [:] as [String: Any]]),
        ("prod-1", ["fleet": ["state": "active", "healthy": true, "label": "prod-1", "size": 2, "capacity": 2, "load": 0.5,
                              "tier": 2, "names": ["ready", NSNull()], "matrix": [["done"], ["done"]],
                              "groups": [["instances": [["state": ["name": "running"]], ["state": ["name": "running"]]]]]] as [String: Any]]),
        ("dev", ["fleet": ["state": "failed", "healthy": false, "groups": [] as [Any], "names": [] as [Any], "matrix": [] as [Any]] as [String: Any]]),
        ("dev", ["fleet": ["groups": [["instances": [] as [Any]], [:] as [String: Any]],
                           "names": Array(repeating: NSNull(), count: 11) as [Any]] as [String: Any]]),
        ("x", ["fleet": ["state": "pending", "size": 1, "groups": [["instances": [["state": [:] as [String: Any]],
                                                                                 ["state": ["name": "terminated"]],
                                                                                 ["state": ["name": "running"]]]]]] as [String: Any]]),
        ]
    }
}

/// Seeded random sample outputs (SplitMix64, so a failure reproduces).
struct SampleRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }

    static func name(_ random: inout SampleRandom) -> String { ["x", "prod-1", "dev"][random.next(3)] }

    static func fleetOutput(_ random: inout SampleRandom) -> [String: Any] {
        guard random.chance(92) else { return [:] }
        var fleet: [String: Any] = [:]
        func maybe(_ key: String, _ percent: Int = 70, _ value: (inout SampleRandom) -> Any) {
            if random.chance(percent) { fleet[key] = value(&random) }
        }
        maybe("state") { ["active", "failed", "pending"][$0.next(3)] }
        maybe("healthy") { $0.chance(50) }
        maybe("label") { ["prod-1", "dev", "x", "production"][$0.next(4)] }
        maybe("size") { $0.next(5) }
        maybe("capacity") { $0.next(5) }
        maybe("load") { [0.5, 1.25, 0][$0.next(3)] }
        maybe("tier") { [1, 2][$0.next(2)] }
        maybe("names") { random in
            (0..<random.next(13)).map { _ -> Any in random.chance(25) ? NSNull() : ["ready", "busy"][random.next(2)] }
        }
        maybe("matrix") { random in
            (0..<random.next(4)).map { _ in (0..<random.next(4)).map { _ in ["done", "todo"][random.next(2)] } }
        }
        maybe("groups", 80) { random in
            (0..<random.next(4)).map { _ -> [String: Any] in
                guard random.chance(80) else { return [:] }
                return ["instances": (0..<random.next(5)).map { _ -> [String: Any] in
                    random.chance(85) ? ["state": ["name": ["running", "terminated", "pending"][random.next(3)]]] : ["state": [:] as [String: Any]]
                }]
            }
        }
        return ["fleet": fleet]
    }
}
