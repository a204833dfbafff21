import Foundation
import SmithyModel

/// The model's `smithy.test#eventStreamTests` client cases as XCTest methods: the client reads the `response`
/// events from a canned response body (their `bytes`) and must decode them into the expected union values or fail
/// as expected; it sends the `request` events given as input, and the body it sends must hold them, signed.
struct EventStreamTestCase {
    var methodName: String
    let documentation: [String]
    let skipReason: String?
    let responseLiteral: String
    /// The call, binding `output` when the case reads it.
    let callStatement: String
    /// `output.stream` when the case reads the output's events.
    let streamProperty: String?
    let eventTypeName: String
    let expectedEventsLiteral: String
    /// `XCTAssertEqual(output.member, value)` for each initial-response member.
    let outputChecks: [String]
    let expectsFailure: Bool
    /// The error code the failure must carry, when the case names its error.
    let errorCodeName: String?
    /// Whether the sent request is checked: its events, and the initial request.
    let checksRequest: Bool
    let sentEventsLiteral: String
    let initialRequestCheck: InitialRequestCheck?

    struct InitialRequestCheck {
        let methodLiteral: String
        let uriLiteral: String
        let headersLiteral: String
    }
}

/// Builds ``EventStreamTestCase``s for one operation.
struct EventStreamTestCaseBuilder {
    let context: ServiceContext
    let builder: ValueExpressionBuilder

    /// Why a case cannot be built.
    struct Unbuildable: Error {
        let reason: String
    }

    func testCase(_ test: JSONNode, operation: OperationViewModel, input: Shape?, output: Shape?) throws -> EventStreamTestCase {
        let id = test["id"]?.stringValue ?? operation.name
        let events = test["events"]?.arrayValue ?? []
        let requestEvents = events.filter { $0["type"]?.stringValue == "request" }
        let responseEvents = events.filter { $0["type"]?.stringValue == "response" }
        let inputStream = input.flatMap(streamMember)
        let outputStream = output.flatMap(streamMember)

        // The input: the initial request's members, and the request events as its stream.
        var inputValues = test["initialRequestParams"]?.objectValue ?? JSONObject()
        if let inputStream, !requestEvents.isEmpty {
            inputValues[inputStream.member.name] = .array(requestEvents.map { $0["params"] ?? .null })
        }
        let argument = try input.map { try builder.structure($0, values: inputValues) } ?? ""

        let expectation = test["expectation"]
        let expectsFailure = expectation?["failure"] != nil
        let errorCodeName = expectation?["failure"]?["errorId"]?.stringValue.map { errorID in
            SwiftNaming.escapedMember(SwiftNaming.lowerCamel(String(errorID.split(separator: "#").last ?? "")))
        }

        // A case reads the output's events unless it is about what the client sends.
        let readsOutput = outputStream != nil && requestEvents.isEmpty && test["initialRequest"] == nil
        let initialResponse = test["initialResponseParams"]?.objectValue ?? JSONObject()
        var outputChecks: [String] = []
        if let output {
            for entry in initialResponse.entries {
                guard let member = output.member(named: entry.key) else {
                    throw Unbuildable(reason: "the output has no member \(entry.key)")
                }
                let view = MemberViewModel(member: member, in: output, context: context, recursion: context.recursion)
                outputChecks.append(
                    "XCTAssertEqual(output.\(view.propertyName), \(try builder.expression(for: entry.value, target: member.target)))")
            }
        }
        let bindsOutput = operation.hasOutput && (readsOutput || !outputChecks.isEmpty)
        let checksRequest = inputStream != nil && !expectsFailure && (!requestEvents.isEmpty || test["initialRequest"] != nil)
        // A case about the request ignores the canned response, which need not decode into the output (a required
        // initial-response member it lacks): a request never sent fails the case instead.
        let attempt = checksRequest && !bindsOutput ? "_ = try?" : (bindsOutput ? "let output = try" : operation.hasOutput ? "_ = try" : "try")
        let call = "\(attempt) await client.\(operation.methodName)(\(argument))"

        var expected: [String] = []
        if readsOutput, let outputStream, !expectsFailure {
            // An event without params is unmodelled (awsJson's initial-response): it is not one of the events.
            for event in responseEvents {
                guard let params = event["params"] else { continue }
                expected.append(try builder.expression(for: params, target: outputStream.union.id))
            }
        }
        let initialRequest = test["initialRequest"]
        return EventStreamTestCase(
            methodName: SmithyIdentifier.isValid(id) ? "test_" + id : "test_case",
            documentation: DocComment.lines([id + ": " + (test["documentation"]?.stringValue ?? id)
                .split(whereSeparator: \.isNewline).joined(separator: " ")]),
            skipReason: ProtocolTestSkips.reason(for: id).map(SwiftLiteral.string),
            responseLiteral: responseLiteral(test["initialResponse"], events: responseEvents),
            callStatement: call,
            streamProperty: readsOutput ? outputStream.map { "output.\($0.propertyName)" } : nil,
            eventTypeName: outputStream.map { context.names[$0.union.id] ?? $0.union.id.name } ?? "Never",
            expectedEventsLiteral: "[" + expected.joined(separator: ", ") + "]",
            outputChecks: expectsFailure ? [] : outputChecks,
            expectsFailure: expectsFailure, errorCodeName: errorCodeName,
            checksRequest: checksRequest,
            sentEventsLiteral: "[" + requestEvents.map(sentEvent).joined(separator: ", ") + "]",
            initialRequestCheck: initialRequest.map { request in
                EventStreamTestCase.InitialRequestCheck(
                    methodLiteral: SwiftLiteral.string(request["method"]?.stringValue ?? "POST"),
                    uriLiteral: SwiftLiteral.string(request["uri"]?.stringValue ?? "/"),
                    headersLiteral: stringMap(request["headers"]))
            })
    }

    /// The structure's event stream member: its name, its Swift property and the union.
    private func streamMember(of structure: Shape) -> (member: Member, propertyName: String, union: Shape)? {
        for member in structure.members {
            guard let target = context.model.shape(member.target), context.isEventStream(target) else { continue }
            return (member, SwiftNaming.escapedMember(SwiftNaming.lowerCamel(member.name)), target)
        }
        return nil
    }

    /// The initial response as given, else a 200 whose body is the response events' bytes, back to back.
    private func responseLiteral(_ initial: JSONNode?, events: [JSONNode]) -> String {
        if let initial, initial["body"] != nil || initial["code"]?.intValue != 200 || events.isEmpty {
            let status = initial["code"]?.intValue ?? 200
            let body = initial["body"]?.stringValue ?? ""
            return "HTTPResponse(statusCode: \(status), headers: \(stringMap(initial["headers"])), body: Data(\(SwiftLiteral.raw(body)).utf8))"
        }
        var bytes = Data()
        for event in events {
            bytes += Data(base64Encoded: event["bytes"]?.stringValue ?? "") ?? Data()
        }
        return "HTTPResponse(statusCode: 200, headers: \(stringMap(initial?["headers"])), "
            + "body: Data(base64Encoded: \(SwiftLiteral.string(bytes.base64EncodedString()))) ?? Data())"
    }

    /// An `ExpectedEvent` literal: the typed headers and the body of a request event.
    private func sentEvent(_ event: JSONNode) -> String {
        var headers: [String] = []
        for entry in (event["headers"]?.objectValue ?? JSONObject()).entries {
            guard let typed = entry.value.objectValue?.entries.first else { continue }
            headers.append("\(SwiftLiteral.string(entry.key)): \(headerValue(type: typed.key, typed.value))")
        }
        let body = event["body"]?.stringValue.map(SwiftLiteral.raw) ?? "nil"
        let mediaType = event["bodyMediaType"]?.stringValue.map(SwiftLiteral.string) ?? "nil"
        return "ProtocolTestAssertions.ExpectedEvent(headers: [\(headers.isEmpty ? ":" : headers.joined(separator: ", "))], "
            + "body: \(body), bodyMediaType: \(mediaType))"
    }

    private func headerValue(type: String, _ value: JSONNode) -> String {
        switch (type, value) {
        case ("boolean", .bool(let flag)): return ".bool(\(flag))"
        case ("byte", .number(let text)): return ".byte(\(text))"
        case ("short", .number(let text)): return ".short(\(text))"
        case ("integer", .number(let text)): return ".int(\(text))"
        case ("long", .number(let text)): return ".long(\(text))"
        case ("blob", .string(let text)): return ".bytes(Data(base64Encoded: \(SwiftLiteral.string(text))) ?? Data())"
        case ("timestamp", .number(let text)): return ".timestamp(Date(timeIntervalSince1970: \(text)))"
        case ("timestamp", .string(let text)): return ".timestamp(AWSJSONCoding.timestamp(\(SwiftLiteral.string(text))))"
        default: return ".string(\(SwiftLiteral.string(value.stringValue ?? "")))"
        }
    }

    private func stringMap(_ node: JSONNode?) -> String {
        guard let object = node?.objectValue, !object.isEmpty else { return "[:]" }
        return "[" + object.entries.map { "\(SwiftLiteral.string($0.key)): \(SwiftLiteral.string($0.value.stringValue ?? ""))" }
            .joined(separator: ", ") + "]"
    }
}
