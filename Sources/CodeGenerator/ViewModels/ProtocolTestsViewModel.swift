import SmithyModel

/// The model's `smithy.test#httpRequestTests` and `smithy.test#httpResponseTests` for the service's protocol, as
/// two XCTest classes: requests the client must send, and responses (outputs and errors) it must decode.
///
/// Cases that apply only to servers are not generated; the rest run against a recording transport.
struct ProtocolTestsViewModel {
    struct RequestCase {
        var methodName: String
        let documentation: [String]
        let skipReason: String?
        /// The client configuration: `transport.configuration(endpoint: …)`, or from the case's AWS config
        /// vendor parameters (region, S3 addressing style, dual-stack, accelerate).
        let configurationExpression: String
        /// `_ = try await client.op(Input(…))` or `try await client.op()`.
        let callStatement: String
        let methodLiteral: String
        let uriLiteral: String
        let queryParamsLiteral: String
        let forbidQueryParamsLiteral: String
        let requireQueryParamsLiteral: String
        let headersLiteral: String
        let forbidHeadersLiteral: String
        let requireHeadersLiteral: String
        let bodyLiteral: String
        let bodyMediaTypeLiteral: String
        let resolvedHostLiteral: String
    }

    struct ResponseCase {
        var methodName: String
        let documentation: [String]
        let skipReason: String?
        let responseLiteral: String
        /// For output cases: the call, binding `output` when the operation has one.
        let callStatement: String
        let isError: Bool
        /// The expected output; nil when the operation returns nothing.
        let expectedOutput: String?
        /// NaN is not equal to itself, so outputs holding one are compared by their descriptions.
        let comparesDescriptions: Bool
        let errorCodeName: String
        let errorDetails: String
        /// The failure message when the call succeeds instead of throwing the error, as a literal.
        let missingErrorMessage: String
        /// The code an `awsQueryCompatible` test expects (`vendorParams.code`), as a literal.
        let queryErrorCodeLiteral: String?
    }

    let service: ServiceViewModel
    let requestClassName: String
    let responseClassName: String
    let requestCases: [RequestCase]
    let responseCases: [ResponseCase]
    let hasRequestCases: Bool
    let hasResponseCases: Bool
    let eventStreamClassName: String
    let eventStreamCases: [EventStreamTestCase]
    let hasEventStreamCases: Bool

    private static let defaultEndpoint = "https://example.com"

    /// Throws ``ModelError`` when a case's parameters are not values of the shapes they are for.
    init?(reportingTo context: ServiceContext, service: ServiceViewModel) throws(ModelError) {
        do {
            try self.init(context: context, service: service)
        } catch let failure as CaseFailure {
            context.diagnostics.error("protocol test \(SmithyIdentifier.quoted(failure.testID)): \(failure.reason)",
                                      shape: failure.shape, path: failure.path)
            throw ModelError(diagnostics: context.diagnostics.diagnostics)
        } catch {
            context.diagnostics.error("protocol tests: \(error)", shape: context.service.id, path: context.service.jsonPath)
            throw ModelError(diagnostics: context.diagnostics.diagnostics)
        }
    }

    /// A case whose parameters cannot be written as values of their shapes.
    private struct CaseFailure: Error {
        let testID: String
        let reason: String
        let shape: ShapeID
        let path: String
    }

    /// Runs `body` for the test case `test` of `shape`, naming the case in any failure.
    private static func building<Case>(_ test: JSONNode, of shape: Shape, _ body: () throws -> Case) throws -> Case {
        do {
            return try body()
        } catch let error as ValueExpressionBuilder.Unexpressible {
            throw CaseFailure(testID: test["id"]?.stringValue ?? "?", reason: error.reason, shape: shape.id,
                              path: JSONPath.key(shape.jsonPath, "traits"))
        } catch let error as EventStreamTestCaseBuilder.Unbuildable {
            throw CaseFailure(testID: test["id"]?.stringValue ?? "?", reason: error.reason, shape: shape.id,
                              path: JSONPath.key(shape.jsonPath, "traits"))
        }
    }

    private init?(context: ServiceContext, service: ServiceViewModel) throws {
        let protocolID = context.wireProtocol.traitID
        func clientCases(_ shape: Shape, _ trait: String) -> [JSONNode] {
            (shape.traits[trait]?.arrayValue ?? []).filter { test in
                test["appliesTo"]?.stringValue != "server" && test["protocol"]?.stringValue == protocolID
            }
        }
        let recursion = context.recursion
        let builder = ValueExpressionBuilder(context: context, recursion: recursion)
        let operations = Dictionary(uniqueKeysWithValues: service.operations.map { ($0.name, $0) })

        var requests: [RequestCase] = []
        var responses: [ResponseCase] = []
        var eventStreams: [EventStreamTestCase] = []
        let eventStreamBuilder = EventStreamTestCaseBuilder(context: context, builder: builder)
        for operation in context.operations {
            guard let view = operations[operation.id.name] else { continue }
            let input = operation.input.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
            let output = operation.output.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
            for test in clientCases(operation, TraitID.httpRequestTests) {
                requests.append(try Self.building(test, of: operation) {
                    try Self.requestCase(test, operation: view, input: input, builder: builder)
                })
            }
            for test in clientCases(operation, TraitID.httpResponseTests) {
                responses.append(try Self.building(test, of: operation) {
                    try Self.outputCase(test, operation: view, input: input, output: output, builder: builder)
                })
            }
            for test in clientCases(operation, TraitID.eventStreamTests) {
                eventStreams.append(try Self.building(test, of: operation) {
                    try eventStreamBuilder.testCase(test, operation: view, input: input, output: output)
                })
            }
        }
        for error in context.errorShapes {
            let tests = clientCases(error, TraitID.httpResponseTests)
            guard !tests.isEmpty else { continue }
            // The first operation that lists the error; a service-wide error can come from any operation.
            let thrower = context.operations.first { $0.errors.contains(error.id) } ?? context.operations.first
            guard let thrower, let view = operations[thrower.id.name] else { continue }
            let input = thrower.input.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
            for test in tests {
                responses.append(try Self.building(test, of: error) {
                    try Self.errorCase(test, error: error, operation: view, input: input, builder: builder)
                })
            }
        }
        guard !requests.isEmpty || !responses.isEmpty || !eventStreams.isEmpty else { return nil }
        self.service = service
        requestClassName = service.serviceName + "ProtocolRequestTests"
        responseClassName = service.serviceName + "ProtocolResponseTests"
        requestCases = Self.uniqueNames(requests, \.methodName)
        responseCases = Self.uniqueNames(responses, \.methodName)
        hasRequestCases = !requestCases.isEmpty
        hasResponseCases = !responseCases.isEmpty
        eventStreamClassName = service.serviceName + "ProtocolEventStreamTests"
        eventStreamCases = Self.uniqueNames(eventStreams, \.methodName)
        hasEventStreamCases = !eventStreamCases.isEmpty
    }

    // MARK: - Cases

    private static func requestCase(_ test: JSONNode, operation: OperationViewModel, input: Shape?,
                                    builder: ValueExpressionBuilder) throws -> RequestCase {
        let id = test["id"]?.stringValue ?? operation.name
        // The request is what is checked: the canned `{}` response need not decode into the output (a required
        // union cannot), so the call's result is ignored and a missing request fails the test instead.
        let call = try callStatement(operation: operation, input: input, params: test["params"], builder: builder,
                                     binding: "_ = ", attempt: "try?")
        return RequestCase(
            methodName: methodName(id),
            documentation: documentation(id: id, test: test),
            skipReason: ProtocolTestSkips.reason(for: id).map(SwiftLiteral.string),
            configurationExpression: configurationExpression(test), callStatement: call,
            methodLiteral: SwiftLiteral.string(test["method"]?.stringValue ?? "POST"),
            uriLiteral: SwiftLiteral.string(test["uri"]?.stringValue ?? "/"),
            queryParamsLiteral: stringArray(test["queryParams"]),
            forbidQueryParamsLiteral: stringArray(test["forbidQueryParams"]),
            requireQueryParamsLiteral: stringArray(test["requireQueryParams"]),
            headersLiteral: headers(test["headers"]),
            forbidHeadersLiteral: stringArray(test["forbidHeaders"]),
            requireHeadersLiteral: stringArray(test["requireHeaders"]),
            bodyLiteral: test["body"]?.stringValue.map(SwiftLiteral.raw) ?? "nil",
            bodyMediaTypeLiteral: test["bodyMediaType"]?.stringValue.map(SwiftLiteral.string) ?? "nil",
            resolvedHostLiteral: test["resolvedHost"]?.stringValue.map(SwiftLiteral.string) ?? "nil")
    }

    private static func outputCase(_ test: JSONNode, operation: OperationViewModel, input: Shape?, output: Shape?,
                                   builder: ValueExpressionBuilder) throws -> ResponseCase {
        let id = test["id"]?.stringValue ?? operation.name
        let call = try callStatement(operation: operation, input: input, params: nil, builder: builder,
                                     binding: operation.hasOutput ? "let output = " : "")
        var expected: String?
        if let output {
            expected = try builder.structure(output, values: test["params"]?.objectValue ?? JSONObject())
        }
        return ResponseCase(
            methodName: methodName(id), documentation: documentation(id: id, test: test),
            skipReason: ProtocolTestSkips.reason(for: id).map(SwiftLiteral.string),
            responseLiteral: responseLiteral(test), callStatement: call, isError: false, expectedOutput: expected,
            comparesDescriptions: containsNaN(test["params"]), errorCodeName: "", errorDetails: "", missingErrorMessage: "",
            queryErrorCodeLiteral: nil)
    }

    private static func errorCase(_ test: JSONNode, error: Shape, operation: OperationViewModel, input: Shape?,
                                  builder: ValueExpressionBuilder) throws -> ResponseCase {
        let id = test["id"]?.stringValue ?? error.id.name
        let call = try callStatement(operation: operation, input: input, params: nil, builder: builder,
                                     binding: operation.hasOutput ? "_ = " : "")
        let codeName = SwiftNaming.escapedMember(SwiftNaming.lowerCamel(error.id.name))
        let details = try builder.structure(error, values: test["params"]?.objectValue ?? JSONObject())
        return ResponseCase(
            methodName: methodName(id), documentation: documentation(id: id, test: test),
            skipReason: ProtocolTestSkips.reason(for: id).map(SwiftLiteral.string),
            responseLiteral: responseLiteral(test), callStatement: call, isError: true, expectedOutput: nil,
            comparesDescriptions: containsNaN(test["params"]), errorCodeName: codeName,
            errorDetails: ".\(codeName)(\(details))",
            missingErrorMessage: SwiftLiteral.string("expected the error \(error.id.name)"),
            queryErrorCodeLiteral: test["vendorParams"]?["code"]?.stringValue.map(SwiftLiteral.string))
    }

    // MARK: - Pieces

    /// The call of the operation, with the input built from `params` (zero values for required members).
    private static func callStatement(operation: OperationViewModel, input: Shape?, params: JSONNode?,
                                      builder: ValueExpressionBuilder, binding: String, attempt: String = "try")
        throws -> String {
        var argument = ""
        if let input {
            argument = try builder.structure(input, values: params?.objectValue ?? JSONObject())
        }
        return "\(binding)\(attempt) await client.\(operation.methodName)(\(argument))"
    }

    private static func endpointLiteral(_ test: JSONNode) -> String {
        SwiftLiteral.string(test["host"]?.stringValue.map { "https://" + $0 } ?? defaultEndpoint)
    }

    /// A case with `aws.protocoltests.config#AwsConfig` vendor parameters configures the client as they say
    /// (operation-scoped settings over client-scoped ones: each case has its own client); others send to their
    /// host.
    private static func configurationExpression(_ test: JSONNode) -> String {
        let scoped = test["vendorParams"]?["scopedConfig"]
        guard let client = scoped?["client"], let region = client["region"]?.stringValue else {
            return "transport.configuration(endpoint: \(endpointLiteral(test)))"
        }
        var s3 = client["s3"]?.objectValue ?? JSONObject()
        for (key, value) in (scoped?["operation"]?["s3"]?.objectValue ?? JSONObject()).entries { s3[key] = value }
        var parameters: [String] = []
        if let style = s3["addressing_style"]?.stringValue, style != "auto" {
            parameters.append("\"ForcePathStyle\": .bool(\(style == "path"))")
        }
        if s3["use_accelerate_endpoint"]?.boolValue == true { parameters.append("\"Accelerate\": .bool(true)") }
        let dualStack = s3["use_dualstack_endpoint"]?.boolValue ?? client["use_dualstack_endpoint"]?.boolValue ?? false
        return "transport.configuration(region: \(SwiftLiteral.string(region)), useDualStack: \(dualStack), "
            + "endpointParameters: [\(parameters.isEmpty ? ":" : parameters.joined(separator: ", "))])"
    }

    private static func responseLiteral(_ test: JSONNode) -> String {
        let status = test["code"]?.intValue ?? 200
        let body = test["body"]?.stringValue ?? ""
        // Binary media types (CBOR) are written base64 in the test.
        let bodyExpression = test["bodyMediaType"]?.stringValue == "application/cbor"
            ? "Data(base64Encoded: \(SwiftLiteral.string(body))) ?? Data()" : "Data(\(SwiftLiteral.raw(body)).utf8)"
        return "HTTPResponse(statusCode: \(status), headers: \(headers(test["headers"])), body: \(bodyExpression))"
    }

    /// `test_AwsJson11Enums`: the test id, when it is an identifier (as every Smithy protocol test id is); any
    /// other id is free text and stays out of code, in the doc comment only: `test_case` (numbered if repeated).
    private static func methodName(_ id: String) -> String {
        SmithyIdentifier.isValid(id) ? "test_" + id : "test_case"
    }

    private static func documentation(id: String, test: JSONNode) -> [String] {
        let text = test["documentation"]?.stringValue ?? id
        return DocComment.lines([id + ": " + text.split(whereSeparator: \.isNewline).joined(separator: " ")])
    }

    private static func headers(_ node: JSONNode?) -> String {
        guard let object = node?.objectValue, !object.isEmpty else { return "[:]" }
        return "[" + object.entries.map { "\(SwiftLiteral.string($0.key)): \(SwiftLiteral.string($0.value.stringValue ?? ""))" }
            .joined(separator: ", ") + "]"
    }

    private static func stringArray(_ node: JSONNode?) -> String {
        "[" + (node?.arrayValue ?? []).compactMap(\.stringValue).map(SwiftLiteral.string).joined(separator: ", ") + "]"
    }

    private static func containsNaN(_ node: JSONNode?) -> Bool {
        switch node {
        case .string(let text)?: return text == "NaN"
        case .array(let elements)?: return elements.contains { containsNaN($0) }
        case .object(let object)?: return object.entries.contains { containsNaN($0.value) }
        default: return false
        }
    }

    /// Suffixes repeated method names (`_2`, `_3`) so every case compiles.
    private static func uniqueNames<Case>(_ cases: [Case], _ name: WritableKeyPath<Case, String>) -> [Case] {
        var seen: [String: Int] = [:]
        return cases.map { testCase in
            var testCase = testCase
            let base = testCase[keyPath: name]
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            if count > 1 { testCase[keyPath: name] = "\(base)_\(count)" }
            return testCase
        }
    }
}
