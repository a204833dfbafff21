import SmithyModel

/// Compiles a waiter's JMESPath into a Swift condition over the typed output (and input), at generation time:
///
/// - member chains: `Table.TableStatus` → `output.table?.tableStatus?.rawValue == "ACTIVE"`;
/// - list projections, flattening, filters, indexes and pipes: `Reservations[].Instances[].State.Name`,
///   `Items[?Status == 'READY'].Name`, `Items[0].Name`, `Items[-1]`, `Items[] | [0]`;
/// - comparisons of numbers, strings, enums and booleans (`==`, `!=`, and `<`, `<=`, `>`, `>=` on numbers),
///   `null` literals, `&&`, `||`, `!`, and the functions `length` and `contains`;
/// - `inputOutput` paths reading `input` and `output` anywhere (`input.Name == output.Name`).
///
/// The Swift keeps JMESPath's meaning where a value is missing, as the differential test against the reference
/// evaluator checks: a projection over a missing list is null, not empty; `length` or `contains` of null is an
/// error, so the acceptor does not match (the generated code throws, and a waiter takes a throwing matcher as no
/// match); an ordering with a missing number is null, so neither `booleanEquals true` nor `false` matches; a
/// filter keeps an element only when its condition is truthy. Anything else (slices, object projections,
/// multi-selects, other functions, comparisons of unlike types) is reported and the waiter left out, never guessed.
struct WaiterPathCompiler {
    let context: ServiceContext
    let recursion: RecursionAnalysis

    typealias Unsupported = WaiterAcceptorViewModel.Unsupported

    /// A compiled subexpression: Swift code, and what it evaluates to.
    struct Compiled {
        enum Kind {
            /// One value of `shape`; `optional` when the code yields a Swift optional.
            case value(Shape, optional: Bool)
            /// A Swift array whose elements are values of `shape` (nulls dropped); `optional` when the code yields
            /// an optional array (a projection over a missing list is null).
            case list(Shape, optional: Bool)
            /// A projection of a projection (`a[*].b[*]`): a Swift array of arrays of `shape`, which JMESPath keeps
            /// nested until a `[]` flattens it.
            case nestedLists(Shape, optional: Bool)
            /// A non-optional `Int` computed in the path (`length(…)`) or a number literal.
            case number
            /// A Bool computed in the path; `optional` when it may be null (an ordering with a missing number).
            case boolean(optional: Bool)
            /// A string literal.
            case string
            /// The `null` literal.
            case null
            /// The root of an inputOutput path: `input` and `output` are its fields.
            case inputOutput
        }
        var code: String
        var kind: Kind
        /// The code is an optional chain (`a?.b`) whose last link is not optional itself: the next member is read
        /// with `.` (`a?.b.c`), as Swift requires, although the whole is optional.
        var continuesChain = false
        /// The code calls a `WaiterMatching` function that throws where JMESPath has an error (`length(null)`).
        var throwing = false

        var isOptional: Bool {
            switch kind {
            case .value(_, let optional), .list(_, let optional), .nestedLists(_, let optional), .boolean(let optional): optional
            default: false
            }
        }

        /// `code.name`, or `code?.name` where the value itself may be missing.
        func reading(_ name: String) -> String {
            code + (isOptional && !continuesChain ? "?." : ".") + name
        }

        /// This code with another result: still throwing when it was.
        func with(code: String, kind: Kind, continuesChain: Bool = false, throwing: Bool = false) -> Compiled {
            Compiled(code: code, kind: kind, continuesChain: continuesChain, throwing: self.throwing || throwing)
        }
    }

    /// What compiling one path has found out so far.
    private struct State {
        let path: String
        /// Closures nest (projections, filters); each gets its own parameter name.
        var closureCount = 0
        var readsOutput = false

        mutating func nextClosureParameter() -> String {
            closureCount += 1
            return "element\(closureCount)"
        }

        func unsupported(_ what: String) -> Unsupported {
            .init(message: "the path \(SmithyIdentifier.quoted(path)) \(what)")
        }
    }

    /// The Swift condition for `path comparator expected` (prefixed with `try` when it may throw), and whether
    /// it reads the output.
    func condition(path: String, comparator: String, expected: String, roots: [String: Shape?]) throws(Unsupported)
        -> (code: String, readsOutput: Bool)
    {
        let expression: JMESPathExpression
        do {
            expression = try JMESPathParser.parse(path)
        } catch {
            throw .init(message: "the path \(SmithyIdentifier.quoted(path)) is not JMESPath (\(error))")
        }
        var state = State(path: path)
        let start: Compiled
        if let root = roots[""] {
            guard let root else { throw .init(message: "the operation has no output for \(SmithyIdentifier.quoted(path))") }
            start = Compiled(code: "output", kind: .value(root, optional: false))
            state.readsOutput = true
        } else {
            start = Compiled(code: "", kind: .inputOutput)
        }
        let compiled = try compile(expression, base: start, roots: roots, state: &state)
        let code = try compare(compiled, comparator: comparator, expected: expected, state: state)
        return ((compiled.throwing ? "try " : "") + code, state.readsOutput)
    }

    // MARK: The matcher's comparator

    private func compare(_ compiled: Compiled, comparator: String, expected: String, state: State) throws(Unsupported) -> String {
        let literal = SwiftLiteral.string(expected)
        switch (comparator, compiled.kind) {
        case ("stringEquals", .value(let shape, _)):
            return try stringCode(compiled, shape: shape, state: state).code + " == " + literal
        case ("booleanEquals", .boolean), ("booleanEquals", .value(_, _)):
            guard expected == "true" || expected == "false" else {
                throw .init(message: "booleanEquals with \(SmithyIdentifier.quoted(expected)), which is not true or false")
            }
            if case .value(let shape, _) = compiled.kind, shape.type != .boolean {
                throw state.unsupported("is not a boolean, so booleanEquals never matches")
            }
            return "(\(compiled.code)) == \(expected)"
        case ("allStringEquals", .list(let shape, let optional)), ("anyStringEquals", .list(let shape, let optional)):
            // A null list matches neither: allStringEquals needs a non-empty list, anyStringEquals one match.
            let list = optional ? "(\(compiled.code) ?? [])" : compiled.code
            let strings = try stringCode(Compiled(code: "$0", kind: .value(shape, optional: false)), shape: shape, state: state).code
            let values = strings == "$0" ? list : "\(list).map { \(strings) }"
            return "WaiterMatching.\(comparator == "allStringEquals" ? "all" : "any")(\(values), equal: \(literal))"
        default:
            throw .init(message: "the \(SmithyIdentifier.quoted(comparator)) comparator on \(SmithyIdentifier.quoted(state.path)), which gives \(Self.describe(compiled.kind))")
        }
    }

    // MARK: Expressions

    private func compile(_ expression: JMESPathExpression, base: Compiled, roots: [String: Shape?], state: inout State)
        throws(Unsupported) -> Compiled
    {
        switch expression {
        case .current:
            return base
        case .field(let name):
            return try field(name, of: base, roots: roots, state: &state)
        case .subexpression(let left, let right), .pipe(let left, let right):
            let lhs = try compile(left, base: base, roots: roots, state: &state)
            return try compile(right, base: lhs, roots: roots, state: &state)
        case .index(let index):
            let list = try asList(base, state: state)
            guard case .list(let element, _) = list.kind else { preconditionFailure("asList returns a list") }
            return list.with(code: "WaiterMatching.element(\(list.code), at: \(index))", kind: .value(element, optional: true))
        case .flatten(let inner):
            let operand = try compile(inner, base: base, roots: roots, state: &state)
            if case .nestedLists(let element, let optional) = operand.kind {
                return operand.with(code: operand.reading("flatMap { $0 }"), kind: .list(element, optional: optional),
                                    continuesChain: optional)
            }
            let list = try asList(operand, state: state)
            guard case .list(let element, let optional) = list.kind, element.type == .list,
                  let member = element.member(named: "member"), let innerElement = context.model.shape(member.target) else {
                return list
            }
            // Nested lists are flattened one level; a sparse inner list's nulls are dropped, as JMESPath drops them.
            let flattened = element.traits.isSparse ? "flatMap { $0.compactMap { $0 } }" : "flatMap { $0 }"
            return list.with(code: list.reading(flattened), kind: .list(innerElement, optional: optional), continuesChain: optional)
        case .listProjection(let left, let right):
            let list = try asList(try compile(left, base: base, roots: roots, state: &state), state: state)
            return try project(list, through: right, roots: roots, state: &state)
        case .filterProjection(let left, let right, let condition):
            let list = try asList(try compile(left, base: base, roots: roots, state: &state), state: state)
            guard case .list(let element, let optional) = list.kind else { preconditionFailure("asList returns a list") }
            let name = state.nextClosureParameter()
            let test = try truth(condition, base: Compiled(code: name, kind: .value(element, optional: false)),
                                 roots: roots, state: &state)
            let filtered = list.with(code: list.reading("filter { \(name) in \(test.throwing ? "try " : "")\(test.code) }"),
                                     kind: .list(element, optional: optional), continuesChain: optional, throwing: test.throwing)
            return try project(filtered, through: right, roots: roots, state: &state)
        case .function(let name, let arguments):
            return try function(name, arguments, base: base, roots: roots, state: &state)
        case .literal(let value):
            return try literal(value, state: state)
        case .comparison(let comparator, let left, let right):
            return try comparison(comparator, try compile(left, base: base, roots: roots, state: &state),
                                  try compile(right, base: base, roots: roots, state: &state), state: state)
        case .and(let left, let right), .or(let left, let right):
            let lhs = try compile(left, base: base, roots: roots, state: &state)
            let rhs = try compile(right, base: base, roots: roots, state: &state)
            let (left, right) = (try booleanValue(lhs, state: state), try booleanValue(rhs, state: state))
            let throwing = lhs.throwing || rhs.throwing
            if !left.optional && !right.optional {
                return Compiled(code: "(\(lhs.code)) \(expression.isAnd ? "&&" : "||") (\(rhs.code))", kind: .boolean(optional: false),
                                throwing: throwing)
            }
            // With a null side JMESPath gives null or the other side, never a made-up false.
            return Compiled(code: "WaiterMatching.\(expression.isAnd ? "and" : "or")(\(lhs.code), \(rhs.code))",
                            kind: .boolean(optional: true), throwing: throwing)
        case .not(let inner):
            let test = try truth(inner, base: base, roots: roots, state: &state)
            return test.with(code: "!(\(test.code))", kind: .boolean(optional: false))
        default:
            throw state.unsupported("uses slices, object projections or multi-selects, which are not compiled")
        }
    }

    private func field(_ name: String, of base: Compiled, roots: [String: Shape?], state: inout State) throws(Unsupported)
        -> Compiled
    {
        if case .inputOutput = base.kind {
            guard name == "input" || name == "output", let root = roots[name] ?? nil else {
                throw state.unsupported("reads \(SmithyIdentifier.quoted(name)), but an inputOutput path reads input or output")
            }
            if name == "output" { state.readsOutput = true }
            return Compiled(code: name, kind: .value(root, optional: false))
        }
        guard case .value(let container, let optional) = base.kind, container.type == .structure,
              let member = container.member(named: name), let target = context.model.shape(member.target) else {
            throw state.unsupported("names \(SmithyIdentifier.quoted(name)), which is not a member there")
        }
        let viewModel = MemberViewModel(member: member, in: container, context: context, recursion: recursion)
        return base.with(code: base.reading(viewModel.propertyName), kind: .value(target, optional: optional || viewModel.isOptional),
                         continuesChain: optional && !viewModel.isOptional)
    }

    /// `right` applied to each element of `list`; null results are dropped, as projections drop them.
    private func project(_ list: Compiled, through right: JMESPathExpression, roots: [String: Shape?], state: inout State)
        throws(Unsupported) -> Compiled
    {
        guard case .list(let element, let optional) = list.kind else { preconditionFailure("project takes a list") }
        if right == .current { return list }
        let name = state.nextClosureParameter()
        let projected = try compile(right, base: Compiled(code: name, kind: .value(element, optional: false)),
                                    roots: roots, state: &state)
        let body = (projected.throwing ? "try " : "") + projected.code
        let call: String
        let shape: Shape
        switch projected.kind {
        case .value(let result, let resultOptional):
            (call, shape) = ("\(resultOptional ? "compactMap" : "map") { \(name) in \(body) }", result)
        case .list(let result, let resultOptional):
            // A projection of a projection stays nested, as in JMESPath; an inner null is dropped like any null.
            let call = "\(resultOptional ? "compactMap" : "map") { \(name) in \(body) }"
            return list.with(code: list.reading(call), kind: .nestedLists(result, optional: optional), continuesChain: optional,
                             throwing: projected.throwing)
        default:
            throw state.unsupported("projects a computed value or nests projections three deep, which is not compiled")
        }
        return list.with(code: list.reading(call), kind: .list(shape, optional: optional), continuesChain: optional,
                         throwing: projected.throwing)
    }

    private func function(_ name: String, _ arguments: [JMESPathExpression], base: Compiled, roots: [String: Shape?],
                          state: inout State) throws(Unsupported) -> Compiled
    {
        var compiled: [Compiled] = []
        for argument in arguments { compiled.append(try compile(argument, base: base, roots: roots, state: &state)) }
        switch (name, compiled.count) {
        case ("length", 1):
            return try length(compiled[0], state: state)
        case ("contains", 2):
            return try contains(compiled[0], compiled[1], state: &state)
        default:
            throw state.unsupported("calls \(name)() with \(compiled.count) argument(s); only length(x) and contains(x, y) are compiled")
        }
    }

    /// `length(x)` of a string (code points), list or map; of anything missing an error (the acceptor does not match).
    private func length(_ argument: Compiled, state: State) throws(Unsupported) -> Compiled {
        switch argument.kind {
        case .value(let shape, let optional) where [.string, .list, .map].contains(shape.type):
            // A sparse list's nulls count: this is the list itself, not a projection of it.
            let subject = shape.type == .string ? argument.reading("unicodeScalars") : argument.code
            if !optional { return argument.with(code: "\(subject).count", kind: .number) }
            let counted = shape.type == .string ? argument.code : subject
            return argument.with(code: "WaiterMatching.length(\(counted))", kind: .number, throwing: true)
        case .list(_, let optional), .nestedLists(_, let optional):
            if !optional { return argument.with(code: argument.reading("count"), kind: .number) }
            return argument.with(code: "WaiterMatching.length(\(argument.code))", kind: .number, throwing: true)
        default:
            throw state.unsupported("takes the length of \(Self.describe(argument.kind)), which is not compiled")
        }
    }

    /// `contains(subject, search)`: a substring of a string, or an element of a list equal to `search`.
    private func contains(_ subject: Compiled, _ search: Compiled, state: inout State) throws(Unsupported) -> Compiled {
        let throwing = subject.throwing || search.throwing
        if case .value(let shape, let optional) = subject.kind, shape.type == .string || shape.type == .enum {
            guard case .string = search.kind else { throw state.unsupported("searches a string for something that is not a string literal") }
            let text = try stringCode(subject, shape: shape, state: state)
            if !optional { return Compiled(code: text.reading("contains(\(search.code))"), kind: .boolean(optional: false), throwing: throwing) }
            return Compiled(code: "WaiterMatching.contains(\(text.code), \(search.code))", kind: .boolean(optional: false), throwing: true)
        }
        let list = try asList(subject, state: state)
        guard case .list(let element, let optional) = list.kind else { preconditionFailure("asList returns a list") }
        let name = state.nextClosureParameter()
        let equal = try comparison(.equal, Compiled(code: name, kind: .value(element, optional: false)), search, state: state)
        let test = "{ \(name) in \(equal.throwing ? "try " : "")\(equal.code) }"
        if !optional {
            return Compiled(code: list.reading("contains \(test)"), kind: .boolean(optional: false), throwing: throwing || equal.throwing)
        }
        return Compiled(code: "WaiterMatching.contains(\(list.code)) \(test)", kind: .boolean(optional: false), throwing: true)
    }

    private func literal(_ value: JMESValue, state: State) throws(Unsupported) -> Compiled {
        switch value {
        case .number(let number):
            guard number.isFinite else { throw state.unsupported("holds a number Swift cannot write") }
            return Compiled(code: number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number), kind: .number)
        case .string(let text):
            return Compiled(code: SwiftLiteral.string(text), kind: .string)
        case .bool(let flag):
            return Compiled(code: String(flag), kind: .boolean(optional: false))
        case .null:
            return Compiled(code: "nil", kind: .null)
        default:
            throw state.unsupported("holds an array or object literal, which is not compiled")
        }
    }

    // MARK: Comparisons and truth

    /// `lhs op rhs` for two numbers, two strings (enums read as their values) or two booleans, or a value and null.
    private func comparison(_ comparator: JMESPathComparator, _ lhs: Compiled, _ rhs: Compiled, state: State)
        throws(Unsupported) -> Compiled
    {
        let throwing = lhs.throwing || rhs.throwing
        let isEquality = comparator == .equal || comparator == .notEqual
        func result(_ code: String, optional: Bool = false) -> Compiled {
            Compiled(code: code, kind: .boolean(optional: optional), throwing: throwing)
        }
        if case .null = rhs.kind, isEquality, lhs.isOptional { return result("\(lhs.code) \(comparator.rawValue) nil") }
        if case .null = lhs.kind, isEquality, rhs.isOptional { return result("\(rhs.code) \(comparator.rawValue) nil") }
        if let left = numberOperand(lhs), let right = numberOperand(rhs) {
            if left.isPlainInteger && right.isPlainInteger {
                return result("\(left.code) \(comparator.rawValue) \(right.code)")
            }
            // Members of different Swift number types meet as Doubles, missing ones as nil; literals stay bare,
            // and Swift types them as the Double the other side is.
            func asDouble(_ code: String) -> String { Double(code) != nil ? code : "WaiterMatching.number(\(code))" }
            let (leftCode, rightCode) = (asDouble(left.code), asDouble(right.code))
            if isEquality || (!left.optional && !right.optional) {
                return result("\(leftCode) \(comparator.rawValue) \(rightCode)")
            }
            // An ordering with a missing number is null in JMESPath, not false.
            return result("WaiterMatching.order(\(leftCode), \(SwiftLiteral.string(comparator.rawValue)), \(rightCode))", optional: true)
        }
        guard isEquality else { throw state.unsupported("orders values that are not numbers, which JMESPath leaves null") }
        if let left = try stringOperand(lhs, state: state), let right = try stringOperand(rhs, state: state) {
            return result("\(left) \(comparator.rawValue) \(right)")
        }
        if let left = booleanOperand(lhs), let right = booleanOperand(rhs) {
            return result("(\(left)) \(comparator.rawValue) (\(right))")
        }
        throw state.unsupported("compares \(Self.describe(lhs.kind)) with \(Self.describe(rhs.kind)), which is not compiled")
    }

    /// JMESPath's truthiness of `expression`, as a Swift Bool: false, null, empty strings and empty lists are false.
    private func truth(_ expression: JMESPathExpression, base: Compiled, roots: [String: Shape?], state: inout State)
        throws(Unsupported) -> Compiled
    {
        switch expression {
        case .and(let left, let right), .or(let left, let right):
            // Inside a condition only truth matters, so `a && b` is truthy exactly when both sides are.
            let lhs = try truth(left, base: base, roots: roots, state: &state)
            let rhs = try truth(right, base: base, roots: roots, state: &state)
            return Compiled(code: "(\(lhs.code)) \(expression.isAnd ? "&&" : "||") (\(rhs.code))", kind: .boolean(optional: false),
                            throwing: lhs.throwing || rhs.throwing)
        default:
            let compiled = try compile(expression, base: base, roots: roots, state: &state)
            let code: String
            switch compiled.kind {
            case .boolean(let optional):
                code = optional ? "(\(compiled.code)) == true" : compiled.code
            case .value(let shape, let optional) where shape.type == .boolean:
                code = optional ? "\(compiled.code) == true" : compiled.code
            case .value(let shape, let optional) where shape.type == .string || shape.type == .enum:
                let string = try stringCode(compiled, shape: shape, state: state).code
                code = optional ? "!(\(string) ?? \"\").isEmpty" : "!\(string).isEmpty"
            case .value(let shape, _) where shape.type == .list:
                let list = try asList(compiled, state: state)
                code = list.isOptional ? "!(\(list.code) ?? []).isEmpty" : "!\(list.code).isEmpty"
            case .list, .nestedLists:
                let list = compiled
                code = list.isOptional ? "!(\(list.code) ?? []).isEmpty" : "!\(list.code).isEmpty"
            default:
                throw state.unsupported("tests the truth of \(Self.describe(compiled.kind)), which is not compiled")
            }
            return compiled.with(code: code, kind: .boolean(optional: false))
        }
    }

    /// A side of `&&` or `||` outside a filter: a boolean, which may be null; other values would make JMESPath
    /// return a non-boolean, which no boolean matcher can use.
    private func booleanValue(_ compiled: Compiled, state: State) throws(Unsupported) -> (code: String, optional: Bool) {
        switch compiled.kind {
        case .boolean(let optional): return (compiled.code, optional)
        case .value(let shape, let optional) where shape.type == .boolean: return (compiled.code, optional)
        default: throw state.unsupported("combines values that are not booleans, which is not compiled")
        }
    }

    /// A number's code; `isPlainInteger` when it is a non-optional `Int` computed in the path or an integer literal,
    /// which Swift compares as they are.
    private func numberOperand(_ compiled: Compiled) -> (code: String, optional: Bool, isPlainInteger: Bool)? {
        switch compiled.kind {
        case .number:
            // Computed numbers are `Int` counts; a literal is plain when it is a whole number.
            return (compiled.code, false, Double(compiled.code) == nil || Int64(compiled.code) != nil)
        case .value(let shape, let optional):
            switch shape.type {
            case .byte, .short, .integer, .long, .float, .double: return (compiled.code, optional, false)
            case .intEnum: return (compiled.reading("rawValue"), optional, false)
            default: return nil
            }
        default:
            return nil
        }
    }

    private func stringOperand(_ compiled: Compiled, state: State) throws(Unsupported) -> String? {
        switch compiled.kind {
        case .string: return compiled.code
        case .value(let shape, _) where shape.type == .string || shape.type == .enum:
            return try stringCode(compiled, shape: shape, state: state).code
        default: return nil
        }
    }

    private func booleanOperand(_ compiled: Compiled) -> String? {
        switch compiled.kind {
        case .boolean: return compiled.code
        case .value(let shape, _) where shape.type == .boolean: return compiled.code
        default: return nil
        }
    }

    // MARK: Helpers

    /// A string or string-enum value read as a `String` (a `String?` when it may be missing).
    private func stringCode(_ compiled: Compiled, shape: Shape, state: State) throws(Unsupported) -> Compiled {
        switch shape.type {
        case .string where SwiftTypeResolver(context: context).type(of: shape.id) == "String":
            return compiled
        case .string, .enum:
            return compiled.with(code: compiled.reading("rawValue"), kind: compiled.kind, continuesChain: compiled.isOptional)
        default:
            throw state.unsupported("compares a \(shape.type.rawValue) with a string")
        }
    }

    /// The value as a Swift array of its elements, optional when the list may be missing.
    private func asList(_ compiled: Compiled, state: State) throws(Unsupported) -> Compiled {
        switch compiled.kind {
        case .list:
            return compiled
        case .value(let shape, let optional):
            guard shape.type == .list, let member = shape.member(named: "member"), let element = context.model.shape(member.target) else {
                throw state.unsupported("projects over something that is not a list")
            }
            // A sparse list holds optionals: its nulls are dropped, as projections drop them.
            guard shape.traits.isSparse else { return compiled.with(code: compiled.code, kind: .list(element, optional: optional),
                                                                      continuesChain: compiled.continuesChain) }
            return compiled.with(code: compiled.reading("compactMap { $0 }"), kind: .list(element, optional: optional),
                                 continuesChain: optional)
        default:
            throw state.unsupported("projects over \(Self.describe(compiled.kind))")
        }
    }

    private static func describe(_ kind: Compiled.Kind) -> String {
        switch kind {
        case .value(let shape, _): "a \(shape.type.rawValue)"
        case .list(let shape, _): "a list of \(shape.type.rawValue)"
        case .nestedLists(let shape, _): "a list of lists of \(shape.type.rawValue) (flatten it with [] to compare its elements)"
        case .number: "a number"
        case .boolean: "a boolean"
        case .string: "a string literal"
        case .null: "null"
        case .inputOutput: "the input and output together"
        }
    }
}

private extension JMESPathExpression {
    var isAnd: Bool {
        if case .and = self { return true }
        return false
    }
}
