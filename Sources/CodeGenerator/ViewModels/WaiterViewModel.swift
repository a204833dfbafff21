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

/// Compiles a waiter's JMESPath into a Swift condition over the typed output (and input):
///
/// - member chains: `Table.TableStatus` → `output.table?.tableStatus?.rawValue == "ACTIVE"`;
/// - list projections and flattening, for the `allStringEquals` and `anyStringEquals` comparators:
///   `Reservations[].Instances[].State.Name` → the names of every instance's state, compared with
///   `WaiterMatching.all` / `.any`.
///
/// Other expressions (filters, functions, comparisons inside the path) are reported, and the waiter left out,
/// until they are compiled too.
struct WaiterPathCompiler {
    let context: ServiceContext
    let recursion: RecursionAnalysis

    typealias Unsupported = WaiterAcceptorViewModel.Unsupported

    /// A compiled subexpression: Swift code, and what it evaluates to.
    struct Compiled {
        enum Kind {
            /// One value of `shape`; `optional` when the code yields a Swift optional.
            case value(Shape, optional: Bool)
            /// A non-optional Swift array whose elements are values of `shape` (nulls already dropped).
            case list(Shape)
            /// A non-optional number computed in the path (`length(…)`, a number literal).
            case number
            /// A non-optional Bool computed in the path (a comparison, `&&`, `||`, `!`).
            case boolean
        }
        var code: String
        var kind: Kind
    }

    func condition(path: String, comparator: String, expected: String, roots: [String: Shape?]) throws(Unsupported)
        -> (code: String, readsOutput: Bool)
    {
        let (code, root) = try compileCondition(path: path, comparator: comparator, expected: expected, roots: roots)
        return (code, root == "output")
    }

    /// The condition's code, and the root it reads (`output` or `input`).
    private func compileCondition(path: String, comparator: String, expected: String, roots: [String: Shape?])
        throws(Unsupported) -> (String, String)
    {
        let expression: JMESPathExpression
        do {
            expression = try JMESPathParser.parse(path)
        } catch {
            throw .init(message: "the path \(SmithyIdentifier.quoted(path)) is not JMESPath (\(error))")
        }
        let start: Compiled
        var body = expression
        if let root = roots[""] {
            guard let root else { throw .init(message: "the operation has no output for \(SmithyIdentifier.quoted(path))") }
            start = Compiled(code: "output", kind: .value(root, optional: false))
        } else {
            guard let (name, rest) = Self.splitFirstField(expression), let root = roots[name] ?? nil else {
                throw .init(message: "an inputOutput path must start with input or output")
            }
            start = Compiled(code: name, kind: .value(root, optional: false))
            body = rest
        }
        var closureDepth = 0
        let compiled = try compile(body, base: start, path: path, closureDepth: &closureDepth)
        let literal = SwiftLiteral.string(expected)
        switch (comparator, compiled.kind) {
        case ("stringEquals", .value(let shape, let optional)):
            return (try stringCode(compiled.code, shape: shape, optional: optional, path: path) + " == " + literal, start.code)
        case ("booleanEquals", .boolean):
            guard expected == "true" || expected == "false" else {
                throw .init(message: "booleanEquals with \(SmithyIdentifier.quoted(expected)), which is not true or false")
            }
            return ("(\(compiled.code)) == \(expected)", start.code)
        case ("booleanEquals", .value(let shape, _)):
            guard shape.type == .boolean, expected == "true" || expected == "false" else {
                throw .init(message: "booleanEquals on \(SmithyIdentifier.quoted(path)), which is not a boolean, or with \(SmithyIdentifier.quoted(expected))")
            }
            return ("\(compiled.code) == \(expected)", start.code)
        case ("allStringEquals", .list(let shape)), ("anyStringEquals", .list(let shape)):
            let strings = try stringCode("$0", shape: shape, optional: false, path: path)
            let values = strings == "$0" ? compiled.code : "\(compiled.code).map { \(strings) }"
            return ("WaiterMatching.\(comparator == "allStringEquals" ? "all" : "any")(\(values), equal: \(literal))", start.code)
        default:
            throw .init(message: "the \(SmithyIdentifier.quoted(comparator)) comparator on \(SmithyIdentifier.quoted(path)), which gives \(Self.describe(compiled.kind))")
        }
    }

    /// Code reading a string or string-enum value as a `String` (or `String?` when `optional`).
    private func stringCode(_ code: String, shape: Shape, optional: Bool, path: String) throws(Unsupported) -> String {
        switch shape.type {
        case .string where SwiftTypeResolver(context: context).type(of: shape.id) == "String":
            return code
        case .string, .enum:
            return code + (optional ? "?" : "") + ".rawValue"
        default:
            throw .init(message: "a string comparator on \(SmithyIdentifier.quoted(path)), which is a \(shape.type.rawValue)")
        }
    }

    private func compile(_ expression: JMESPathExpression, base: Compiled, path: String, closureDepth: inout Int) throws(Unsupported)
        -> Compiled
    {
        switch expression {
        case .current:
            return base
        case .field(let name):
            guard case .value(let container, let optional) = base.kind, container.type == .structure,
                  let member = container.member(named: name), let target = context.model.shape(member.target) else {
                throw .init(message: "the path \(SmithyIdentifier.quoted(path)) names \(SmithyIdentifier.quoted(name)), which is not a member there")
            }
            let viewModel = MemberViewModel(member: member, in: container, context: context, recursion: recursion)
            return Compiled(code: base.code + (optional ? "?." : ".") + viewModel.propertyName,
                            kind: .value(target, optional: optional || viewModel.isOptional))
        case .subexpression(let left, let right):
            return try compile(right, base: try compile(left, base: base, path: path, closureDepth: &closureDepth),
                               path: path, closureDepth: &closureDepth)
        case .flatten(let inner):
            let list = try asList(try compile(inner, base: base, path: path, closureDepth: &closureDepth), path: path)
            guard case .list(let element) = list.kind, element.type == .list,
                  let member = element.member(named: "member"), let innerElement = context.model.shape(member.target) else {
                return list
            }
            let flattened = "\(list.code).flatMap { $0 }"
            return Compiled(code: element.traits.isSparse ? "\(flattened).compactMap { $0 }" : flattened, kind: .list(innerElement))
        case .listProjection(let left, let right):
            let list = try asList(try compile(left, base: base, path: path, closureDepth: &closureDepth), path: path)
            guard case .list(let element) = list.kind else { preconditionFailure() }
            if right == .current { return list }
            closureDepth += 1
            let name = "element\(closureDepth)"
            let projected = try compile(right, base: Compiled(code: name, kind: .value(element, optional: false)),
                                        path: path, closureDepth: &closureDepth)
            switch projected.kind {
            case .value(let shape, let optional):
                return Compiled(code: "\(list.code).\(optional ? "compactMap" : "map") { \(name) in \(projected.code) }", kind: .list(shape))
            case .list(let shape):
                // A projection of a projection, flattened as `[]` would; JMESPath keeps them nested, which no
                // string comparator could use.
                return Compiled(code: "\(list.code).flatMap { \(name) in \(projected.code) }", kind: .list(shape))
            case .number, .boolean:
                throw .init(message: "the path \(SmithyIdentifier.quoted(path)) projects a computed value, which is not compiled yet")
            }
        case .function("length", let arguments) where arguments.count == 1:
            let argument = try compile(arguments[0], base: base, path: path, closureDepth: &closureDepth)
            if case .value(let shape, let optional) = argument.kind, shape.type == .string, !optional {
                return Compiled(code: "\(argument.code).unicodeScalars.count", kind: .number)
            }
            // A missing list has no elements.
            return Compiled(code: "\(try asList(argument, path: path).code).count", kind: .number)
        case .literal(.number(let value)):
            return Compiled(code: value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value), kind: .number)
        case .comparison(let comparator, let left, let right):
            let lhs = try compile(left, base: base, path: path, closureDepth: &closureDepth)
            let rhs = try compile(right, base: base, path: path, closureDepth: &closureDepth)
            guard case .number = lhs.kind, case .number = rhs.kind else {
                throw .init(message: "the path \(SmithyIdentifier.quoted(path)) compares something other than numbers, which is not compiled yet")
            }
            return Compiled(code: "\(lhs.code) \(comparator.rawValue) \(rhs.code)", kind: .boolean)
        case .and(let left, let right), .or(let left, let right):
            let lhs = try compile(left, base: base, path: path, closureDepth: &closureDepth)
            let rhs = try compile(right, base: base, path: path, closureDepth: &closureDepth)
            guard case .boolean = lhs.kind, case .boolean = rhs.kind else {
                throw .init(message: "the path \(SmithyIdentifier.quoted(path)) combines values that are not comparisons, which is not compiled yet")
            }
            let symbol = if case .and = expression { "&&" } else { "||" }
            return Compiled(code: "(\(lhs.code)) \(symbol) (\(rhs.code))", kind: .boolean)
        case .not(let inner):
            let operand = try compile(inner, base: base, path: path, closureDepth: &closureDepth)
            guard case .boolean = operand.kind else {
                throw .init(message: "the path \(SmithyIdentifier.quoted(path)) negates a value that is not a comparison, which is not compiled yet")
            }
            return Compiled(code: "!(\(operand.code))", kind: .boolean)
        default:
            throw .init(message: "the path \(SmithyIdentifier.quoted(path)) uses filters, functions or operators, which are not compiled yet")
        }
    }

    /// The value as a non-optional array of its elements (a list member read through `?? []`).
    private func asList(_ compiled: Compiled, path: String) throws(Unsupported) -> Compiled {
        switch compiled.kind {
        case .list:
            return compiled
        case .number, .boolean:
            throw .init(message: "the path \(SmithyIdentifier.quoted(path)) projects over a computed value")
        case .value(let shape, let optional):
            guard shape.type == .list, let member = shape.member(named: "member"), let element = context.model.shape(member.target) else {
                throw .init(message: "the path \(SmithyIdentifier.quoted(path)) projects over something that is not a list")
            }
            let array = optional ? "(\(compiled.code) ?? [])" : compiled.code
            // A sparse list holds optionals: its nulls are dropped, as projections drop them.
            return Compiled(code: shape.traits.isSparse ? "\(array).compactMap { $0 }" : array, kind: .list(element))
        }
    }

    /// `input.a.b` split into `input` and `a.b`.
    static func splitFirstField(_ expression: JMESPathExpression) -> (String, JMESPathExpression)? {
        switch expression {
        case .field(let name): return (name, .current)
        case .subexpression(let left, let right):
            guard let (name, rest) = splitFirstField(left) else { return nil }
            return (name, rest == .current ? right : .subexpression(rest, right))
        case .listProjection(let left, let right):
            guard let (name, rest) = splitFirstField(left) else { return nil }
            return (name, .listProjection(rest, right))
        case .flatten(let inner):
            guard let (name, rest) = splitFirstField(inner) else { return nil }
            return (name, .flatten(rest))
        default: return nil
        }
    }

    private static func describe(_ kind: Compiled.Kind) -> String {
        switch kind {
        case .value(let shape, _): "a \(shape.type.rawValue)"
        case .list(let shape): "a list of \(shape.type.rawValue)"
        case .number: "a number"
        case .boolean: "a boolean"
        }
    }
}
