import SmithyModel

/// One `smithy.waiters#waitable` waiter: a `waitUntil<Name>(_:maxWaitTime:)` method on the client protocol whose
/// acceptors are compiled into Swift over the typed input and output (see ``WaiterPathCompiler``).
struct WaiterViewModel {
    let methodName: String
    let nameLiteral: String
    let documentation: [String]
    let operationMethod: String
    let inputType: String
    let outputType: String
    let hasInput: Bool
    let minDelaySeconds: Int
    let maxDelaySeconds: Int
    let acceptors: [WaiterAcceptorViewModel]
    var isFollowing = false

    /// The waiters of `operation`; a waiter whose matchers cannot be compiled is left out with a warning.
    static func waiters(of operation: Shape, context: ServiceContext, recursion: RecursionAnalysis) -> [WaiterViewModel] {
        guard let trait = operation.traits[TraitID.waitable]?.objectValue else { return [] }
        let input = operation.input.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
        let output = operation.output.flatMap { $0 == ShapeID.unit ? nil : context.model.shape($0) }
        var waiters: [WaiterViewModel] = []
        for (name, specification) in trait.entries {
            func skip(_ reason: String) {
                context.diagnostics.warning(
                    "waiter \(SmithyIdentifier.quoted(name)) is left out: \(reason)", shape: operation.id,
                    path: JSONPath.key(JSONPath.key(JSONPath.key(operation.jsonPath, "traits"), TraitID.waitable), name))
            }
            guard SmithyIdentifier.isValid(name), name.first?.isUppercase == true else {
                skip("its name is not an identifier starting with a capital letter")
                continue
            }
            var acceptors: [WaiterAcceptorViewModel] = []
            var problem: String?
            for acceptor in specification["acceptors"]?.arrayValue ?? [] {
                switch WaiterAcceptorViewModel.make(acceptor, input: input, output: output, context: context, recursion: recursion) {
                case .success(let compiled): acceptors.append(compiled)
                case .failure(let reason): problem = problem ?? reason.message
                }
            }
            if let problem {
                skip(problem)
                continue
            }
            guard !acceptors.isEmpty else {
                skip("it has no acceptors")
                continue
            }
            let minDelay = specification["minDelay"]?.intValue ?? 2
            let maxDelay = specification["maxDelay"]?.intValue ?? 120
            guard minDelay >= 1, maxDelay >= minDelay, maxDelay <= 86_400 else {
                skip("minDelay \(minDelay) and maxDelay \(maxDelay) are not 1 ≤ minDelay ≤ maxDelay ≤ 86400 seconds")
                continue
            }
            let methodName = SwiftNaming.lowerCamel(operation.id.name)
            var docs = DocumentationFormatter.lines(specification["documentation"]?.stringValue)
            if !docs.isEmpty { docs.append("") }
            docs.append("Calls `\(methodName)(_:)` until the resource is in the state waited for, every \(minDelay) to "
                        + "\(maxDelay) seconds, for at most `maxWaitTime`; throws `WaiterError` when a failure state "
                        + "is reached, an unexpected error comes back or the time is up.")
            waiters.append(WaiterViewModel(
                methodName: "waitUntil" + name, nameLiteral: SwiftLiteral.string(name), documentation: DocComment.lines(docs),
                operationMethod: SwiftNaming.escapedMember(methodName),
                inputType: input.flatMap { context.names[$0.id] } ?? "EmptyInput",
                outputType: output.flatMap { context.names[$0.id] } ?? "EmptyOutput", hasInput: input != nil,
                minDelaySeconds: minDelay, maxDelaySeconds: maxDelay, acceptors: acceptors))
        }
        return waiters
    }
}

/// One acceptor: its state, the matcher as the model writes it, and the Swift that tests it.
struct WaiterAcceptorViewModel {
    let state: String
    let descriptionLiteral: String
    /// A condition on `output` (and `input`), for output and inputOutput matchers.
    let outputCondition: String?
    /// `let output` when the condition reads the output, else `_` (an inputOutput path on the input alone).
    var outputPattern = "let output"
    /// The error code literal, for errorType matchers.
    let errorCode: String?
    /// `true` or `false`, for the success matcher.
    let successCondition: String?

    struct Unsupported: Error {
        var message: String
    }

    static func make(_ node: JSONNode, input: Shape?, output: Shape?, context: ServiceContext,
                     recursion: RecursionAnalysis) -> Result<WaiterAcceptorViewModel, Unsupported> {
        guard let state = node["state"]?.stringValue, ["success", "failure", "retry"].contains(state),
              let matcher = node["matcher"]?.objectValue, let (kind, body) = matcher.entries.first.map({ ($0.key, $0.value) })
        else { return .failure(Unsupported(message: "an acceptor has no valid state and matcher")) }
        switch kind {
        case "success":
            guard let expected = body.boolValue else { return .failure(Unsupported(message: "a success matcher is not a boolean")) }
            return .success(WaiterAcceptorViewModel(
                state: state, descriptionLiteral: SwiftLiteral.string(expected ? "the call succeeded" : "the call failed"),
                outputCondition: nil, errorCode: nil,
                successCondition: expected ? "(try? result.get()) != nil" : "(try? result.get()) == nil"))
        case "errorType":
            guard let code = body.stringValue else { return .failure(Unsupported(message: "an errorType matcher is not a string")) }
            return .success(WaiterAcceptorViewModel(
                state: state, descriptionLiteral: SwiftLiteral.string("error \(code)"), outputCondition: nil,
                errorCode: SwiftLiteral.string(code), successCondition: nil))
        case "output", "inputOutput":
            guard let path = body["path"]?.stringValue, let comparator = body["comparator"]?.stringValue,
                  let expected = body["expected"]?.stringValue else {
                return .failure(Unsupported(message: "a \(kind) matcher lacks its path, comparator or expected value"))
            }
            var roots: [String: Shape] = [:]
            if kind == "output" { roots[""] = output } else { roots["input"] = input; roots["output"] = output }
            do {
                let condition = try WaiterPathCompiler(context: context, recursion: recursion).condition(
                    path: path, comparator: comparator, expected: expected, roots: roots)
                var compiled = WaiterAcceptorViewModel(
                    state: state, descriptionLiteral: SwiftLiteral.string("\(path) \(comparator) \(expected)"),
                    outputCondition: condition.code, errorCode: nil, successCondition: nil)
                if !condition.readsOutput { compiled.outputPattern = "_" }
                return .success(compiled)
            } catch {
                return .failure(error)
            }
        default:
            return .failure(Unsupported(message: "the \(SmithyIdentifier.quoted(kind)) matcher is not known"))
        }
    }
}
