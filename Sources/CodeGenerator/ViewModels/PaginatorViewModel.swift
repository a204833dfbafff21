import SmithyModel

/// A paginated operation's page (and item) sequences, from its `paginated` trait merged with the service's.
struct PaginatorViewModel {
    let methodName: String
    let operationMethod: String
    let inputType: String
    let outputType: String
    /// The input property that carries the token, e.g. `nextToken`.
    let inputTokenProperty: String
    /// An expression reading the next token from `output`, e.g. `output.nextToken`.
    let outputTokenExpression: String
    let hasItems: Bool
    let itemType: String
    /// An expression reading the page's items from `output`, absent lists read as empty.
    let itemsExpression: String
    let deprecatedAttribute: String?
    let access: String
    /// Whether a blank line separates this block from the one before.
    var isFollowing = false

    init?(operation: Shape, input: Shape?, output: Shape?, context: ServiceContext, methodName: String,
          deprecatedAttribute: String?) {
        guard let trait = operation.traits.paginated?.merged(withDefaults: context.service.traits.paginated) else {
            return nil
        }
        // A paginated operation without both tokens (or whose tokens name no member) gets no paginator: the
        // operation itself is still generated.
        func skip(_ reason: String) {
            context.diagnostics.warning("no paginator for \(operation.id.name): \(reason)", shape: operation.id,
                                        path: JSONPath.key(JSONPath.key(operation.jsonPath, "traits"), TraitID.paginated))
        }
        guard let inputToken = trait.inputToken, let outputToken = trait.outputToken else {
            skip("the paginated trait names no inputToken or no outputToken"); return nil
        }
        guard let input, let output else { skip("the operation has no input or no output structure"); return nil }
        guard let inputTokenMember = input.member(named: inputToken) else {
            skip("inputToken \(SmithyIdentifier.quoted(inputToken)) is not a member of \(input.id)"); return nil
        }
        let resolver = SwiftTypeResolver(context: context)
        self.methodName = methodName.trimmingCharacters(in: "`") + "Paginator"
        operationMethod = methodName
        inputType = context.names[input.id] ?? input.id.name
        outputType = context.names[output.id] ?? output.id.name
        inputTokenProperty = MemberViewModel(member: inputTokenMember, in: input, context: context,
                                             recursion: context.recursion).storageName
        guard let token = Self.path(outputToken, from: output, context: context) else {
            skip("outputToken \(SmithyIdentifier.quoted(outputToken)) does not lead to a member of \(output.id)"); return nil
        }
        outputTokenExpression = token.expression
        if let items = trait.items, let itemPath = Self.path(items, from: output, context: context),
           let listShape = context.model.shape(itemPath.target), listShape.type == .list || listShape.type == .set,
           let element = listShape.listMember {
            hasItems = true
            itemType = resolver.type(of: element.target) + (listShape.traits.isSparse ? "?" : "")
            itemsExpression = itemPath.isOptional ? "\(itemPath.expression) ?? []" : itemPath.expression
        } else {
            hasItems = false
            itemType = "Never"
            itemsExpression = "[]"
        }
        self.deprecatedAttribute = deprecatedAttribute
        access = context.access
    }

    /// Follows a dotted member path (`a.b.c`) from the output, building an optional-chained expression.
    private static func path(_ dotted: String, from shape: Shape, context: ServiceContext)
        -> (expression: String, target: ShapeID, isOptional: Bool)?
    {
        var expression = "output"
        var current = shape
        var anyOptional = false
        // `?.` follows a member that is itself optional; a non-optional member inside a chain keeps `.`
        // (`output.a?.b.c` when only `a` is optional).
        var previousIsOptional = false
        let names = dotted.split(separator: ".").map(String.init)
        for (index, name) in names.enumerated() {
            guard let member = current.member(named: name) else { return nil }
            let view = MemberViewModel(member: member, in: current, context: context,
                                       recursion: context.recursion)
            expression += (previousIsOptional ? "?." : ".") + view.storageName
            previousIsOptional = view.isOptional
            anyOptional = anyOptional || view.isOptional
            if index == names.count - 1 { return (expression, member.target, anyOptional) }
            guard let next = context.model.shape(member.target) else { return nil }
            current = next
        }
        return nil
    }
}
